#pragma once
/// The place's overview of health and wellbeing as an infographic: one tile per indicator with
/// the value and unit large, the comparison with England in words and colour, England's value
/// and the period. Drawn as a standalone SVG for social media and slides (the write stage makes
/// a PNG of it); the home page draws the same tiles in HTML beside the table.
#include <string>
#include <vector>

#include "derive/indicator_figures.hpp"
#include "model/strategy.hpp"

namespace hwbgen::render {

/// Where the infographic goes, relative to the place's output folder.
inline constexpr const char* infographic_svg_path = "overview.svg";
inline constexpr const char* infographic_png_path = "overview.png";

/// The infographic of the indicators with a latest value, in the overview's order; empty when
/// there are none. A fixed 1200 px wide drawing with its own title and description, so it reads
/// the same wherever it is shown.
std::string infographic_svg(const model::Place& place, const std::vector<derive::IndicatorFigure>& figures);

}  // namespace hwbgen::render
