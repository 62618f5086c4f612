#include "updates/text_rules.hpp"

#include <cctype>
#include <vector>

namespace hwbgen::updates {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Character references in a link (`&#58;`, `&colon;`) decoded, as a Markdown renderer would,
// and white space dropped, so "java&#x73;cript :" is seen for what it is.
std::string decoded(const std::string& url) {
    std::string out;
    for (size_t i = 0; i < url.size(); ++i) {
        if (url[i] == '&') {
            const size_t semi = url.find(';', i);
            if (semi != std::string::npos && semi - i < 12) {
                const std::string ref = lower(url.substr(i + 1, semi - i - 1));
                long code = -1;
                if (ref == "colon")
                    code = ':';
                else if (ref.size() > 1 && ref[0] == '#' && ref[1] == 'x')
                    code = std::strtol(ref.c_str() + 2, nullptr, 16);
                else if (ref.size() > 1 && ref[0] == '#')
                    code = std::strtol(ref.c_str() + 1, nullptr, 10);
                if (code > 0 && code < 128) {
                    out += char(code);
                    i = semi;
                    continue;
                }
            }
        }
        if (!std::isspace(static_cast<unsigned char>(url[i])) && static_cast<unsigned char>(url[i]) >= 0x20)
            out += url[i];
    }
    return out;
}

// The scheme of a link ("https"), or "" for a relative link.
std::string scheme_of(const std::string& url) {
    const std::string u = decoded(url);
    const size_t colon = u.find(':');
    if (colon == std::string::npos || colon == 0) return "";
    for (size_t i = 0; i < colon; ++i)
        if (!std::isalnum(static_cast<unsigned char>(u[i])) && u[i] != '+' && u[i] != '.' && u[i] != '-') return "";
    return lower(u.substr(0, colon));
}

bool safe_scheme(const std::string& scheme) {
    return scheme.empty() || scheme == "https" || scheme == "http" || scheme == "mailto";
}

// Every link target: inline `](url)`, reference definitions `[x]: url`, autolinks `<url>`.
std::vector<std::string> link_targets(const std::string& text) {
    std::vector<std::string> out;
    for (size_t at = 0; (at = text.find("](", at)) != std::string::npos; at += 2) {
        size_t start = at + 2;
        while (start < text.size() && (text[start] == ' ' || text[start] == '<')) ++start;
        const size_t end = text.find_first_of(" )>\n", start);
        out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    }
    for (size_t at = 0; (at = text.find("]:", at)) != std::string::npos; at += 2) {
        size_t start = at + 2;
        while (start < text.size() && (text[start] == ' ' || text[start] == '<')) ++start;
        const size_t end = text.find_first_of(" >\n", start);
        out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    }
    return out;
}

// `<` starting a tag, a comment or a declaration, as opposed to a comparison ("< 5").
bool opens_html(const std::string& text, size_t at) {
    if (at + 1 >= text.size()) return false;
    const char next = text[at + 1];
    return std::isalpha(static_cast<unsigned char>(next)) || next == '!' || next == '?' ||
           (next == '/' && at + 2 < text.size() && std::isalpha(static_cast<unsigned char>(text[at + 2])));
}

TextProblem html_problem(const std::string& text) {
    for (size_t at = 0; (at = text.find('<', at)) != std::string::npos; ++at) {
        if (!opens_html(text, at)) continue;
        const size_t close = text.find('>', at);
        const std::string inside = text.substr(at + 1, close == std::string::npos ? 20 : close - at - 1);
        const bool autolink = close != std::string::npos && inside.find_first_of(" \n<\"'") == std::string::npos &&
                              (inside.find(':') != std::string::npos || inside.find('@') != std::string::npos);
        if (autolink) {
            const std::string scheme = inside.find(':') != std::string::npos ? scheme_of(inside) : "";
            if (!safe_scheme(scheme))
                return {"unsafe link '" + inside.substr(0, 60) + "'",
                        "links may start with https://, http:// or mailto: only"};
            continue;
        }
        const std::string tag = text.substr(at, std::min<size_t>(close == std::string::npos ? 20 : close - at + 1, 40));
        return {"raw HTML is not allowed ('" + tag + "')",
                "write plain text; use '- ' for bullet points and **stars** for bold instead of HTML"};
    }
    return {};
}

bool valid_utf8(const std::string& text) {
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > text.size() || (n == 2 && c < 0xC2)) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

TextProblem text_problem(const std::string& text) {
    if (!valid_utf8(text)) return {"the text is not valid UTF-8", "retype the text, or paste it as plain text"};
    if (text.size() > 32767)
        return {"the text is longer than a spreadsheet cell holds (32,767 characters)",
                "shorten it, or link to a document"};
    for (const char c : text)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return {"the text holds a control character", "retype the text, or paste it as plain text"};
    if (auto p = html_problem(text); !p.message.empty()) return p;
    for (const auto& url : link_targets(text))
        if (!safe_scheme(scheme_of(url)))
            return {"unsafe link '" + url.substr(0, 60) + "'",
                    "links may start with https://, http:// or mailto: only"};
    return {};
}

}  // namespace hwbgen::updates
