#include "load/link_check.hpp"

#include <cctype>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace hwbgen::load {

namespace {

// Named entities that can stand for a character a scheme or its colon is made of. Any other
// named entity before the colon makes the scheme unknown, and so not allowed.
const struct {
    const char* name;
    char c;
} entities[] = {{"colon", ':'}, {"Tab", '\t'},  {"NewLine", '\n'}, {"nbsp", ' '}, {"sol", '/'},   {"period", '.'},
                {"num", '#'},   {"quest", '?'}, {"amp", '&'},      {"plus", '+'}, {"hyphen", '-'}};

// Decodes one entity at text[i] ('&'); returns the characters it stands for and moves `i` past
// it, or returns nothing when it is not one (the '&' is then literal).
std::optional<std::string> entity_at(const std::string& text, size_t& i) {
    const size_t semi = text.find(';', i);
    if (semi == std::string::npos || semi - i > 32) return std::nullopt;
    const std::string body = text.substr(i + 1, semi - i - 1);
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        char* end = nullptr;
        const long code = std::strtol(body.c_str() + (hex ? 2 : 1), &end, hex ? 16 : 10);
        if (*end != '\0') return std::nullopt;
        i = semi;
        return std::string(1, code > 0 && code < 128 ? static_cast<char>(code) : '\x01');
    }
    for (const auto& e : entities)
        if (body == e.name) {
            i = semi;
            return std::string(1, e.c);
        }
    bool name = !body.empty();
    for (const char c : body) name = name && std::isalnum(static_cast<unsigned char>(c));
    if (!name) return std::nullopt;
    i = semi;
    return std::string("\x01");  // an entity we do not decode: it hides the scheme
}

// The address as a browser reads its scheme: entities decoded, backslash escapes removed,
// every control character and space dropped, lower case.
std::string browser_view(const std::string& address) {
    std::string out;
    for (size_t i = 0; i < address.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(address[i]);
        std::string piece(1, static_cast<char>(c));
        if (c == '&') {
            if (auto decoded = entity_at(address, i)) piece = *decoded;
        } else if (c == '\\' && i + 1 < address.size() && std::ispunct(static_cast<unsigned char>(address[i + 1]))) {
            piece = std::string(1, address[++i]);
        }
        for (const char p : piece)
            if (static_cast<unsigned char>(p) > 0x20 && p != 0x7F)
                out += static_cast<char>(std::tolower(static_cast<unsigned char>(p)));
            else if (p == '\x01')
                out += '\x01';
    }
    return out;
}

bool scheme_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'; }

struct Candidate {
    size_t offset;
    std::string address;
    bool picture;
};

// The address after "](" or "]:" at `at`, as cmark would take it (with some slack: anything
// that might be an address is taken).
std::string address_at(const std::string& text, size_t& at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n')) ++at;
    if (at < text.size() && text[at] == '<') {
        const size_t close = text.find_first_of(">\n", at + 1);
        return text.substr(at + 1, (close == std::string::npos ? text.size() : close) - at - 1);
    }
    size_t end = at;
    int depth = 0;
    for (; end < text.size(); ++end) {
        const char c = text[end];
        if (c == '\\' && end + 1 < text.size()) {
            ++end;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t') break;
        if (c == '(') ++depth;
        if (c == ')' && depth-- == 0) break;
    }
    return text.substr(at, end - at);
}

// The '[' that the ']' at `close` ends, or npos.
size_t matching_open(const std::string& text, size_t close) {
    int depth = 0;
    for (size_t i = close; i-- > 0;) {
        if (text[i] == ']' && !(i > 0 && text[i - 1] == '\\')) ++depth;
        if (text[i] == '[' && !(i > 0 && text[i - 1] == '\\') && depth-- == 0) return i;
    }
    return std::string::npos;
}

// GFM (cmark-gfm's autolink extension) links a bare "scheme://..." in text, whatever the scheme:
// the start of the scheme before "://" at `i`, or npos.
}  // namespace

size_t bare_scheme_start(const std::string& text, size_t colon) {
    size_t start = colon;
    while (start > 0 && scheme_char(text[start - 1])) --start;
    return start < colon ? start : std::string::npos;
}

