#pragma once
/// Pictures for places that take no SVG (social media, slides): an SVG of the staged site drawn
/// as a PNG by rsvg-convert (librsvg), which writes no date into the file, so the same SVG and
/// fonts give the same bytes.
#include <string>

#include "diag/diagnostic.hpp"

namespace hwbgen::write {

/// Draws `dir`/`svg` as `dir`/`png` with `program` (rsvg-convert). Nothing to do when the SVG
/// is not there (a place without indicators). A failure is an error in `diags` at `where`.
bool svg_to_png(const std::string& program, const std::string& dir, const std::string& svg, const std::string& png,
                const std::string& where, diag::Diagnostics& diags);

}  // namespace hwbgen::write
