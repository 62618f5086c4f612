#pragma once
// View data the Easy Read pages and document share: which picture sets to credit.
#include <vector>

#include "model/easy_read.hpp"
#include "model/strategy.hpp"
#include "render/detail/theme.hpp"
#include "render/site.hpp"

namespace hwbgen::render::detail {

/// Sets `credits` (each set used, with `drawn` for the pictures drawn for hwbgen) and
/// `has_credits` for a page or document showing `points`.
void set_picture_credits(View& v, const std::vector<const model::EasyReadPoint*>& points,
                         const std::vector<model::Picture>& own, const model::EasyReadResources& resources);

/// Every point of the place-wide Easy Read blocks (intro, vision, how we will know, contact).
std::vector<const model::EasyReadPoint*> place_points(const model::Place& place);
std::vector<const model::EasyReadPoint*> section_points(const model::Section& section);

/// Adds easy-read.docx to `out`: every Easy Read point with its picture beside it, for checking
/// groups to read and edit in Word (through pandoc, styled by `reference_docx`). Without pandoc
/// it adds nothing and warns once.
void write_easy_read_document(const Theme& theme, const load::ContentTree& tree, const model::Place& place,
                              const model::EasyReadResources& resources, const std::string& reference_docx,
                              std::vector<OutputFile>& out, diag::Diagnostics& diags);

}  // namespace hwbgen::render::detail
