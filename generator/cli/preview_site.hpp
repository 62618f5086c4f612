#pragma once
// The site `hwbgen serve` shows: built in memory, rebuilt place by place as files change.
#include <chrono>
#include <condition_variable>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "cli/place_build.hpp"
#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "load/parse_cache.hpp"

namespace hwbgen::cli {

/// One file of the built site, shared by every snapshot that still holds it.
struct PreviewFile {
    std::shared_ptr<const std::string> bytes;
    std::string etag;  ///< content_hash of the bytes, quoted as HTTP wants it
};
using PreviewFiles = std::map<std::string, PreviewFile>;  ///< by path relative to one folder

/// A problem as the browser shows it: the diagnostic and the line it points at.
struct PreviewProblem {
    diag::Diagnostic diagnostic;
    std::string source_line;
};

/// The site at one moment: never changed once made, so request threads read it without locks.
struct PreviewSnapshot {
    std::map<std::string, std::shared_ptr<const PreviewFiles>> places;  ///< last good files, by place id
    std::shared_ptr<const PreviewFiles> top;                      ///< the system page and its stylesheet, when built
    std::map<std::string, std::vector<PreviewProblem>> problems;  ///< by place id; "" for the whole site
    std::set<std::string> failed;  ///< places whose last build had errors ("" when shared files did)
    std::string first_place;       ///< where "/" goes when there is no system page
    unsigned long generation = 0;

    /// The file at `path` ("PLACE/index.html"), or null.
    const PreviewFile* find(const std::string& path) const;
    /// Whether a page at `path` must show the problems instead.
    bool blocked(const std::string& path) const;
    /// Every problem, errors first, in file order.
    std::vector<PreviewProblem> all_problems() const;
    /// The problems that keep the page at `path` from being shown: its place's and the whole
    /// site's (every place's for the system page).
    std::vector<PreviewProblem> problems_for(const std::string& path) const;
};

/// Builds and rebuilds the site in memory. Only one thread rebuilds; any thread may take
/// snapshots and wait for the next one.
class PreviewSite {
public:
    /// `places`: the places to show (empty: every place, with the system page).
    /// Progress goes to `out`, problems to `err`.
    PreviewSite(std::string root, std::vector<std::string> places, unsigned jobs, std::ostream& out, std::ostream& err);
    PreviewSite(const PreviewSite&) = delete;
    PreviewSite& operator=(const PreviewSite&) = delete;
    ~PreviewSite();

    /// Builds everything. Fails only when a named place does not exist.
    bool build_all();
    /// Rebuilds what the changed files (paths relative to the root; "*" for anything) affect.
    void rebuild(const std::vector<std::string>& changed);

    std::shared_ptr<const PreviewSnapshot> snapshot() const;
    /// Waits until the generation passes `seen`, `until` passes or stop() is called; returns
    /// the current generation.
    unsigned long wait_for_change(unsigned long seen, std::chrono::steady_clock::time_point until) const;
    void stop();
    bool stopped() const;

    const load::ParseCache& cache() const { return cache_; }
    class ByteStore;

private:
    struct PlaceState;
    struct Plan;
    static Plan plan(const std::vector<std::string>& changed);
    void build_places(const std::vector<std::string>& ids);
    void build_top();
    struct Clock {
        std::chrono::steady_clock::time_point wall;
        double cpu;  ///< the process's processor time, in seconds
    };
    void publish(const std::vector<std::string>& rebuilt, Clock start);
    std::vector<PreviewProblem> problems_of(diag::Diagnostics diags) const;
    std::vector<std::string> system_inputs() const;

    std::string root_;
    std::vector<std::string> wanted_;  // places named on the command line
    unsigned jobs_;
    std::ostream& out_;
    std::ostream& err_;
    load::DiskTree tree_;
    load::ParseCache cache_;
    std::vector<std::string> places_;  // the places shown now
    std::unique_ptr<SharedInputs> shared_;
    diag::Diagnostics shared_diags_;
    std::map<std::string, std::unique_ptr<PlaceState>> state_;
    std::unique_ptr<ByteStore> bytes_;
    std::shared_ptr<const PreviewFiles> top_;
    diag::Diagnostics top_diags_;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::shared_ptr<const PreviewSnapshot> snapshot_;
    bool stopping_ = false;
};

}  // namespace hwbgen::cli
