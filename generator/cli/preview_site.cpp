#include "cli/preview_site.hpp"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <ostream>
#include <thread>
#include <unordered_map>

#include "cli/diagnostics_output.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"
#include "render/easy_read.hpp"
#include "render/system.hpp"

namespace hwbgen::cli {

struct PreviewSite::PlaceState {
    PlaceBuild build;                                                              // the last build, files moved out
    std::shared_ptr<const PreviewFiles> files = std::make_shared<PreviewFiles>();  // last good files
    std::vector<PreviewProblem> problems;
    bool failed = false;
};

// What a set of changed files asks to be redone.
struct PreviewSite::Plan {
    bool shared = false;  // indicators/ or content/system.yaml: reload them and redo every place
    bool all = false;     // templates/: redo every place
    bool place_list = false;
    std::set<std::string> places;
};

namespace {

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string first_segment(const std::string& path) { return path.substr(0, path.find('/')); }

}  // namespace

// Every place carries the same stylesheet and pictures: files with the same bytes share them.
class PreviewSite::ByteStore {
public:
    PreviewFile file(std::string bytes) {
        std::string etag = "\"" + load::content_hash(bytes) + "\"";
        std::lock_guard<std::mutex> lock(mutex_);
        auto& slot = files_[etag];
        auto shared = slot.lock();
        if (!shared || *shared != bytes) {
            shared = std::make_shared<const std::string>(std::move(bytes));
            slot = shared;
            ++stored_;
        }
        return {std::move(shared), std::move(etag)};
    }
    /// Forgets the bytes no file holds any more. A walk over every file of every place costs
    /// milliseconds at 153 places, so it is made only once the files stored since the last
    /// one are a quarter of all: the work per stored file stays the same at any size.
    void sweep() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stored_ * 4 < files_.size()) return;
        stored_ = 0;
        for (auto it = files_.begin(); it != files_.end();)
            it = it->second.expired() ? files_.erase(it) : std::next(it);
    }

private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::weak_ptr<const std::string>> files_;
    size_t stored_ = 0;  // files stored since the last sweep
};

namespace {

// Files equal to the ones they replace keep their bytes and tag, so clients see no change.
std::shared_ptr<const PreviewFiles> merge_files(std::vector<render::OutputFile> fresh, const PreviewFiles& old,
                                                PreviewSite::ByteStore& store) {
    auto files = std::make_shared<PreviewFiles>();
    for (auto& f : fresh) {
        const auto it = old.find(f.path);
        if (it != old.end() && *it->second.bytes == f.bytes)
            files->emplace(std::move(f.path), it->second);
        else
            files->emplace(std::move(f.path), store.file(std::move(f.bytes)));
    }
    return files;
}

// What the system page shows of a place besides its figures, which follow from its area codes
// and the indicators (see render_system). While these and the indicators stay the same, an
// edit to the place leaves the system page as it is.
std::string system_fingerprint(const model::Place& p) {
    std::string key = p.id + '\n' + p.name + '\n' + p.board + '\n' + p.strategy.title + '\n' + p.strategy.years + '\n' +
                      p.strategy.status + '\n' + p.area_code;
    for (const auto& c : p.comparators) key += '\n' + c;
    return key;
}

// Runs `work(i)` for i in [0, n) on up to `jobs` threads.
template <class Work>
void run_parallel(size_t n, unsigned jobs, const Work& work) {
    std::atomic<size_t> next{0};
    const auto loop = [&] {
        for (size_t i; (i = next++) < n;) work(i);
    };
    const unsigned threads = static_cast<unsigned>(std::min<size_t>(std::max(1u, jobs), n));
    if (threads > 1) fill_locale_caches();
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(loop);
    loop();
    for (auto& t : pool) t.join();
}

}  // namespace

const PreviewFile* PreviewSnapshot::find(const std::string& path) const {
    const auto place = places.find(first_segment(path));
    if (place != places.end() && path.size() > place->first.size()) {
        const auto it = place->second->find(path.substr(place->first.size() + 1));
        return it == place->second->end() ? nullptr : &it->second;
    }
    if (!top) return nullptr;
    const auto it = top->find(path);
    return it == top->end() ? nullptr : &it->second;
}

bool PreviewSnapshot::blocked(const std::string& path) const {
    if (failed.empty()) return false;
    if (failed.count("")) return true;
    const std::string place = first_segment(path);
    return places.count(place) ? failed.count(place) > 0 : true;  // the system page needs every place
}

