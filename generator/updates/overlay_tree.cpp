#include "updates/overlay_tree.hpp"

#include <algorithm>

namespace hwbgen::updates {

std::vector<std::string> OverlayTree::files(const std::string& dir) const {
    auto names = base_.files(dir);
    const size_t slash = path_.rfind('/');
    if (path_.substr(0, slash) == dir && !std::count(names.begin(), names.end(), path_.substr(slash + 1))) {
        names.push_back(path_.substr(slash + 1));
        std::sort(names.begin(), names.end());
    }
    return names;
}

std::vector<std::string> OverlayTree::folders(const std::string& dir) const {
    auto names = base_.folders(dir);
    // The file may sit in a folder that does not exist yet (a place's first cycle).
    const std::string prefix = dir.empty() ? "" : dir + "/";
    if (path_.rfind(prefix, 0) == 0) {
        const std::string rest = path_.substr(prefix.size());
        const size_t slash = rest.find('/');
        if (slash != std::string::npos && !std::count(names.begin(), names.end(), rest.substr(0, slash))) {
            names.push_back(rest.substr(0, slash));
            std::sort(names.begin(), names.end());
        }
    }
    return names;
}

std::optional<std::string> OverlayTree::read(const std::string& path) const {
    return path == path_ ? std::optional<std::string>(bytes_) : base_.read(path);
}

}  // namespace hwbgen::updates
