#pragma once
/// Easy Read beyond its pages: the pictures a place uses, their credits, the gallery of every
/// picture for people writing content, and the Word version for checking groups.
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/easy_read.hpp"
#include "model/strategy.hpp"
#include "model/system.hpp"
#include "render/site.hpp"

namespace hwbgen::render {

/// The pictures the place's Easy Read points name, as assets/pictures/<name>.svg, each once,
/// read from where load resolved it (the place's own, drawn, or a symbol set inside the project).
std::vector<OutputFile> easy_read_picture_files(const load::ContentTree& tree, const model::Place& place,
                                                const model::EasyReadResources& resources);

/// The gallery: easy-read-pictures/index.html and index.md listing every shared picture's name
/// with its image by group, and the images under assets/pictures/. Paths are relative to the
/// output folder that holds the places' folders (beside the system page).
std::vector<OutputFile> render_picture_gallery(const load::ContentTree& tree, const model::System& system,
                                               const model::EasyReadResources& resources, diag::Diagnostics& diags);

}  // namespace hwbgen::render
