#include "render/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace hwbgen::render {

namespace {

// cmark-gfm's extension registry is global; registering it once keeps threads safe.
void register_extensions() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

constexpr int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;  // safe: raw HTML dropped
const char* const extensions[] = {"table", "strikethrough", "autolink"};

std::string strip_raw_html_comments(std::string html) {
    // cmark replaces raw HTML with this comment; readers gain nothing from it.
    const std::string marker = "<!-- raw HTML omitted -->";
    for (size_t at; (at = html.find(marker)) != std::string::npos;) html.erase(at, marker.size());
    return html;
}

// The text of a table's first header cell, tags removed, to name its scrolling region.
std::string first_heading(const std::string& html, size_t from) {
    const size_t th = html.find("<th", from);
    if (th == std::string::npos) return "Table";
    const size_t start = html.find('>', th) + 1, end = html.find("</th>", start);
    std::string text;
    bool in_tag = false;
    for (size_t i = start; i < end && i < html.size(); ++i) {
        if (html[i] == '<') in_tag = true;
        const bool space = html[i] == '\n' || html[i] == ' ' || html[i] == '\t';
        if (!in_tag && html[i] != '"' && !(space && (text.empty() || text.back() == ' '))) text += space ? ' ' : html[i];
        if (html[i] == '>') in_tag = false;
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text.empty() ? "Table" : "Table: " + text;
}

// Wide tables scroll inside their own focusable region, so the page itself never scrolls
// sideways on a phone (WCAG 1.4.10) and keyboard users can still scroll them.
std::string wrap_tables(std::string html) {
    for (size_t at = 0; (at = html.find("<table>", at)) != std::string::npos;) {
        const std::string open = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"" +
                                 first_heading(html, at) + "\">";
        html.insert(at, open);
        const size_t close = html.find("</table>", at + open.size());
        if (close == std::string::npos) break;
        html.insert(close + 8, "</div>");
        at = close + 14;
    }
    return html;
}

}  // namespace

std::string markdown_to_html(const std::string& markdown) {
    if (markdown.empty()) return {};
    register_extensions();
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options),
                                                                         cmark_parser_free);
    for (const char* name : extensions)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()),
                                                                 cmark_node_free);
    char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    std::string out(html);
    std::free(html);
    return wrap_tables(strip_raw_html_comments(std::move(out)));
}

std::string markdown_inline_to_html(const std::string& markdown) {
    std::string html = markdown_to_html(markdown);
    while (!html.empty() && html.back() == '\n') html.pop_back();
    const bool single_paragraph = html.rfind("<p>", 0) == 0 && html.size() >= 7 &&
                                  html.compare(html.size() - 4, 4, "</p>") == 0 &&
                                  html.find("<p>", 3) == std::string::npos;
    return single_paragraph ? html.substr(3, html.size() - 7) : html;
}

std::string escape_html(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace hwbgen::render
