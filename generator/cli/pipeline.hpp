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
    unsigned jobs = 0;            ///< places processed at once; 0: one per processor core
    unsigned wait_seconds = 600;  ///< how long to wait for another build into the same output folder
    bool pdf = true;              ///< print each place's PDFs (needs chromium); --no-pdf skips them
    bool search = true;           ///< build each place's search index (needs Pagefind); --no-search skips it
    const struct PublishSteps* steps = nullptr;  ///< set by run_build: what those can run
};

/// Exit codes users and scripts rely on: 2 also for an output folder hwbgen refuses (one it did not
/// make, the project or a folder holding it, home, `/`) or one another build kept locked too long.
enum ExitCode { exit_ok = 0, exit_content_error = 1, exit_usage_error = 2 };

/// Runs the pipeline with the `given` options; diagnostics go to `err`, progress to `out`. Building first claims the
/// output folder (write/out_folder.hpp: refusals, lock, leftovers of a killed build). Places are loaded, checked,
/// rendered and staged on up to `jobs` threads, but accounted for in place order, so the messages and the exit code are
/// those of a build one place at a time. Building every place (no names given) also stages the system page,
/// OUT/index.html. Nothing is published unless every place (and the system page) built; then all of it is swapped in at
/// once (write/site_update.hpp).
int run_build(const BuildOptions& given, std::ostream& out, std::ostream& err);

}  // namespace hwbgen::cli
