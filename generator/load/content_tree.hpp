#pragma once
/// Read access to the project folder, behind an interface so tests can use an in-memory tree.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hwbgen::load {

/// Paths are relative to the project root and use '/' (e.g. "content/<place>/place.yaml").
class ContentTree {
public:
    virtual ~ContentTree() = default;
    /// Names of regular files directly inside `dir`, sorted; empty when `dir` does not exist.
    virtual std::vector<std::string> files(const std::string& dir) const = 0;
    /// Names of folders directly inside `dir`, sorted.
    virtual std::vector<std::string> folders(const std::string& dir) const = 0;
    /// The file's bytes, or nothing when it cannot be read.
    virtual std::optional<std::string> read(const std::string& path) const = 0;
    bool exists(const std::string& path) const { return read(path).has_value(); }
};

/// The real project folder on disk.
class DiskTree : public ContentTree {
public:
    explicit DiskTree(std::string root);
    std::vector<std::string> files(const std::string& dir) const override;
    std::vector<std::string> folders(const std::string& dir) const override;
    std::optional<std::string> read(const std::string& path) const override;
    const std::string& root() const { return root_; }

private:
    std::string root_;
};

/// A tree held in memory, for tests.
class MemoryTree : public ContentTree {
public:
    void add(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }
    std::vector<std::string> files(const std::string& dir) const override;
    std::vector<std::string> folders(const std::string& dir) const override;
    std::optional<std::string> read(const std::string& path) const override;

private:
    std::map<std::string, std::string> files_;
};

}  // namespace hwbgen::load
