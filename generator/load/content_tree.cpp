#include "load/content_tree.hpp"

#include <algorithm>
#include <set>

namespace hwbgen::load {

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

std::optional<FileProblem> MemoryTree::problem(const std::string& path) const {
    if (files_.count(path)) return std::nullopt;
    return FileProblem{path, "cannot read file: it does not exist", "check the file's name and folder"};
}

std::optional<std::string> MemoryTree::read(const std::string& path) const {
    const auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
}

}  // namespace hwbgen::load
