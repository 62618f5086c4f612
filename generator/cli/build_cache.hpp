#pragma once
// `hwbgen build`'s memory between runs: what the last build read and wrote, kept in the
// project's .hwbgen-cache/ (hwbgen's own, marked by its CACHEDIR.TAG; safe to delete), so a
// build with nothing changed is a check of hashes instead of a build.
#include <iosfwd>
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
    // What the build must refuse is judged by the tree itself (links out of the root, pipes...).
    std::optional<load::FileProblem> problem(const std::string& path) const override { return tree_.problem(path); }
    std::vector<load::FileProblem> unusable_files(const std::string& dir) const override {
        return tree_.unusable_files(dir);
    }
    bool has_entry(const std::string& path) const override { return tree_.has_entry(path); }

    /// One line per distinct read: kind ('r' read, 'f' files, 'd' folders), path, hash.
    using Read = std::tuple<char, std::string, std::string>;
    std::vector<Read> reads() const;

private:
    void note(char kind, const std::string& path, const std::string& hash) const;
    const load::ContentTree& tree_;
    mutable std::mutex mutex_;
    mutable std::set<Read> reads_;
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
    /// Keeps what a successful build read, printed and left in the output folder. After a failed
    /// build (which leaves the output as it was) the last entry is kept.
    void save(const RecordingTree& reads, const std::string& progress, const diag::Diagnostics& diags) const;

private:
    struct Entry;
    bool own_folder() const;
    std::string out_, key_, folder_, file_, binary_;
    std::unique_ptr<Entry> last_;
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
