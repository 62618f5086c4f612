#pragma once
/// The system page: one page above every place's site that lists the places and sets the
/// indicators they share side by side.
#include <string>
#include <vector>

#include "derive/indicator_figures.hpp"
#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/strategy.hpp"
#include "model/system.hpp"
#include "render/site.hpp"

namespace hwbgen::render {

/// A place as the system page sees it: the place and the figures its own pages were built with.
struct SystemPlace {
    const model::Place* place = nullptr;
    const std::vector<derive::IndicatorFigure>* figures = nullptr;
};

/// Renders index.html, its index.md twin and the stylesheet they use (assets/...), with the
/// default theme under templates/. Paths are relative to the output folder that holds the
/// places' folders; links to a place go to "<place id>/". Places come in the order given.
/// An indicator is shared when two or more places have a latest value for it.
std::vector<OutputFile> render_system(const load::ContentTree& tree, const model::System& system,
                                      const std::vector<SystemPlace>& places, diag::Diagnostics& diags);

}  // namespace hwbgen::render
