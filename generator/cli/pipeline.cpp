#include "cli/pipeline.hpp"

#include "cli/diagnostics_output.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <locale>
#include <mutex>
#include <ostream>
#include <thread>

#include "check/check.hpp"
#include "check/easy_read.hpp"
#include "derive/indicator_figures.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"
#include "load/system.hpp"
#include "render/site.hpp"
#include "render/system.hpp"
#include "write/publish.hpp"

namespace hwbgen::cli {

namespace {

// Names given on the command line must be places; a typo gets a suggestion.
bool check_place_names(const std::vector<std::string>& wanted, const std::vector<std::string>& known,
                       std::ostream& err) {
    bool ok = true;
    for (const auto& w : wanted) {
        bool found = false;
        for (const auto& k : known) found = found || k == w;
        if (found) continue;
        ok = false;
        err << "hwbgen: error: no place '" << w << "' under content/\n";
        const std::string hint = diag::did_you_mean(w, known);
        err << "hint: " << (hint.empty() ? "a place is a folder under content/ with a place.yaml" : hint) << "\n";
    }
    return ok;
}

// What one place came to. Places are prepared (loaded, checked, derived, rendered, written to a
// staging folder) in parallel, then committed (swapped in, reported) one at a time in order.
struct PlaceResult {
    diag::Diagnostics diags;
    model::Place place;                            // kept for the system page
    std::vector<derive::IndicatorFigure> figures;  // kept for the system page
    write::StagedPlace staged;                     // written beside the published folder
    size_t file_count = 0;
    std::exception_ptr failure;                    // an unexpected exception while preparing
    bool counted = false;                          // its diagnostics are part of the run's
};

// Everything but the swap into place: reads only the tree and the indicators, and writes only
// its own staging folder, so places can run at once.
void prepare_place(const load::ContentTree& tree, const model::IndicatorSet& indicators,
                   const derive::IndicatorIndex& index, const std::string& id, const BuildOptions& options,
                   PlaceResult& r) {
    try {
        r.place = load::load_place(tree, id, r.diags);
        // Each stage runs only on what the one before read cleanly, so one mistake is reported once.
        if (!r.diags.has_errors()) {
            check::check_place(r.place, indicators, r.diags);
            check::check_easy_read(r.place, tree, r.diags);
        }
        if (!r.diags.has_errors() && !options.check_only) {
            r.figures = derive::indicator_figures(r.place, indicators, index);
            const auto files = render::render_place(tree, r.place, r.figures, r.diags);
            r.file_count = files.size();
            if (!r.diags.has_errors()) r.staged = write::stage_place(options.out, id, files, r.diags);
        }
    } catch (...) {
        r.failure = std::current_exception();
    }
}

// Swaps a prepared place in. Returns false when it was not published (or, checking, has errors).
bool commit_place(const std::string& id, const BuildOptions& options, PlaceResult& r, std::ostream& out) {
    if (r.failure) return false;
    if (!r.diags.has_errors() && !options.check_only && write::swap_staged(r.staged, r.diags) && !options.quiet)
        out << "built " << id << ": " << r.file_count << " files in " << options.out << "/" << id << "\n";
    return !r.diags.has_errors();
}

// libstdc++ fills std::ctype<char>'s narrow() cache lazily, one character at a time, as
// std::regex compiles; threads compiling their first regexes at once would race on it (GCC bug
// 77704). Filling it before any thread starts leaves only reads.
void fill_locale_caches() {
    const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
    for (int c = 0; c < 256; ++c) (void)ctype.narrow(static_cast<char>(c), '\0');
}

unsigned job_count(const BuildOptions& options, size_t places) {
    unsigned jobs = options.jobs ? options.jobs : std::thread::hardware_concurrency();
    return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs ? jobs : 1, places)));
}

