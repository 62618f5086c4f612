#pragma once
/// The project folder as it would be with one file written: so an import can load and check
/// its result before anything touches the disk.
#include "load/content_tree.hpp"

namespace hwbgen::updates {

class OverlayTree : public load::ContentTree {
public:
    OverlayTree(const load::ContentTree& base, std::string path, std::string bytes)
        : base_(base), path_(std::move(path)), bytes_(std::move(bytes)) {}
    std::vector<std::string> files(const std::string& dir) const override;
    std::vector<std::string> folders(const std::string& dir) const override;
    std::optional<std::string> read(const std::string& path) const override;

private:
    const load::ContentTree& base_;
    std::string path_, bytes_;
};

}  // namespace hwbgen::updates