std::vector<PreviewProblem> PreviewSnapshot::problems_for(const std::string& path) const {
    const auto place = problems.find(first_segment(path));
    if (!places.count(first_segment(path))) return all_problems();
    std::vector<PreviewProblem> out;
    if (const auto shared = problems.find(""); shared != problems.end()) out = shared->second;
    if (place != problems.end()) out.insert(out.end(), place->second.begin(), place->second.end());
    return out;
}

std::vector<PreviewProblem> PreviewSnapshot::all_problems() const {
    std::vector<PreviewProblem> out;
    for (const auto& [place, list] : problems) out.insert(out.end(), list.begin(), list.end());
    std::stable_sort(out.begin(), out.end(), [](const PreviewProblem& a, const PreviewProblem& b) {
        return a.diagnostic.severity == diag::Severity::error && b.diagnostic.severity != diag::Severity::error;
    });
    return out;
}

PreviewSite::PreviewSite(std::string root, std::vector<std::string> places, unsigned jobs, std::ostream& out,
                         std::ostream& err)
    : root_(std::move(root)), wanted_(std::move(places)), jobs_(jobs), out_(out), err_(err), tree_(root_),
      bytes_(std::make_unique<ByteStore>()), snapshot_(std::make_shared<PreviewSnapshot>()) {}

PreviewSite::~PreviewSite() = default;

std::vector<PreviewProblem> PreviewSite::problems_of(diag::Diagnostics diags) const {
    diags.sort();
    std::vector<PreviewProblem> out;
    std::string file, bytes;
    for (const auto& d : diags.all()) {
        if (d.pos.file != file) {
            file = d.pos.file;
            bytes = tree_.read(file).value_or("");
        }
        out.push_back({d, d.pos.line > 0 ? load::printable_line(bytes, d.pos.line) : ""});
    }
    return out;
}

bool PreviewSite::build_all() {
    const auto known = load::find_places(tree_);
    for (const auto& w : wanted_)
        if (std::find(known.begin(), known.end(), w) == known.end()) {
            err_ << "hwbgen: error: no place '" << w << "' under content/\n";
            const std::string hint = diag::did_you_mean(w, known);
            err_ << "hint: " << (hint.empty() ? "a place is a folder under content/ with a place.yaml" : hint) << "\n";
            return false;
        }
    rebuild({"*"});
    return true;
}

PreviewSite::Plan PreviewSite::plan(const std::vector<std::string>& changed) {
    Plan plan;
    for (const auto& path : changed) {
        if (path == "*" || starts_with(path, "indicators/") || path == "indicators" || path == "content/system.yaml") {
            plan.shared = plan.all = plan.place_list = true;
        } else if (starts_with(path, "templates/") || path == "templates") {
            plan.all = true;
        } else if (starts_with(path, "content/")) {
            const std::string place = first_segment(path.substr(8));
            if (path.find('/', 8) == std::string::npos || starts_with(path, "content/" + place + "/place.yaml"))
                plan.place_list = true;  // a place folder or place.yaml came or went
            plan.places.insert(place);
        }
    }
    return plan;
}

void PreviewSite::rebuild(const std::vector<std::string>& changed) {
    const Clock start{std::chrono::steady_clock::now(), cpu_seconds()};
    const Plan plan = this->plan(changed);
    if (plan.place_list) {
        places_ = wanted_.empty() ? load::find_places(tree_) : wanted_;
        for (auto it = state_.begin(); it != state_.end();)  // places that are gone
            if (std::find(places_.begin(), places_.end(), it->first) == places_.end()) {
                cache_.forget("content/" + it->first + "/");
                it = state_.erase(it);
            } else {
                ++it;
            }
    }
    std::unique_ptr<SharedInputs> old_shared;  // kept until no place's figures point into it
    if (plan.shared) {
        old_shared = std::move(shared_);
        shared_ = std::make_unique<SharedInputs>();
        shared_diags_ = {};
        load_shared(tree_, places_, *shared_, shared_diags_);
    }
    std::vector<std::string> ids;
    for (const auto& id : places_)
        if (plan.all || plan.shared || plan.places.count(id) || !state_.count(id)) ids.push_back(id);
    const auto before = system_inputs();
    build_places(ids);
    if (stopped()) return;
    const bool system_changed = plan.shared || plan.all || plan.place_list || system_inputs() != before;
    if (wanted_.empty() && (system_changed || !top_)) build_top();
    bytes_->sweep();
    publish(ids, start);
}

