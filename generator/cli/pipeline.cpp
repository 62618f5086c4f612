#include "cli/pipeline.hpp"

#include "cli/diagnostics_output.hpp"
#include "cli/publish_steps.hpp"

#include <stdlib.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

#include "cli/build_cache.hpp"
#include "cli/interrupt.hpp"
#include "cli/place_build.hpp"
#include "load/load.hpp"
#include "render/easy_read.hpp"
#include "render/site.hpp"
#include "render/system.hpp"
#include "write/out_folder.hpp"
#include "write/site_update.hpp"

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

// What one place came to. Places are prepared (loaded, checked, derived, rendered, staged in the
// build's work folder) in parallel, then accounted for one at a time in order; nothing is
// published until every place has built.
struct PlaceResult {
    diag::Diagnostics diags;
    model::Place place;                            // kept for the system page
    std::vector<derive::IndicatorFigure> figures;  // kept for the system page
    size_t file_count = 0;
    std::exception_ptr failure;              // an unexpected exception while preparing
    bool counted = false;                    // its diagnostics are part of the run's
    std::vector<RecordingTree::Read> reads;  // what building it read, for the build cache
};

// A place the last build left as this one would: its output folder stays as it is, and what
// building it printed and what the system page needs of it come from the build cache.
void reuse_place(const SharedInputs& shared, const PlaceMemory& memory, PlaceResult& r) {
    r.diags = memory.diags;
    r.place = memory.place;
    r.figures = derive::indicator_figures(r.place, shared.indicators, *shared.index);
    r.file_count = memory.file_count;
    r.reads = memory.reads;
}

// Everything but the swap into place: reads only the tree and the indicators, and writes only
// its own staged folder, so places can run at once.
void prepare_place(const load::ContentTree& disk, const SharedInputs& shared, const std::string& id,
                   const BuildOptions& options, write::SiteUpdate* update, PlaceResult& r) {
    try {
        PlaceBuild built;
        render::RenderOptions render_options;
        render_options.pdfs = options.steps && options.steps->pdfs;
        render_options.infographic_png = options.steps && !options.steps->rsvg_convert.empty();
        const RecordingTree tree(disk);  // what this place depends on, for the build cache
        build_place(tree, shared, id, options.check_only, nullptr, built, render_options);
        r.reads = tree.reads();
        r.diags = std::move(built.diags);
        r.place = std::move(built.place);
        r.figures = std::move(built.figures);
        r.file_count = built.files.size();
        if (!r.diags.has_errors() && !options.check_only) update->stage_folder(id, built.files, r.diags);
        // PDFs and the search index are made from the staged site, so a failure publishes nothing.
        if (!r.diags.has_errors() && !options.check_only && options.steps)
            finish_staged_place(*options.steps, update->staged_folder(id), r.place, built.print_jobs, r.diags);
    } catch (...) {
        r.failure = std::current_exception();
    }
}

unsigned job_count(const BuildOptions& options, size_t places) {
    unsigned jobs = options.jobs ? options.jobs : std::thread::hardware_concurrency();
    return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(jobs ? jobs : 1, places)));
}

