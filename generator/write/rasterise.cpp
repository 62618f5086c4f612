#include "write/rasterise.hpp"

#include <boost/filesystem.hpp>

#include "write/run_program.hpp"

namespace hwbgen::write {

namespace {
constexpr int draw_timeout = 60;
}

bool svg_to_png(const std::string& program, const std::string& dir, const std::string& svg, const std::string& png,
                const std::string& where, diag::Diagnostics& diags) {
    namespace fs = boost::filesystem;
    if (!fs::exists(dir + "/" + svg)) return true;
    // Fontconfig keeps its cache under the home folder: give it a scratch one.
    const ScratchFolder scratch("rsvg");
    const auto run = run_program({program, "--format=png", "--output=" + dir + "/" + png, dir + "/" + svg},
                                 draw_timeout, "", {"XDG_CACHE_HOME=" + scratch.path()});
    boost::system::error_code ec;
    if (run.exit_code == 0 && fs::file_size(dir + "/" + png, ec) > 0 && !ec) return true;
    diags.error({where, 0, 0},
                "could not draw " + png + " from " + svg + ": " +
                    (run.timed_out ? "rsvg-convert took too long" : run.output),
                "check that rsvg-convert runs (rsvg-convert --version), or build with --no-pdf");
    return false;
}

}  // namespace hwbgen::write
