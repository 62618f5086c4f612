#pragma once
/// Read access to the project folder, behind an interface so tests can use an in-memory tree.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hwbgen::load {

/// The largest content file (YAML, Markdown, template) hwbgen reads: far above any real one,
/// and small enough that parsing it is quick. Checked before reading.
constexpr std::uintmax_t max_content_file_bytes = 8u << 20;
/// The largest other file (a Fingertips CSV, a picture, a reference document).
constexpr std::uintmax_t max_other_file_bytes = 128u << 20;
/// Folders nest at most this deep under content/, templates/ and indicators/ (a symbolic
/// link to a parent folder would otherwise be followed for ever).
constexpr int max_folder_depth = 16;

/// The size limit for the file at `path`, by its kind.
std::uintmax_t size_limit_for(const std::string& path);

/// A file the build must not use, with why.
struct FileProblem {
    std::string path;
    std::string message;
    std::string hint;
};

/// Paths are relative to the project root and use '/' (e.g. "content/<place>/place.yaml").
class ContentTree {
public:
    virtual ~ContentTree() = default;
    /// Names of regular files directly inside `dir`, sorted; empty when `dir` does not exist.
    virtual std::vector<std::string> files(const std::string& dir) const = 0;
    /// Names of folders directly inside `dir`, sorted.
    virtual std::vector<std::string> folders(const std::string& dir) const = 0;
    /// The file's bytes, or nothing when it cannot be read (see problem()).
    virtual std::optional<std::string> read(const std::string& path) const = 0;
    /// Why read(path) gives nothing: missing, not a regular file, outside the project root,
    /// over the size limit, unreadable. Empty when it can be read.
    virtual std::optional<FileProblem> problem(const std::string& path) const {
        if (read(path)) return std::nullopt;
        return FileProblem{path, "cannot read file", "check that it exists and is readable"};
    }
    /// Every entry under `dir` (at any depth) that the build must not use: symbolic links that
    /// leave the project root or lead nowhere, named pipes and devices, unreadable or oversized
    /// files, folders named like files. Empty when `dir` does not exist.
    virtual std::vector<FileProblem> unusable_files(const std::string& dir) const {
        (void)dir;
        return {};
    }
    /// Whether anything (of any kind) is at `path`.
    virtual bool has_entry(const std::string& path) const { return read(path).has_value(); }
    bool exists(const std::string& path) const { return read(path).has_value(); }
};

/// The real project folder on disk. Reads stay inside `root` (after resolving symbolic links)
/// unless `root` is empty, which means paths named by the user on the command line.
class DiskTree : public ContentTree {
public:
    explicit DiskTree(std::string root);
    std::vector<std::string> files(const std::string& dir) const override;
    std::vector<std::string> folders(const std::string& dir) const override;
    std::optional<std::string> read(const std::string& path) const override;
    std::optional<FileProblem> problem(const std::string& path) const override;
    std::vector<FileProblem> unusable_files(const std::string& dir) const override;
    bool has_entry(const std::string& path) const override;
    const std::string& root() const { return root_; }

private:
    std::string full(const std::string& path) const;
    std::optional<FileProblem> open_problem(const std::string& path, int* fd_out) const;
    void scan(const std::string& dir, int depth, std::vector<FileProblem>& out) const;

    std::string root_;
    std::string real_root_;  ///< the root with symbolic links resolved; empty: no confinement
};

/// A tree held in memory, for tests.
class MemoryTree : public ContentTree {
public:
    void add(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }
    std::vector<std::string> files(const std::string& dir) const override;
    std::vector<std::string> folders(const std::string& dir) const override;
    std::optional<std::string> read(const std::string& path) const override;
    std::optional<FileProblem> problem(const std::string& path) const override;

private:
    std::map<std::string, std::string> files_;
};

}  // namespace hwbgen::load
