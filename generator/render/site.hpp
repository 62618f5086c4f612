#pragma once
/// Rendering a place's whole site: every page as HTML with its Markdown twin, plus assets.
#include <string>
#include <vector>

#include "derive/indicator_figures.hpp"
#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/strategy.hpp"

namespace hwbgen::render {

/// A file of the built site; `path` is relative to the place's output folder.
struct OutputFile {
    std::string path;
    std::string bytes;
};

/// Renders the place with its theme (templates/ and content/<place>/templates/). Template
/// problems go to `diags`. Files come back in a stable order.
std::vector<OutputFile> render_place(const load::ContentTree& tree, const model::Place& place,
                                     const std::vector<derive::IndicatorFigure>& figures,
                                     diag::Diagnostics& diags);

}  // namespace hwbgen::render
