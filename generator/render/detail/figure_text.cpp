#include "render/detail/figure_text.hpp"

#include <cctype>

#include "render/detail/views.hpp"

namespace hwbgen::render::detail {

namespace {

const char* const small[] = {"zero",     "one",     "two",     "three",     "four",     "five",    "six",
                             "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
                             "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
const char* const tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

std::string below_thousand(int n) {
    std::string out;
    if (n >= 100) {
        out = std::string(small[n / 100]) + " hundred";
        n %= 100;
        if (n == 0) return out;
        out += " and ";
    }
    if (n < 20) return out + small[n];
    return out + tens[n / 10] + (n % 10 ? std::string("-") + small[n % 10] : "");
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_wrapping(char c) { return is_blank(c) || c == '*' || c == '_' || c == '"' || c == '\''; }

// Strips a list marker, heading or quote marker from the start of a line; true if there was one.
bool strip_block_marker(std::string_view& line) {
    size_t i = 0;
    while (i < line.size() && is_blank(line[i])) ++i;
    size_t j = i;
    if (j < line.size() && (line[j] == '-' || line[j] == '+' || line[j] == '*' || line[j] == '>' || line[j] == '#')) {
        while (j < line.size() && (line[j] == '#' || line[j] == '>')) ++j;
        if (j == i) ++j;
    } else {
        while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
        if (j == i || j >= line.size() || (line[j] != '.' && line[j] != ')')) return false;
        ++j;
    }
    if (j < line.size() && !is_blank(line[j])) return false;
    line.remove_prefix(j);
    return true;
}

// Markdown would read some characters of a value as markup: escape them.
std::string markdown_text(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];  // a value never breaks the line
        const bool leading = i == 0 && (c == '-' || c == '+' || c == '#');
        if (leading || std::string_view("\\`*_[]<>|~&!").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text;
}

// Fingertips' verdict as words that fit a sentence. Its published column may add a level
// ("Better 95%"), so only the first word decides.
std::string comparison_phrase(const std::string& verdict) {
    const std::string word = verdict.substr(0, verdict.find(' '));
    if (word == "Better" || word == "Worse" || word == "Higher" || word == "Lower")
        return std::string(1, char(std::tolower(static_cast<unsigned char>(word[0])))) + word.substr(1) +
               " than England";
    if (word == "Similar") return "similar to England";
    return "not compared with England";
}

std::string presented(const derive::FigureValue& v, const model::FigureRef& ref, bool sentence_start) {
    using K = derive::FigureValue::Kind;
    std::string text;
    if (v.kind == K::count && v.count == 0 && (sentence_start || ref.has_forms)) {
        // "No commitments are red", "None are red": a spelled-out zero reads wrongly.
        text = ref.has_forms ? "no " + ref.plural : "none";
    } else if (v.kind == K::count) {
        text = sentence_start || v.count == 1 ? number_in_words(v.count) : number_in_digits(v.count);
        if (ref.has_forms) text += " " + (v.count == 1 ? ref.singular : ref.plural);
    } else if (v.kind == K::date) {
        text = long_date(v.text);
    } else if (v.kind == K::comparison) {
        text = comparison_phrase(v.text);
    } else {
        text = v.text;
    }
    return markdown_text(sentence_start ? capitalised(text) : text);
}

}  // namespace

std::string number_in_words(int n) {
    if (n < 0 || n >= 1000000) return number_in_digits(n);
    if (n < 1000) return below_thousand(n);
    const int rest = n % 1000;
    std::string out = below_thousand(n / 1000) + " thousand";
    if (rest == 0) return out;
    return out + (rest < 100 ? " and " : " ") + below_thousand(rest);
}

std::string number_in_digits(int n) {
    std::string digits = std::to_string(n < 0 ? -static_cast<long>(n) : n);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(size_t(i), ",");
    return (n < 0 ? "-" : "") + digits;
}

bool starts_sentence(std::string_view text, size_t at) {
    size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = line_start == std::string_view::npos || at == 0 ? 0 : line_start + 1;
    std::string_view before = text.substr(line_start, at - line_start);
    const bool marker = strip_block_marker(before);
    while (!before.empty() && is_wrapping(before.back())) before.remove_suffix(1);
    if (!before.empty()) return std::string_view(".!?").find(before.back()) != std::string_view::npos;
    if (marker || line_start == 0) return true;
    // The line starts with the figure: a blank line before it starts a paragraph; otherwise the
    // sentence runs on from the line before.
    size_t prev = line_start - 1;
    while (prev > 0 && is_wrapping(text[prev - 1])) --prev;
    if (prev == 0 || text[prev - 1] == '\n') return true;
    return starts_sentence(text, prev);
}

std::string with_figures(const std::string& markdown, const derive::CycleFigures* figures) {
    if (!figures || markdown.find("((") == std::string::npos) return markdown;
    std::string out;
    size_t done = 0;
    for (const auto& ref : model::find_figures(markdown)) {
        out.append(markdown, done, ref.begin - done);
        done = ref.end;
        if (!ref.problem.empty()) {  // check reported it; shown as written
            out.append(markdown, ref.begin, ref.end - ref.begin);
            continue;
        }
        const auto value = figures->value(ref);
        out += value ? presented(*value, ref, starts_sentence(markdown, ref.begin)) : std::string("(not available)");
    }
    return out + markdown.substr(done);
}

}  // namespace hwbgen::render::detail