void PreviewSite::build_places(const std::vector<std::string>& ids) {
    std::vector<PlaceState*> states;
    for (const auto& id : ids) {
        auto& slot = state_[id];
        if (!slot) slot = std::make_unique<PlaceState>();
        states.push_back(slot.get());
    }
    run_parallel(ids.size(), jobs_, [&](size_t i) {
        if (stopped()) return;  // Ctrl-C: give up between places
        PlaceState& st = *states[i];
        PlaceBuild build;
        try {
            build_place(tree_, *shared_, ids[i], false, &cache_, build);
        } catch (const std::exception& e) {
            build.diags.error({"content/" + ids[i], 0, 0}, std::string("internal error: ") + e.what(),
                              "please report this, with the files that cause it");
        }
        st.failed = build.diags.has_errors() || !shared_->index;
        if (!st.failed) st.files = merge_files(std::move(build.files), *st.files, *bytes_);
        build.files.clear();
        st.problems = problems_of(build.diags);
        build.place = system_view(build.place);  // the rest is in the files now, and in the parse cache
        st.build = std::move(build);
    });
}

// What the system page is made from, besides the indicators and templates.
std::vector<std::string> PreviewSite::system_inputs() const {
    std::vector<std::string> out;
    for (const auto& [id, st] : state_)
        out.push_back(system_fingerprint(st->build.place) + (st->failed ? "\nfailed" : ""));
    return out;
}

// The system page, built only when every place and the shared files are free of errors, as
// `hwbgen build` would.
void PreviewSite::build_top() {
    top_diags_ = {};
    if (shared_diags_.has_errors() || !shared_->index) return;
    std::vector<render::SystemPlace> places;
    for (const auto& id : places_) {
        const auto& st = *state_.at(id);
        if (st.failed) return;
        places.push_back({&st.build.place, &st.build.figures});
    }
    auto files = render::render_system(tree_, shared_->system, places, top_diags_);
    for (auto& f : render::render_picture_gallery(tree_, shared_->system, shared_->easy_read, top_diags_))
        files.push_back(std::move(f));
    if (!top_diags_.has_errors()) top_ = merge_files(std::move(files), top_ ? *top_ : PreviewFiles{}, *bytes_);
}

void PreviewSite::publish(const std::vector<std::string>& rebuilt, Clock start) {
    auto next = std::make_shared<PreviewSnapshot>();
    diag::Diagnostics shared = shared_diags_;
    shared.append(top_diags_);
    next->problems[""] = problems_of(shared);
    if (shared.has_errors() || !shared_->index) next->failed.insert("");
    for (const auto& id : places_) {
        const auto& st = *state_.at(id);
        next->places[id] = st.files;
        if (!st.problems.empty()) next->problems[id] = st.problems;
        if (st.failed) next->failed.insert(id);
    }
    next->top = wanted_.empty() ? top_ : nullptr;
    next->first_place = places_.empty() ? "" : places_.front();
    diag::Diagnostics printed = shared;
    for (const auto& id : rebuilt) printed.append(state_.at(id)->build.diags);
    print_diagnostics(printed, tree_, err_);
    err_ << std::flush;
    // Wall time, and the processor time of all threads: on a busy machine the two part.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                          start.wall);
    const long cpu_ms = std::lround((cpu_seconds() - start.cpu) * 1000);
    out_ << (next->failed.empty() ? "rebuilt " : "problems after rebuilding ") << rebuilt.size()
         << (rebuilt.size() == 1 ? " place" : " places") << " in " << ms.count() << " ms (" << cpu_ms
         << " ms of processor time)\n"
         << std::flush;
    std::lock_guard<std::mutex> lock(mutex_);
    next->generation = snapshot_->generation + 1;
    snapshot_ = std::move(next);
    changed_.notify_all();
}

std::shared_ptr<const PreviewSnapshot> PreviewSite::snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return snapshot_;
}

unsigned long PreviewSite::wait_for_change(unsigned long seen, std::chrono::steady_clock::time_point until) const {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_until(lock, until, [&] { return stopping_ || snapshot_->generation != seen; });
    return snapshot_->generation;
}

void PreviewSite::stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
}

bool PreviewSite::stopped() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopping_;
}

}  // namespace hwbgen::cli