namespace {

// A link label as CommonMark matches it: case and runs of white space do not count.
std::string label_key(const std::string& label) {
    std::string out;
    for (const char c : label) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The labels that pictures written by reference use (![alt][label], ![label][] and ![label]):
// their definitions ([label]: address) are pictures too.
std::set<std::string> picture_labels(const std::string& text) {
    std::set<std::string> labels;
    std::vector<size_t> opens;  // one pass with a stack: matching_open per ']' would be quadratic
    for (size_t i = 0; i < text.size(); ++i) {
        if ((text[i] != '[' && text[i] != ']') || (i > 0 && text[i - 1] == '\\')) continue;
        if (text[i] == '[') {
            opens.push_back(i);
            continue;
        }
        if (opens.empty()) continue;
        const size_t open = opens.back();
        opens.pop_back();
        if (open == 0 || text[open - 1] != '!') continue;
        if (i + 1 < text.size() && text[i + 1] == '(') continue;
        std::string label = text.substr(open + 1, i - open - 1);
        if (i + 1 < text.size() && text[i + 1] == '[') {
            const size_t close = text.find(']', i + 2);
            if (close != std::string::npos && close > i + 2) label = text.substr(i + 2, close - i - 2);
        }
        labels.insert(label_key(label));
    }
    return labels;
}

std::vector<Candidate> candidates(const std::string& text) {
    std::vector<Candidate> out;
    const std::set<std::string> by_reference = picture_labels(text);
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        if (text.compare(i, 3, "://") == 0) {
            const size_t start = bare_scheme_start(text, i);
            const size_t end = text.find_first_of(" \t\n<>", i);
            if (start != std::string::npos)
                out.push_back(
                    {start, text.substr(start, (end == std::string::npos ? text.size() : end) - start), false});
            continue;
        }
        if (text[i] == ']' && (text[i + 1] == '(' || text[i + 1] == ':')) {
            size_t at = i + 2;
            const size_t open = matching_open(text, i);
            const bool picture = open != std::string::npos && open > 0 && text[open - 1] == '!';
            std::string address = address_at(text, at);
            const bool defines_picture = text[i + 1] == ':' && open != std::string::npos &&
                                         by_reference.count(label_key(text.substr(open + 1, i - open - 1))) > 0;
            out.push_back({at, std::move(address), (picture && text[i + 1] == '(') || defines_picture});
        } else if (text[i] == '<' && std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
            size_t j = i + 1;
            while (j < text.size() && scheme_char(text[j])) ++j;
            if (j < text.size() && text[j] == ':') {
                const size_t close = text.find_first_of("> \n", j);
                out.push_back(
                    {i + 1, text.substr(i + 1, (close == std::string::npos ? text.size() : close) - i - 1), false});
            }
        }
    }
    return out;
}

// Percent-encoded dots and slashes, which a browser reads as "..", "/" or "\\" in a path.
std::string percent_decoded(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const std::string hex = {static_cast<char>(std::tolower(static_cast<unsigned char>(text[i + 1]))),
                                     static_cast<char>(std::tolower(static_cast<unsigned char>(text[i + 2])))};
            const char* plain = hex == "2e" ? "." : hex == "2f" ? "/" : hex == "5c" ? "\\" : nullptr;
            if (plain) {
                out += plain;
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace

std::string scheme_of(const std::string& address) {
    const std::string seen = browser_view(address);
    size_t i = 0;
    while (i < seen.size() && (scheme_char(seen[i]) || seen[i] == '\x01')) ++i;
    if (i == 0 || i >= seen.size() || seen[i] != ':') return "";
    std::string scheme = seen.substr(0, i);
    if (scheme.find('\x01') != std::string::npos || !std::isalpha(static_cast<unsigned char>(scheme[0]))) return "?";
    return scheme;
}

bool is_allowed_address(const std::string& address) {
    const std::string scheme = scheme_of(address);
    return scheme.empty() || scheme == "https" || scheme == "http" || scheme == "mailto";
}

bool is_web_address(const std::string& address) {
    for (const char* prefix : {"https://", "http://"}) {
        const std::string p = prefix;
        if (address.compare(0, p.size(), p) == 0 && address.size() > p.size() &&
            std::isalnum(static_cast<unsigned char>(address[p.size()])))
            return address.find_first_of(" \t\n\"'<>\\`") == std::string::npos;
    }
    return false;
}

bool is_email_address(const std::string& text) {
    const size_t at = text.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= text.size() || text.find('@', at + 1) != std::string::npos)
        return false;
    for (const char c : text)
        if (static_cast<unsigned char>(c) <= 0x20 || std::string("\"'<>()[]\\,;:?&=%`").find(c) != std::string::npos)
            return false;
    return true;
}

bool is_site_file(const std::string& address) {
    const std::string seen = percent_decoded(browser_view(address));
    if (seen.empty() || !scheme_of(address).empty()) return false;
    if (seen[0] == '/' || seen[0] == '\\' || seen.find('\x01') != std::string::npos) return false;
    return seen.find("..") == std::string::npos;
}

std::optional<UnsafeLink> find_unsafe_link(const std::string& text) {
    if (text.find_first_of("]<") == std::string::npos && text.find("://") == std::string::npos) return std::nullopt;
    for (const auto& c : candidates(text)) {
        if (!is_allowed_address(c.address)) {
            const std::string scheme = scheme_of(c.address);
            return UnsafeLink{c.offset, c.address,
                              scheme == "?" ? "link address '" + c.address + "' hides its scheme in entities"
                                            : "link with the scheme '" + scheme + ":' is not allowed",
                              "use an https://, http:// or mailto: address, or a relative one like ../glossary/"};
        }
        if (c.picture && !is_site_file(c.address))
            return UnsafeLink{c.offset, c.address, "picture '" + c.address + "' is not a file of the site",
                              "pictures must be given by a relative path to a file published with the site; "
                              "nothing is fetched from the web or read from elsewhere"};
    }
    return std::nullopt;
}

}  // namespace hwbgen::load
