#pragma once
// A document made of several pages in reading order (the whole strategy, the whole Easy Read
// plan), on one page that prints as one PDF: each part's headings moved down a level and its
// ids made unique, with a contents list.
#include <string>
#include <vector>

#include "render/detail/theme.hpp"

namespace hwbgen::render::detail {

/// One page of the document, already rendered (its content, without the layout).
struct DocumentPart {
    std::string title;
    std::string anchor;  ///< unique in the document: the part's id
    int level = 1;       ///< 1: a chapter; 2: under the chapter before it
    std::string html;
};

/// Moves every heading down `levels` (h1 -> h2 ...), never below h6.
std::string shift_headings(const std::string& html, int levels);
/// Prefixes every id, and every reference to one (href="#", for, headers, aria-*), with
/// `prefix` + "-", so parts with the same ids can share a page.
std::string prefix_ids(const std::string& html, const std::string& prefix);
/// The view of a whole document: `contents` (chapters with their `children`) and `parts`.
View whole_document_view(const std::vector<DocumentPart>& parts);

}  // namespace hwbgen::render::detail
