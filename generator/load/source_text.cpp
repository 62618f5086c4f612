#include "load/source_text.hpp"

namespace hwbgen::load {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
size_t utf8_length(const std::string& s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((byte(i + k) >> 6) != 0x2) return 0;
    // Overlong forms and surrogates are invalid too.
    if (n == 2 && c < 0xC2) return 0;
    if (n == 3 && c == 0xE0 && byte(i + 1) < 0xA0) return 0;
    if (n == 3 && c == 0xED && byte(i + 1) >= 0xA0) return 0;
    if (n == 4 && (c > 0xF4 || (c == 0xF0 && byte(i + 1) < 0x90) || (c == 0xF4 && byte(i + 1) >= 0x90))) return 0;
    return n;
}

std::string normalise_line_endings(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        }
    }
    return out;
}

}  // namespace

std::optional<std::string> prepare_text(const std::string& path, std::string bytes, diag::Diagnostics& diags) {
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
    int line = 1, column = 1;
    for (size_t i = 0; i < bytes.size();) {
        const size_t n = utf8_length(bytes, i);
        if (n == 0) {
            diags.error({path, line, column}, "invalid UTF-8 in file",
                        "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)");
            return std::nullopt;
        }
        if (bytes[i] == '\0') {
            diags.error({path, line, column}, "the file contains a NUL byte, so it is not a text file",
                        "remove the invisible character, or check that this is the right file");
            return std::nullopt;
        }
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += n;
    }
    return normalise_line_endings(bytes);
}

std::string printable_line(const std::string& bytes, int line) {
    // Walks the raw bytes (LF, CRLF or CR ends a line) rather than copying the whole file for
    // each message: a file with many problems is printed in time proportional to its size.
    size_t start = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (int i = 1; i < line && start < bytes.size(); ++i) {
        const size_t end = bytes.find_first_of("\r\n", start);
        if (end == std::string::npos) return {};
        start = end + (bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n' ? 2 : 1);
    }
    if (start >= bytes.size()) return {};
    const size_t end = bytes.find_first_of("\r\n", start);
    const std::string raw = bytes.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string out;
    for (size_t i = 0; i < raw.size();) {
        const size_t n = utf8_length(raw, i);
        out += n == 0 ? std::string("?") : raw.substr(i, n);
        i += n == 0 ? 1 : n;
    }
    return out;
}

std::string line_of(const std::string& text, int line) {
    size_t start = 0;
    for (int i = 1; i < line; ++i) {
        start = text.find('\n', start);
        if (start == std::string::npos) return {};
        ++start;
    }
    const size_t end = text.find('\n', start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace hwbgen::load
