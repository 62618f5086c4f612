#include "load/content_tree.hpp"

#include <algorithm>
#include <boost/filesystem.hpp>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = boost::filesystem;

namespace hwbgen::load {

DiskTree::DiskTree(std::string root) : root_(std::move(root)) {}

namespace {

std::vector<std::string> entries(const fs::path& dir, bool want_folders) {
    std::vector<std::string> names;
    boost::system::error_code ec;
    if (!fs::is_directory(dir, ec)) return names;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const bool is_folder = fs::is_directory(it->status());
        const bool is_file = fs::is_regular_file(it->status());
        if (want_folders ? is_folder : is_file) names.push_back(it->path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

std::vector<std::string> DiskTree::files(const std::string& dir) const {
    return entries(fs::path(root_) / dir, false);
}

std::vector<std::string> DiskTree::folders(const std::string& dir) const {
    return entries(fs::path(root_) / dir, true);
}

std::optional<std::string> DiskTree::read(const std::string& path) const {
    const fs::path full = fs::path(root_) / path;
    boost::system::error_code ec;
    if (!fs::is_regular_file(full, ec)) return std::nullopt;
    std::ifstream in(full.string(), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

namespace {

// The next path component below `dir`, and whether more components follow it.
std::optional<std::pair<std::string, bool>> child_of(const std::string& path, const std::string& dir) {
    const std::string prefix = dir.empty() ? "" : dir + "/";
    if (path.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    const std::string rest = path.substr(prefix.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return std::make_pair(rest, false);
    return std::make_pair(rest.substr(0, slash), true);
}

}  // namespace

std::vector<std::string> MemoryTree::files(const std::string& dir) const {
    std::vector<std::string> names;
    for (const auto& [path, bytes] : files_) {
        const auto child = child_of(path, dir);
        if (child && !child->second) names.push_back(child->first);
    }
    return names;
}

std::vector<std::string> MemoryTree::folders(const std::string& dir) const {
    std::set<std::string> names;
    for (const auto& [path, bytes] : files_) {
        const auto child = child_of(path, dir);
        if (child && child->second) names.insert(child->first);
    }
    return {names.begin(), names.end()};
}

std::optional<std::string> MemoryTree::read(const std::string& path) const {
    const auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
}

}  // namespace hwbgen::load
