#include "render/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <algorithm>
#include <cctype>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "load/link_check.hpp"

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
        if (!in_tag && html[i] != '"' && !(space && (text.empty() || text.back() == ' ')))
            text += space ? ' ' : html[i];
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

// The bracket that closes the one at `open`, skipping escaped and nested ones; npos if none.
size_t closing(const std::string& text, size_t open, char opener, char closer) {
    int depth = 0;
    for (size_t i = open; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == opener)
            ++depth;
        else if (text[i] == closer && --depth == 0)
            return i;
    }
    return std::string::npos;
}

// The words of an unwrapped link would link again when the twin is read (GFM links a bare
// "scheme://" in text); an entity for the colon of any scheme but http(s) keeps them words.
std::string without_bare_schemes(std::string md) {
    for (size_t at = 0; (at = md.find("://", at)) != std::string::npos; at += 3) {
        const size_t start = load::bare_scheme_start(md, at);
        if (start == std::string::npos) continue;
        const std::string scheme = load::scheme_of(md.substr(start, at - start + 1));
        if (scheme != "http" && scheme != "https") md.replace(at, 1, "&#58;");
    }
    return md;
}

using Parser = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using Document = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

struct Parsed {
    Parser parser{nullptr, cmark_parser_free};
    Document doc{nullptr, cmark_node_free};
};

Parsed parse(const std::string& markdown) {
    register_extensions();
    Parsed p{Parser(cmark_parser_new(options), cmark_parser_free), Document(nullptr, cmark_node_free)};
    for (const char* name : extensions)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(p.parser.get(), ext);
    cmark_parser_feed(p.parser.get(), markdown.data(), markdown.size());
    p.doc.reset(cmark_parser_finish(p.parser.get()));
    return p;
}

bool is_site_picture(const std::string& url) { return load::is_allowed_address(url) && load::is_site_file(url); }

// Replaces `node` by its children (a link keeps its words, a picture its alt text).
void unwrap(cmark_node* node) {
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);
}

// The same allow-list as the checker, applied again to what cmark itself parsed, so a link the
// checker missed still never reaches a page: links keep only https, http, mailto and relative
// addresses, pictures only files of the site, and raw HTML goes. Returns whether anything changed.
bool enforce_policy(cmark_node* doc) {
    std::vector<cmark_node*> unsafe_links, raw_html;
    cmark_iter* iter = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        const char* url = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE ? cmark_node_get_url(node) : nullptr;
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)
            raw_html.push_back(node);
        else if ((type == CMARK_NODE_LINK && !load::is_allowed_address(url ? url : "")) ||
                 (type == CMARK_NODE_IMAGE && !is_site_picture(url ? url : "")))
            unsafe_links.push_back(node);
    }
    cmark_iter_free(iter);
    for (auto* node : unsafe_links) unwrap(node);
    for (auto* node : raw_html) cmark_node_free(node);
    return !unsafe_links.empty() || !raw_html.empty();
}

}  // namespace

std::string markdown_to_html(const std::string& markdown) {
    if (markdown.empty()) return {};
    const Parsed p = parse(markdown);
    enforce_policy(p.doc.get());
    char* html = cmark_render_html(p.doc.get(), options, cmark_parser_get_syntax_extensions(p.parser.get()));
    std::string out(html);
    std::free(html);
    return wrap_tables(strip_raw_html_comments(std::move(out)));
}

namespace {

bool reads_back_clean(const std::string& md) {
    const auto reach = markdown_reach(md);
    for (const auto& html : reach.raw_html)
        if (html != "<!-- end list -->\n") return false;
    for (const auto& url : reach.links)
        if (!load::is_allowed_address(url)) return false;
    for (const auto& url : reach.pictures)
        if (!is_site_picture(url)) return false;
    return true;
}

// Whether `md` has a '<' that starts a tag in some Markdown reader: one that GFM drops (the
// cells past a table's header, which other readers show as a paragraph) is still live there.
// An autolink (<https://...>) does not count: its scheme is checked like any link's.
bool may_hold_raw_html(const std::string& md) {
    for (size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
        if (at + 1 >= md.size()) break;
        const unsigned char c = static_cast<unsigned char>(md[at + 1]);
        if (c == '/' || c == '!' || c == '?') return true;
        if (!std::isalpha(c)) continue;
        size_t end = at + 1;
        while (end < md.size() && (std::isalnum(static_cast<unsigned char>(md[end])) || md[end] == '+' ||
                                   md[end] == '-' || md[end] == '.'))
            ++end;
        if (end >= md.size() || md[end] != ':') return true;
    }
    return false;
}

// How deeply blocks and inlines nest in `doc` (a quote in a quote is two).
size_t nesting_depth(cmark_node* doc) {
    size_t depth = 0, deepest = 0;
    cmark_iter* iter = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        if (ev == CMARK_EVENT_ENTER && cmark_node_first_child(cmark_iter_get_node(iter)))
            deepest = std::max(deepest, ++depth);
        else if (ev == CMARK_EVENT_EXIT)
            --depth;
    }
    cmark_iter_free(iter);
    return deepest;
}

