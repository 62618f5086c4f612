#include "model/figures.hpp"

#include <algorithm>

namespace hwbgen::model {

namespace {

using T = FigureTarget;

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
// A figure may wrap onto the next line of a YAML block, as prose does.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// How far a figure may run: long enough for any name and its words, short enough that text
// full of "((" costs little.
constexpr size_t longest_figure = 240;

void skip_spaces(std::string_view s, size_t& i) {
    while (i < s.size() && is_space(s[i])) ++i;
}

std::string read_word(std::string_view s, size_t& i) {
    const size_t from = i;
    while (i < s.size() && is_name_char(s[i])) ++i;
    return std::string(s.substr(from, i - from));
}

// Words with each run of spaces and line breaks made one space.
std::string trimmed(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (!is_space(c))
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// "commitment is/commitments are": exactly one slash, text on both sides.
void read_forms(std::string_view forms, FigureRef& ref) {
    ref.has_forms = true;
    const size_t slash = forms.find('/');
    if (slash == std::string_view::npos || forms.find('/', slash + 1) != std::string_view::npos) {
        ref.problem = "the words after ':' must be the singular and the plural, split by one '/'";
        return;
    }
    ref.singular = trimmed(forms.substr(0, slash));
    ref.plural = trimmed(forms.substr(slash + 1));
    if (ref.singular.empty() || ref.plural.empty()) ref.problem = "the singular or the plural after ':' is empty";
}

// The inside of "((...))": name, then "in ID" or "of ID", then ": singular/plural".
void read_inside(std::string_view inside, size_t base, FigureRef& ref) {
    size_t i = 0;
    skip_spaces(inside, i);
    ref.name_offset = base + i;
    ref.name = read_word(inside, i);
    skip_spaces(inside, i);
    const size_t word_at = i;
    const std::string word = read_word(inside, i);
    if (word == "in" || word == "of") {
        ref.preposition = word;
        skip_spaces(inside, i);
        ref.target = read_word(inside, i);
        if (ref.target.empty()) ref.problem = "'" + word + "' must be followed by an id";
        skip_spaces(inside, i);
    } else {
        i = word_at;
    }
    if (i < inside.size() && inside[i] == ':') {
        read_forms(inside.substr(i + 1), ref);
        return;
    }
    if (i < inside.size() && ref.problem.empty())
        ref.problem = "unexpected '" + std::string(inside.substr(i)) + "' after the name";
}

}  // namespace

const std::vector<FigureName>& figure_names() {
    static const std::vector<FigureName> names = {
        {"red", T::group, true, false, "commitments and projects rated red"},
        {"amber", T::group, true, false, "rated amber"},
        {"green", T::group, true, false, "rated green"},
        {"complete", T::group, true, false, "rated complete"},
        {"not-started", T::group, true, false, "rated not started"},
        {"reported", T::group, true, false, "commitments and projects with an update in this cycle"},
        {"escalations", T::group, true, false, "points for escalation to the board"},
        {"completed", T::none, true, false, "completed since the previous cycle"},
        {"moved-up", T::none, true, false, "rating better than in the previous cycle (completion included)"},
        {"moved-down", T::none, true, false, "rating worse than in the previous cycle"},
        {"new", T::none, true, false, "reported for the first time"},
        {"not-reported", T::none, true, false, "reported in the previous cycle, not in this one"},
        {"significant-changes", T::none, true, false, "indicators that changed significantly"},
        {"improved", T::none, true, false, "indicators that changed significantly for the better"},
        {"worsened", T::none, true, false, "indicators that changed significantly for the worse"},
        {"year-meetings", T::none, true, true, "meetings in the year (since the last annual cycle)"},
        {"year-completed", T::none, true, true, "commitments and projects completed in the year"},
        {"year-moved-up", T::none, true, true, "ratings that went up in the year"},
        {"year-moved-down", T::none, true, true, "ratings that went down in the year"},
        {"year-new", T::none, true, true, "reported for the first time in the year"},
        {"year-escalations", T::none, true, true, "points for escalation in the year"},
        {"meeting", T::none, false, false, "the meeting's name"},
        {"date", T::none, false, false, "the meeting's date, as 7 December 2023"},
        {"period", T::none, false, false, "the period the updates cover"},
        {"previous-date", T::none, false, false, "the previous meeting's date"},
        {"value", T::indicator, false, false, "an indicator's latest value"},
        {"unit", T::indicator, false, false, "an indicator's unit"},
        {"period", T::indicator, false, false, "the period of an indicator's latest value"},
        {"england", T::indicator, false, false, "England's value for the same period"},
        {"compared", T::indicator, false, false, "the comparison with England, as 'better than England'"},
    };
    return names;
}

const FigureName* find_figure_name(std::string_view name, std::string_view preposition) {
    const FigureName* found = nullptr;
    for (const auto& n : figure_names()) {
        if (name != n.name) continue;
        if ((preposition == "of") == (n.target == T::indicator)) return &n;
        if (!found) found = &n;
    }
    return found;
}

std::vector<std::string> figure_name_list() {
    std::vector<std::string> out;
    for (const auto& n : figure_names())
        if (std::find(out.begin(), out.end(), n.name) == out.end()) out.push_back(n.name);
    return out;
}

std::vector<FigureRef> find_figures(std::string_view text) {
    std::vector<FigureRef> out;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == '\\' && text[i + 1] == '(') {
            while (i + 1 < text.size() && text[i + 1] == '(') ++i;  // an escaped run stays text
            continue;
        }
        if (text[i] != '(' || text[i + 1] != '(') continue;
        size_t start = i + 2;
        while (start < text.size() && text[start] == '(') ++start;  // "(((red))" is "(" then a figure
        size_t j = start;
        skip_spaces(text, j);
        if (j >= text.size() || text[j] < 'a' || text[j] > 'z') continue;
        const std::string_view window = text.substr(0, std::min(text.size(), j + longest_figure));
        const size_t close = window.find("))", j);
        const size_t blank_line = window.find("\n\n", j);
        FigureRef ref;
        ref.begin = start - 2;
        if (close == std::string_view::npos || (blank_line != std::string_view::npos && blank_line < close)) {
            ref.end = j;
            ref.name_offset = j;
            size_t k = j;
            ref.name = read_word(text, k);
            ref.problem = "'((' is not closed by '))'";
            i = j - 1;
            out.push_back(std::move(ref));
            continue;
        }
        ref.end = close + 2;
        read_inside(text.substr(start, close - start), start, ref);
        i = ref.end - 1;
        out.push_back(std::move(ref));
    }
    return out;
}

}  // namespace hwbgen::model
