#pragma once
/// Content Markdown to HTML (cmark-gfm, tables on). Raw HTML in content is never passed through.
#include <string>

namespace hwbgen::render {

/// Block Markdown (paragraphs, lists, tables) to HTML. Raw HTML and javascript: links are
/// removed, so content cannot inject script.
std::string markdown_to_html(const std::string& markdown);

/// For one-line items (a commitment, a success measure): the HTML without the <p> wrapper.
std::string markdown_inline_to_html(const std::string& markdown);

/// Escapes text for HTML element content and attribute values.
std::string escape_html(const std::string& text);

}  // namespace hwbgen::render
