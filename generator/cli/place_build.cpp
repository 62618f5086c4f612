#include "cli/place_build.hpp"

#include <locale>

#include "check/check.hpp"
#include "check/easy_read.hpp"
#include "load/easy_read.hpp"
#include "load/load.hpp"
#include "load/system.hpp"

namespace hwbgen::cli {

namespace {

// The system page's stylesheet goes in OUT/assets/, so no place may be called that.
void check_place_folders(const std::vector<std::string>& known, diag::Diagnostics& diags) {
    for (const auto& id : known)
        if (id == "assets")
            diags.error({"content/assets/place.yaml", 0, 0}, "a place cannot be called 'assets'",
                        "the site uses assets/ for its stylesheet; rename the folder under content/");
}

}  // namespace

// libstdc++ fills std::ctype<char>'s narrow() cache lazily, one character at a time, as
// std::regex compiles; threads compiling their first regexes at once would race on it (GCC bug
// 77704). Filling it before any thread starts leaves only reads.
void fill_locale_caches() {
    const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
    for (int c = 0; c < 256; ++c) (void)ctype.narrow(static_cast<char>(c), '\0');
}

void load_shared(const load::ContentTree& tree, const std::vector<std::string>& known, SharedInputs& shared,
                 diag::Diagnostics& diags) {
    check_place_folders(known, diags);
    load::check_theme_files(tree, diags);
    shared.system = load::load_system(tree, diags);
    diag::Diagnostics own;
    shared.indicators = load::load_indicators(tree, own);
    check::check_indicators(shared.indicators, own);
    derive::complete_limits(shared.indicators);  // read-only from here on, shared by every thread
    if (!own.has_errors()) shared.index = std::make_unique<derive::IndicatorIndex>(shared.indicators);
    diags.append(own);
    shared.easy_read = load::load_easy_read_resources(tree, diags);
}

model::Place system_view(const model::Place& place) {
    model::Place slim;
    slim.id = place.id;
    slim.name = place.name;
    slim.board = place.board;
    slim.strategy = place.strategy;
    slim.area_code = place.area_code;
    slim.comparators = place.comparators;
    return slim;
}

void build_place(const load::ContentTree& tree, const SharedInputs& shared, const std::string& id, bool check_only,
                 load::ParseCache* cache, PlaceBuild& out, const render::RenderOptions& render_options) {
    out.place = load::load_place(tree, id, out.diags, cache);
    // Checks run on whatever was read, so one run shows every problem; check_place leaves out
    // what a file that could not be read would make look wrong.
    check::check_place(out.place, shared.indicators, out.diags);
    check::check_easy_read(out.place, shared.easy_read, tree, out.diags);
    if (out.diags.has_errors() || check_only || !shared.index) return;
    out.figures = derive::indicator_figures(out.place, shared.indicators, *shared.index);
    out.files = render::render_place(tree, out.place, out.figures, shared.easy_read, out.diags, render_options,
                                     &out.print_jobs);
}

}  // namespace hwbgen::cli
