#pragma once
// The build as the user sees it: load -> check -> derive -> render -> write, one call each.
#include <iosfwd>
#include <string>
#include <vector>

namespace hwbgen::cli {

struct BuildOptions {
    std::string root = ".";
    std::string out;                  ///< default: <root>/site
    std::vector<std::string> places;  ///< default: every place under content/
    bool check_only = false;
    bool quiet = false;
    unsigned jobs = 0;  ///< places processed at once; 0: one per processor core
};

/// Exit codes users and scripts rely on.
enum ExitCode { exit_ok = 0, exit_content_error = 1, exit_usage_error = 2 };

/// Runs the pipeline; diagnostics go to `err`, progress to `out`. Places are loaded, checked,
/// rendered and written to staging folders on up to `jobs` threads, but swapped in and reported
/// in place order, so the output, the files and the exit code are those of a build one place at
/// a time. Building every place (no
/// names given) also writes the system page, OUT/index.html, once every place has built.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hwbgen::cli
