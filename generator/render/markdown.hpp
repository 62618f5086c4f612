#pragma once
/// Content Markdown to HTML (cmark-gfm, tables on). Raw HTML in content is never passed through.
#include <string>
#include <vector>

namespace hwbgen::render {

/// Block Markdown (paragraphs, lists, tables) to HTML. Raw HTML and javascript: links are
/// removed, so content cannot inject script.
std::string markdown_to_html(const std::string& markdown);

/// The Markdown twin of a content field: the text as written when it is safe, else the text
/// re-rendered without what the HTML drops (raw HTML, links outside the allow-list, pictures
/// that are not files of the site).
std::string markdown_twin(const std::string& markdown);

/// Plain text for a Markdown page: '<', '[', ']' and '\\' as entities, so text a user wrote
/// as plain (a title, a name) can never become a link or HTML in the twin.
std::string markdown_text(const std::string& text);

/// Markdown with every picture replaced by its alt text: Word documents embed no file that
/// hwbgen did not resolve itself.
std::string without_pictures(const std::string& markdown);

/// What cmark parses in `markdown` that can reach a reader: each link's and picture's address
/// and each piece of raw HTML, for tests and fuzzing to hold the checker to the parser.
struct MarkdownReach {
    std::vector<std::string> links, pictures, raw_html;
};
MarkdownReach markdown_reach(const std::string& markdown);

/// For one-line items (a commitment, a success measure): the HTML without the <p> wrapper.
std::string markdown_inline_to_html(const std::string& markdown);

/// Escapes text for HTML element content and attribute values.
std::string escape_html(const std::string& text);

}  // namespace hwbgen::render