// Up to `jobs` threads take places in order and prepare them; each place is then committed only
// after every place before it, exactly as one thread would. Building (not checking) stops at the
// first place that fails: later places are not written and their diagnostics not counted.
std::vector<PlaceResult> build_places(const load::ContentTree& tree, const model::IndicatorSet& indicators,
                                      const derive::IndicatorIndex& index, const std::vector<std::string>& places,
                                      const BuildOptions& options, std::ostream& out) {
    std::vector<PlaceResult> results(places.size());
    std::atomic<size_t> next{0};
    std::atomic<bool> stopped{false};
    std::mutex mutex;
    std::condition_variable turn;
    size_t committed = 0;  // places before this one are committed; guarded by `mutex`
    const auto work = [&] {
        for (size_t i; (i = next++) < places.size();) {
            if (!stopped) prepare_place(tree, indicators, index, places[i], options, results[i]);
            std::unique_lock<std::mutex> lock(mutex);
            turn.wait(lock, [&] { return committed == i; });
            lock.unlock();  // other places go on being prepared meanwhile
            if (stopped) {
                write::discard_staged(results[i].staged);  // as if it had never been built
            } else {
                const bool ok = commit_place(places[i], options, results[i], out);
                results[i].counted = true;
                if (!ok && (!options.check_only || results[i].failure)) stopped = true;
            }
            lock.lock();
            ++committed;
            turn.notify_all();
        }
    };
    const unsigned jobs = job_count(options, places.size());
    if (jobs > 1) fill_locale_caches();
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    for (const auto& r : results)
        if (r.counted && r.failure) std::rethrow_exception(r.failure);
    return results;
}

// The system page over every place, written only when all of them built.
void build_system(const load::ContentTree& tree, const model::System& system, const std::vector<PlaceResult>& results,
                  const BuildOptions& options, diag::Diagnostics& diags, std::ostream& out) {
    std::vector<render::SystemPlace> places;
    for (const auto& r : results) places.push_back({&r.place, &r.figures});
    const auto files = render::render_system(tree, system, places, diags);
    if (!diags.has_errors() && write::publish_files(options.out, files, diags) && !options.quiet)
        out << "built the system page: " << options.out << "/index.html\n";
}

// The system page's stylesheet goes in OUT/assets/, so no place may be called that.
void check_place_folders(const std::vector<std::string>& known, diag::Diagnostics& diags) {
    for (const auto& id : known)
        if (id == "assets")
            diags.error({"content/assets/place.yaml", 0, 0}, "a place cannot be called 'assets'",
                        "the site uses assets/ for its stylesheet; rename the folder under content/");
}

}  // namespace

int run_build(const BuildOptions& given, std::ostream& out, std::ostream& err) {
    BuildOptions options = given;
    if (options.out.empty()) options.out = options.root + "/site";
    const load::DiskTree tree(options.root);
    const auto known = load::find_places(tree);
    if (known.empty()) {
        err << "hwbgen: error: no places found under " << options.root << "/content\n"
            << "hint: run hwbgen from the project folder, or give --root\n";
        return exit_usage_error;
    }
    if (!check_place_names(options.places, known, err)) return exit_usage_error;
    const auto& places = options.places.empty() ? known : options.places;

    diag::Diagnostics diags;
    check_place_folders(known, diags);
    const model::System system = load::load_system(tree, diags);
    model::IndicatorSet indicators = load::load_indicators(tree, diags);
    check::check_indicators(indicators, diags);
    derive::complete_limits(indicators);  // read-only from here on, shared by every thread
    if (!diags.has_errors() || options.check_only) {
        const derive::IndicatorIndex index(indicators);
        const auto results = build_places(tree, indicators, index, places, options, out);
        bool all_built = true;
        for (const auto& r : results) {
            if (r.counted) diags.append(r.diags);
            all_built = all_built && r.counted && !r.diags.has_errors();
        }
        if (options.places.empty() && !options.check_only && all_built && !diags.has_errors())
            build_system(tree, system, results, options, diags, out);
    }
    print_diagnostics(diags, tree, err);
    if (diags.has_errors()) {
        err << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
            << (options.check_only ? "" : "; the previous site was left as it was") << "\n";
        return exit_content_error;
    }
    if (options.check_only && !options.quiet) out << "no problems found in " << places.size() << " place(s)\n";
    return exit_ok;
}

}  // namespace hwbgen::cli
