#include "diag/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace hwbgen::diag {

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
    add({Severity::error, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
    add({Severity::warning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::error) ++errors_;
    list_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.list_) add(d);
}

void Diagnostics::sort() {
    std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.column) < std::tie(b.pos.file, b.pos.line, b.pos.column);
    });
    // One problem found twice (by a scan of the folder and by reading the file) shows once.
    const auto same = [](const Diagnostic& a, const Diagnostic& b) {
        return a.severity == b.severity && a.message == b.message &&
               std::tie(a.pos.file, a.pos.line, a.pos.column) == std::tie(b.pos.file, b.pos.line, b.pos.column);
    };
    list_.erase(std::unique(list_.begin(), list_.end(), same), list_.end());
    errors_ = 0;
    for (const auto& d : list_) errors_ += d.severity == Severity::error;
}

namespace {

std::string location(const SourcePos& pos) {
    std::string out = pos.file;
    if (pos.line > 0) out += ":" + std::to_string(pos.line);
    if (pos.line > 0 && pos.column > 0) out += ":" + std::to_string(pos.column);
    return out;
}

// The caret sits under the column; tabs are kept so it lines up in a terminal.
std::string caret_line(std::string_view source_line, int column) {
    std::string pad;
    for (int i = 0; i + 1 < column && i < static_cast<int>(source_line.size()); ++i)
        pad += source_line[i] == '\t' ? '\t' : ' ';
    return pad + "^";
}

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A long line (minified YAML, a deep nest of brackets) is cut to a window around the column,
// so one message never prints megabytes; "..." marks what was cut.
std::pair<std::string, int> window(std::string_view line, int column) {
    constexpr size_t half = 60;
    if (line.size() <= 2 * half) return {std::string(line), column};
    const size_t at = column > 0 ? std::min(static_cast<size_t>(column - 1), line.size()) : 0;
    size_t start = at > half ? at - half : 0;
    size_t end = std::min(line.size(), start + 2 * half);
    while (start > 0 && continuation_byte(line[start])) --start;
    while (end < line.size() && continuation_byte(line[end])) ++end;
    std::string out = (start > 0 ? "..." : "") + std::string(line.substr(start, end - start)) +
                      (end < line.size() ? "..." : "");
    return {out, column - static_cast<int>(start) + (start > 0 ? 3 : 0)};
}

// Messages and hints quote the user's text; a pathological value must not flood the terminal.
std::string shortened(const std::string& text, size_t most) {
    if (text.size() <= most) return text;
    size_t cut = most;
    while (cut > 0 && continuation_byte(text[cut])) --cut;
    return text.substr(0, cut) + "...";
}

}  // namespace

std::string format(const Diagnostic& d, std::string_view full_line) {
    const auto [shown, column] = window(full_line, d.pos.column);
    const std::string_view source_line = shown;
    std::string out = location(d.pos) + ": ";
    out += d.severity == Severity::error ? "error: " : "warning: ";
    constexpr size_t longest_message = 400;
    out += shortened(d.message, longest_message) + "\n";
    if (!source_line.empty() && d.pos.line > 0) {
        const std::string gutter = std::to_string(d.pos.line);
        out += " " + gutter + " | " + std::string(source_line) + "\n";
        out += " " + std::string(gutter.size(), ' ') + " | " + caret_line(source_line, column) + "\n";
    }
    if (!d.hint.empty()) out += "hint: " + shortened(d.hint, longest_message) + "\n";
    return out;
}

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    // A third of the word's length (at least 2) catches typos without suggesting unrelated names.
    const size_t limit = std::max<size_t>(2, word.size() / 3);
    std::string best;
    size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        // "watching" for "watch" is a likely slip even though many letters differ.
        const bool prefix = std::min(c.size(), word.size()) >= 3 &&
                            (word.compare(0, c.size(), c) == 0 || c.compare(0, word.size(), word) == 0);
        const size_t d = prefix ? 1 : edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string m = closest_match(word, candidates);
    return m.empty() ? std::string{} : "did you mean '" + m + "'?";
}

}  // namespace hwbgen::diag