// cmark's Markdown writer takes time that grows with the square of the nesting (a 20,000-deep
// quote took seconds, 40,000 a minute): deeper than any real text, a field is published as
// escaped plain text instead.
constexpr size_t rewrite_depth_limit = 100;

}  // namespace

std::string markdown_twin(const std::string& markdown) {
    if (markdown.empty()) return {};
    const Parsed p = parse(markdown);
    // Content as written is kept byte for byte when it is safe, which is nearly always.
    if (!enforce_policy(p.doc.get()) && !may_hold_raw_html(markdown)) return markdown;
    if (nesting_depth(p.doc.get()) > rewrite_depth_limit) return markdown_text(markdown);
    char* md = cmark_render_commonmark(p.doc.get(), options, 0);
    std::string out(md);
    std::free(md);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    // cmark writes a literal '<' as "\\<"; an autolink just before it would swallow the
    // backslash and leave a tag (found by fuzz_links), so an entity is used instead.
    for (size_t at = 0; (at = out.find("\\<", at)) != std::string::npos; at += 4) out.replace(at, 2, "&lt;");
    out = without_bare_schemes(out);
    // cmark's Markdown writer does not promise that its output reads back the same; when it
    // would not be clean, the field is published as escaped plain text instead.
    return reads_back_clean(out) ? out : markdown_text(markdown);
}

MarkdownReach markdown_reach(const std::string& markdown) {
    MarkdownReach reach;
    const Parsed p = parse(markdown);
    cmark_iter* iter = cmark_iter_new(p.doc.get());
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        const char* url = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE ? cmark_node_get_url(node) : nullptr;
        if (type == CMARK_NODE_LINK) reach.links.emplace_back(url ? url : "");
        if (type == CMARK_NODE_IMAGE) reach.pictures.emplace_back(url ? url : "");
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
            const char* literal = cmark_node_get_literal(node);
            reach.raw_html.emplace_back(literal ? literal : "");
        }
    }
    cmark_iter_free(iter);
    return reach;
}

std::string markdown_text(const std::string& text) {
    // Entities, not backslashes: GFM's autolinks swallow a backslash after an address
    // ("https://x.org\\<script>" would leave the tag live), but stop before an entity.
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '<': out += "&lt;"; break;
            case '[': out += "&#91;"; break;
            case ']': out += "&#93;"; break;
            case '\\': out += "&#92;"; break;
            default: out += c;
        }
    }
    return without_bare_schemes(out);
}

namespace {

std::string strip_pictures(const std::string& markdown, int depth) {
    std::string out;
    out.reserve(markdown.size());
    for (size_t i = 0; i < markdown.size(); ++i) {
        if (markdown[i] == '\\' && i + 1 < markdown.size()) {
            out += markdown.substr(i++, 2);
            continue;
        }
        if (markdown.compare(i, 2, "![") != 0) {
            out += markdown[i];
            continue;
        }
        const size_t close = closing(markdown, i + 1, '[', ']');
        if (close == std::string::npos) {
            out += "!\\[";  // an unclosed picture is kept as plain text
            ++i;
            continue;
        }
        const std::string alt = markdown.substr(i + 2, close - i - 2);
        out += depth < 4 ? strip_pictures(alt, depth + 1) : alt;  // the alt text, itself cleaned
        i = close;
        if (i + 1 < markdown.size() && (markdown[i + 1] == '(' || markdown[i + 1] == '[')) {
            const size_t end = closing(markdown, i + 1, markdown[i + 1], markdown[i + 1] == '(' ? ')' : ']');
            i = end == std::string::npos ? markdown.size() : end;
        }
    }
    return out;
}

}  // namespace

std::string without_pictures(const std::string& markdown) {
    std::string out = strip_pictures(markdown, 0);
    // Whatever bracket matching missed (a parser may pair brackets differently), no "![" is
    // left to start a picture.
    for (size_t at = 0; (at = out.find("![", at)) != std::string::npos; at += 3)
        if (at == 0 || out[at - 1] != '\\') out.insert(at + 1, "\\");
    return out;
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
