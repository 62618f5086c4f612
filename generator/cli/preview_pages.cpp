#include "cli/preview_pages.hpp"

#include <map>

namespace hwbgen::cli {

namespace {

// Small enough to read at a glance. sessionStorage keeps the scroll position across the reload;
// a HEAD request per change tells whether this page is one that changed.
const char* const reload_script = R"(<script data-hwbgen-serve>
(function () { // added by hwbgen serve, not part of the built site
  var key = "hwbgen-scroll:" + location.pathname, y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); scrollTo(0, +y); addEventListener("load", function () { scrollTo(0, +y); }); }
  new EventSource("/_hwbgen/events").onmessage = function () {
    fetch(location.href, { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.headers.get("ETag") !== 'ETAG') { sessionStorage.setItem(key, String(scrollY)); location.reload(); }
    });
  };
})();
</script>
)";

std::string escape(const std::string& text) {
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

std::string location(const diag::SourcePos& pos) {
    std::string out = pos.file;
    if (pos.line > 0) out += ":" + std::to_string(pos.line);
    if (pos.line > 0 && pos.column > 0) out += ":" + std::to_string(pos.column);
    return out;
}

// Spaces up to the column, counting characters rather than UTF-8 bytes; tabs kept.
std::string caret_padding(const std::string& line, int column) {
    std::string pad;
    for (int i = 0; i + 1 < column && i < static_cast<int>(line.size()); ++i) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        pad += c == '\t' ? '\t' : ' ';
    }
    return pad;
}

std::string excerpt(const PreviewProblem& p) {
    const auto& pos = p.diagnostic.pos;
    if (p.source_line.empty() || pos.line <= 0) return {};
    const std::string gutter = std::to_string(pos.line);
    std::string out = "<pre><span class=\"gutter\" aria-hidden=\"true\">" + gutter + " | </span>" +
                      escape(p.source_line) + "\n";
    if (pos.column > 0)
        out += "<span aria-hidden=\"true\"><span class=\"gutter\">" + std::string(gutter.size(), ' ') + " | </span>" +
               caret_padding(p.source_line, pos.column) + "<span class=\"caret\">^</span></span>";
    return out + "</pre>\n";
}

std::string problem_item(const PreviewProblem& p) {
    const auto& d = p.diagnostic;
    const bool error = d.severity == diag::Severity::error;
    std::string out = std::string("<li class=\"problem ") + (error ? "error" : "warning") + "\">\n";
    out += "<h3><span class=\"where\">" + escape(location(d.pos)) + "</span></h3>\n";
    out += std::string("<p class=\"message\"><strong>") + (error ? "Error" : "Warning") + ":</strong> " +
           escape(d.message) + "</p>\n";
    out += excerpt(p);
    if (!d.hint.empty()) out += "<p class=\"hint\"><strong>Hint:</strong> " + escape(d.hint) + "</p>\n";
    return out + "</li>\n";
}

std::string count(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

const char* const style = R"(<style>
body { margin: 0; color: #1b1b1b; background: #fff; font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.375rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.125rem; margin: .25rem 0; }
ol { list-style: none; padding: 0; margin: 0; }
.problem { margin: 1rem 0; padding: .5rem 1rem; border-left: .5rem solid #b00020; background: #fdf2f3; }
.problem.warning { border-left-color: #8a5300; background: #fdf7ea; }
.where, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
pre { margin: .5rem 0; padding: .5rem .75rem; background: #fff; border: 1px solid #6f6f6f; white-space: pre-wrap; font-size: 1rem; }
.gutter { color: #505050; }
.caret { color: #b00020; font-weight: bold; }
.message, .hint { margin: .25rem 0; }
a { color: #1d5aa8; }
a:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; background: #ffdd00; }
</style>
)";

}  // namespace

std::string with_reload_script(const std::string& html, const std::string& etag) {
    std::string script = reload_script;
    script.replace(script.find("ETAG"), 4, etag);  // hex digits in quotes: nothing to escape
    const auto body = html.rfind("</body>");
    if (body == std::string::npos) return html + script;
    return html.substr(0, body) + script + html.substr(body);
}

std::string problems_page(const std::vector<PreviewProblem>& problems, bool blocked) {
    size_t errors = 0;
    for (const auto& p : problems) errors += p.diagnostic.severity == diag::Severity::error;
    const size_t warnings = problems.size() - errors;
    std::string title = errors ? count(errors, "error", "errors") + " to fix"
                               : (warnings ? count(warnings, "warning", "warnings") : std::string("No problems"));
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
        title + " - hwbgen preview</title>\n" + style + "</head>\n<body>\n<main>\n";
    out += "<h1>" + title + "</h1>\n";
    if (errors && blocked)
        out +=
            "<p>This page cannot be shown until the content is fixed. Each problem below names the file, "
            "the line and the column. Fix it and save the file: this page changes by itself.</p>\n"
            "<p><a href=\"/_hwbgen/problems\">See the problems of the whole site</a></p>\n";
    else if (errors)
        out +=
            "<p>The site cannot be built until these are fixed. Save the file after each fix: the preview "
            "rebuilds by itself.</p>\n";
    else
        out += "<p>The site builds. <a href=\"/\">Go to the site</a>.</p>\n";
    if (errors) {
        out += "<h2>Errors (" + std::to_string(errors) + ")</h2>\n<ol>\n";
        for (const auto& p : problems)
            if (p.diagnostic.severity == diag::Severity::error) out += problem_item(p);
        out += "</ol>\n";
    }
    if (warnings) {
        out += "<h2>Warnings (" + std::to_string(warnings) +
               ")</h2>\n"
               "<p>Warnings do not stop the site from building, but are worth fixing.</p>\n<ol>\n";
        for (const auto& p : problems)
            if (p.diagnostic.severity != diag::Severity::error) out += problem_item(p);
        out += "</ol>\n";
    }
    return out + "</main>\n</body>\n</html>\n";
}

std::string content_type(const std::string& path) {
    static const std::map<std::string, std::string> types = {
        {"html", "text/html; charset=utf-8"},
        {"md", "text/markdown; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"json", "application/json"},
        {"csv", "text/csv; charset=utf-8"},
        {"txt", "text/plain; charset=utf-8"},
        {"xml", "application/xml"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"webp", "image/webp"},
        {"ico", "image/x-icon"},
        {"pdf", "application/pdf"},
        {"woff2", "font/woff2"},
        {"woff", "font/woff"},
        {"zip", "application/zip"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    };
    const auto slash = path.rfind('/');
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "application/octet-stream";
    std::string ext = path.substr(dot + 1);
    for (auto& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const auto it = types.find(ext);
    return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace hwbgen::cli
