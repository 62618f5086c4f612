#pragma once
// `hwbgen build`'s memory between runs: what the last build read and wrote, kept in the
// project's .hwbgen-cache/ (hwbgen's own, marked by its CACHEDIR.TAG; safe to delete), so a
// build with nothing changed is a check of hashes instead of a build, and a build after an edit
// builds only the places whose files (or whose shared inputs) changed.
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <streambuf>
#include <string>
#include <tuple>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/strategy.hpp"

namespace hwbgen::cli {

/// The project as a build reads it, noting every file read and folder listed with a hash of
/// what it gave, so the next build can tell whether anything it depends on changed. Safe to
/// use from several threads.
class RecordingTree : public load::ContentTree {
public:
    explicit RecordingTree(const load::ContentTree& tree) : tree_(tree) {}
    std::vector<std::string> files(const std::string& dir) const override;
    std::vector<std::string> folders(const std::string& dir) const override;
    std::optional<std::string> read(const std::string& path) const override;
    // What the build must refuse is judged by the tree itself (links out of the root, pipes...),
    // and noted too: a file that becomes a link out of the root changes what the build does.
    std::optional<load::FileProblem> problem(const std::string& path) const override;
    std::vector<load::FileProblem> unusable_files(const std::string& dir) const override;
    bool has_entry(const std::string& path) const override;

    /// One line per distinct read: kind ('r' read, 'f' files, 'd' folders, 'p' problem,
    /// 'u' unusable files, 'e' has an entry), path, hash.
    using Read = std::tuple<char, std::string, std::string>;
    std::vector<Read> reads() const;
    /// What the read `kind` of `path` gives now, hashed as in reads().
    static std::string hash_now(const load::ContentTree& tree, char kind, const std::string& path);

private:
    void note(char kind, const std::string& path, const std::string& hash) const;
    const load::ContentTree& tree_;
    mutable std::mutex mutex_;
    mutable std::set<Read> reads_;
};

/// What a build keeps of one place: enough to leave its output folder as it is next time and
/// still print what building it printed and draw it on the system page.
struct PlaceMemory {
    std::string id;
    std::vector<RecordingTree::Read> reads;  ///< everything building the place read
    size_t file_count = 0;
    diag::Diagnostics diags;  ///< its warnings
    model::Place place;       ///< what the system page reads of it (system_view)
};

/// The cache of one output folder's last successful build.
class BuildCache {
public:
    /// The cache in ROOT/.hwbgen-cache for building into `out_dir` (claimed by this build);
    /// `key` names what was asked (project, output folder, places).
    BuildCache(const std::string& root, const std::string& out_dir, const std::string& key);
    ~BuildCache();

    /// True when the last build with this key and this hwbgen read exactly what it would read
    /// now and left the output folder as it still is; then its progress and problems are
    /// printed again, the same as the build would print.
    bool replay(const load::ContentTree& tree, std::ostream& out, std::ostream& err) const;
    /// True when what the last build read outside its places (system.yaml, indicators/, the
    /// system page's templates) is unchanged, and the publishing steps found are the same
    /// (`steps` names them): then places whose own files are unchanged need no new build.
    bool shared_unchanged(const load::ContentTree& tree, const std::string& steps) const;
    /// The place as the last build left it, when nothing it read changed and its output folder
    /// is exactly as that build left it; call only after shared_unchanged() said yes. Not
    /// thread-safe (it remembers hashes, so templates every place read are hashed once).
    std::optional<PlaceMemory> unchanged_place(const std::string& id, const load::ContentTree& tree) const;
    /// Keeps what a successful build read (`listing` to find the places, `shared` outside them,
    /// `places` for each), printed and left in the output folder. After a failed build (which
    /// leaves the output as it was) the last entry is kept.
    void save(const RecordingTree& listing, const RecordingTree& shared, const std::vector<PlaceMemory>& places,
              const std::string& steps, const std::string& progress, const diag::Diagnostics& diags) const;

private:
    struct Entry;
    bool own_folder() const;
    bool unchanged(const load::ContentTree& tree, const std::vector<RecordingTree::Read>& reads) const;
    std::string out_, key_, folder_, file_, binary_;
    std::unique_ptr<Entry> last_;
    mutable std::map<std::pair<char, std::string>, std::string> now_;  // hashes of the tree now, by read
};

/// A stream buffer that passes everything on to `to` and keeps a copy.
class TeeBuffer : public std::streambuf {
public:
    explicit TeeBuffer(std::ostream& to) : to_(to) {}
    const std::string& copy() const { return copy_; }

protected:
    int overflow(int c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    std::ostream& to_;
    std::string copy_;
};

}  // namespace hwbgen::cli