// Up to `jobs` threads take places in order and prepare them; each place is then accounted for
// only after every place before it, exactly as one thread would. Building (not checking) stops at
// the first place that fails: later places are not staged and their diagnostics not counted.
std::vector<PlaceResult> build_places(const load::ContentTree& tree, const SharedInputs& shared,
                                      const std::vector<std::string>& places, const BuildOptions& options,
                                      write::SiteUpdate* update, const std::vector<std::optional<PlaceMemory>>& reuse) {
    std::vector<PlaceResult> results(places.size());
    std::atomic<size_t> next{0};
    std::atomic<bool> stopped{false};
    std::mutex mutex;
    std::condition_variable turn;
    size_t committed = 0;  // places before this one are committed; guarded by `mutex`
    const auto work = [&] {
        for (size_t i; (i = next++) < places.size();) {
            if (!stopped && reuse[i])
                reuse_place(shared, *reuse[i], results[i]);
            else if (!stopped)
                prepare_place(tree, shared, places[i], options, update, results[i]);
            std::unique_lock<std::mutex> lock(mutex);
            turn.wait(lock, [&] { return committed == i; });
            lock.unlock();   // other places go on being prepared meanwhile
            if (!stopped) {  // a place staged after a failure is never published: the update is dropped
                const bool ok = !results[i].failure && !results[i].diags.has_errors();
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

// The system page over every place, with the picture gallery beside it, staged only when all
// of them built.
bool stage_system(const load::ContentTree& tree, const SharedInputs& shared, const std::vector<PlaceResult>& results,
                  write::SiteUpdate& update, diag::Diagnostics& diags) {
    const model::System& system = shared.system;
    std::vector<render::SystemPlace> places;
    places.reserve(results.size());
    for (const auto& r : results) places.push_back({&r.place, &r.figures});
    auto files = render::render_system(tree, system, places, diags);
    auto gallery = render::render_picture_gallery(tree, system, shared.easy_read, diags);
    files.insert(files.end(), std::make_move_iterator(gallery.begin()), std::make_move_iterator(gallery.end()));
    return !diags.has_errors() && update.stage_files(files, diags);
}

void report_built(const std::vector<std::string>& places, const std::vector<PlaceResult>& results, bool system,
                  const BuildOptions& options, std::ostream& out) {
    if (options.quiet) return;
    for (size_t i = 0; i < places.size(); ++i)
        out << "built " << places[i] << ": " << results[i].file_count << " files in " << options.out << "/" << places[i]
            << "\n";
    if (system) out << "built the system page: " << options.out << "/index.html\n";
}

// The output folder claimed for one build and the update staged in it.
struct Output {
    std::optional<write::OutFolder> folder;
    std::optional<write::SiteUpdate> update;
};

// Refuses an output folder hwbgen must not write into, then takes it: the lock, then a private
// work folder. Place folders hwbgen did not make are refused before any work is done.
int claim_output(const BuildOptions& options, const std::vector<std::string>& places, Output& output,
                 std::ostream& err) {
    std::optional<write::Refusal> refusal;
    const std::string out = write::resolve_out_folder(options.out, {options.root, ""}, refusal);
    if (!refusal)
        if (auto folder = write::OutFolder::claim(out, options.wait_seconds, err, refusal))
            output.folder.emplace(std::move(*folder));
    for (const auto& id : places)
        if (!refusal && !output.folder->may_replace(id))
            refusal = write::Refusal{"hwbgen did not make " + out + "/" + id + " and will not replace it",
                                     "move it out of " + out + ", or give --out a folder of the site's own"};
    if (refusal) {
        err << "hwbgen: error: " << refusal->message << "\nhint: " << refusal->hint << "\n";
        return exit_usage_error;
    }
    diag::Diagnostics diags;
    if (auto update = write::SiteUpdate::begin(*output.folder, diags)) output.update.emplace(std::move(*update));
    for (const auto& d : diags.all()) err << diag::format(d, "");
    return output.update ? exit_ok : exit_content_error;
}

// Tools hwbgen runs (pandoc) and hwbgen itself put scratch files under $TMPDIR: during a build
// that is the build's own work folder, removed at the end and on a signal.
class ScratchEnvironment {
public:
    explicit ScratchEnvironment(const std::string& folder) {
        if (const char* old = std::getenv("TMPDIR")) old_ = old;
        ::setenv("TMPDIR", folder.c_str(), 1);
    }
    ~ScratchEnvironment() {
        if (old_)
            ::setenv("TMPDIR", old_->c_str(), 1);
        else
            ::unsetenv("TMPDIR");
    }

private:
    std::optional<std::string> old_;
};

// What the build cache must match besides the files read: the folders and what was asked.
std::string cache_key(const BuildOptions& options) {
    const auto absolute = [](const std::string& path) {
        if (!path.empty() && path[0] == '/') return path;
        char cwd[4096];
        return std::string(getcwd(cwd, sizeof cwd) ? cwd : ".") + "/" + path;
    };
    std::string key = absolute(options.root) + "\n" + absolute(options.out) + "\n" + (options.quiet ? "quiet" : "") +
                      (options.pdf ? "" : " no-pdf") + (options.search ? "" : " no-search");
    for (const auto& p : options.places) key += "\n" + p;
    return key;
}

// A program as the build cache knows it: where it is, and its size and time (an upgrade changes them).
std::string program_key(const std::string& path) {
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0) return path + ";";
    return path + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + ";";
}

// Which publishing steps run, and with which programs: places built with others are built again.
std::string steps_key(const PublishSteps& steps) {
    std::string key = steps.pdfs ? "pdfs " : "";
    if (steps.pdfs)
        for (const auto* tool : {&steps.print_tools.chromium, &steps.print_tools.qpdf, &steps.print_tools.fix_qdf})
            key += program_key(*tool);
    return key + " search:" + program_key(steps.pagefind) + " png:" + program_key(steps.rsvg_convert);
}

// The places the last build left as this one would (none when shared inputs changed).
std::vector<std::optional<PlaceMemory>> unchanged_places(const BuildCache& cache, const load::ContentTree& disk,
                                                         const std::vector<std::string>& places,
                                                         const SharedInputs& shared, const std::string& steps) {
    std::vector<std::optional<PlaceMemory>> reuse(places.size());
    if (!shared.index || !cache.shared_unchanged(disk, steps)) return reuse;
    for (size_t i = 0; i < places.size(); ++i) reuse[i] = cache.unchanged_place(places[i], disk);
    return reuse;
}

// What the build cache keeps of each place built (or reused).
std::vector<PlaceMemory> place_memories(const std::vector<std::string>& places,
                                        const std::vector<PlaceResult>& results) {
    std::vector<PlaceMemory> out;
    for (size_t i = 0; i < places.size(); ++i) {
        const auto& r = results[i];
        out.push_back({places[i], r.reads, r.file_count, r.diags, system_view(r.place)});
    }
    return out;
}

}  // namespace

int run_build(const BuildOptions& given, std::ostream& out, std::ostream& err) {
    BuildOptions options = given;
    if (options.out.empty()) options.out = options.root + "/site";
    const load::DiskTree disk(options.root);
    // What the build reads, for the build cache: which places there are; outside the places.
    const RecordingTree listing(disk), tree(disk);
    const auto known = load::find_places(listing);
    if (known.empty()) {
        err << "hwbgen: error: no places found under " << options.root << "/content\n"
            << "hint: run hwbgen from the project folder, or give --root\n";
        return exit_usage_error;
    }
    if (!check_place_names(options.places, known, err)) return exit_usage_error;
    const auto& places = options.places.empty() ? known : options.places;

    Output output;
    if (!options.check_only)
        if (const int code = claim_output(options, places, output, err); code != exit_ok) return code;
    const BuildCache cache(options.root, output.folder ? output.folder->path() : options.out, cache_key(options));
    if (!options.check_only && cache.replay(disk, out, err)) return exit_ok;  // nothing changed
    TeeBuffer progress_copy(out);
    std::ostream progress(&progress_copy);
    std::optional<ScratchEnvironment> scratch;
    if (output.update) scratch.emplace(output.update->scratch_folder());
    // Declared after the update, so it stops handling signals before the update is destroyed.
    CleanupOnSignal on_signal([&output] {
        if (output.update) output.update->abandon();
    });

    diag::Diagnostics diags;
    bool refused = false;
    SharedInputs shared;
    load_shared(tree, known, shared, diags);
    PublishSteps steps;
    if (!options.check_only) {
        steps = find_publish_steps(options.pdf, options.search, HWBGEN_PAGEFIND_DIR, diags);
        options.steps = &steps;
    }
    std::vector<PlaceResult> results;
    if (!diags.has_errors() || options.check_only) {
        write::SiteUpdate* update = output.update ? &*output.update : nullptr;
        const auto reuse = options.check_only ? std::vector<std::optional<PlaceMemory>>(places.size())
                                              : unchanged_places(cache, disk, places, shared, steps_key(steps));
        results = build_places(disk, shared, places, options, update, reuse);
        bool all_built = true;
        for (const auto& r : results) {
            if (r.counted) diags.append(r.diags);
            all_built = all_built && r.counted && !r.diags.has_errors();
        }
        // All or nothing: the places and the system page are published together, or none of them.
        const bool system = options.places.empty();
        if (!options.check_only && all_built && !diags.has_errors() &&
            (!system || stage_system(tree, shared, results, *update, diags)) &&
            output.update->commit(*output.folder, diags, refused))
            report_built(places, results, system, options, progress);
    }
    print_diagnostics(diags, disk, err);  // source lines: not a read the site depends on
    if (!options.check_only && !diags.has_errors())
        cache.save(listing, tree, place_memories(places, results), steps_key(steps), progress_copy.copy(), diags);
    if (diags.has_errors()) {
        err << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
            << (options.check_only ? "" : "; the previous site was left as it was") << "\n";
        return refused ? exit_usage_error : exit_content_error;
    }
    if (options.check_only && !options.quiet) out << "no problems found in " << places.size() << " place(s)\n";
    return exit_ok;
}

}  // namespace hwbgen::cli
