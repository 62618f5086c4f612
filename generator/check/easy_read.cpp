#include "check/easy_read.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "check/detail/easy_read_text.hpp"
#include "load/easy_read.hpp"

namespace hwbgen::check {

const std::vector<std::string>& easy_read_rule_names() {
    static const std::vector<std::string> names = {"sentence-length", "one-idea",        "hard-word",
                                                   "jargon",          "idiom",           "abbreviation",
                                                   "capitals",        "percentage",      "number-words",
                                                   "big-number",      "date-figures",    "latin-abbreviation",
                                                   "brackets",        "symbol",          "double-negative",
                                                   "passive-voice",   "document-length", "picture"};
    return names;
}

std::string out_of(double numerator, double denominator) {
    // Out of 10 reads most easily; out of 100 keeps small shares from rounding to nothing.
    if (denominator <= 10 && std::fabs(numerator - std::round(numerator)) < 1e-9)
        return std::to_string(static_cast<int>(numerator)) + " out of " + std::to_string(static_cast<int>(denominator));
    const double share = numerator / denominator;
    const double tens = std::round(share * 10);
    if (tens >= 1 && std::fabs(tens / 10 - share) < 0.05 - 1e-9)
        return std::to_string(static_cast<int>(tens)) + " out of 10";
    return std::to_string(static_cast<int>(std::round(share * 100))) + " out of 100";
}

namespace {

struct Rules {
    std::map<std::string, std::string> level;  // rule -> error | warning | off
    explicit Rules(const model::Place& place) {
        for (const auto& name : easy_read_rule_names()) level[name] = "error";
        // The guidance asks for these where it can ("try to"), so by default they only warn.
        level["passive-voice"] = "warning";
        level["big-number"] = "warning";
        for (const auto& [name, value] : place.easy_read_rules) level[name] = value;
    }
};

class PointChecker {
public:
    PointChecker(const model::Place& place, const model::EasyReadResources& resources, const Rules& rules,
                 diag::Diagnostics& diags)
        : place_(place), rules_(rules), diags_(diags), words_(place, resources.words) {
        // Glossary words without an Easy Read meaning are the hard words a reader cannot look up.
        for (const auto& g : place.glossary)
            if (g.easy_read.empty() && g.term.size() >= 3) hard_words_.emplace_back(g.term, lower(g.term));
    }

    void check(const model::EasyReadPoint& p) {
        const std::string text = plain(p.text);
        sentence_length(p, text);
        one_idea(p, text);
        hard_words(p, text);
        const detail::PointText point(p.text);
        std::vector<detail::Finding> found;
        detail::find_capitals(point, words_, found);
        detail::note_explained_words(point, explained_);
        detail::find_jargon(point, words_, explained_, found);
        detail::find_idioms(point, words_, found);
        detail::find_latin_abbreviations(point, found);
        detail::find_double_negatives(point, words_, found);
        const auto dates = detail::find_dates(point, found);
        detail::find_big_numbers(point, dates, found);
        detail::find_brackets(point, found);
        detail::find_symbols(point, found);
        for (const auto& f : found) report(f.rule, at(p, f.at), f.message, f.hint);
        percentages(p, dates);
        number_words(p);
        passive_voice(p);
    }

    void report(const std::string& rule, diag::SourcePos pos, const std::string& message, const std::string& hint,
                bool warning_only = false) {
        const std::string& level = rules_.level.at(rule);
        if (level == "off") return;
        const auto severity = warning_only || level == "warning" ? diag::Severity::warning : diag::Severity::error;
        diags_.add({severity, std::move(pos), message + " [easy-read:" + rule + "]", hint});
    }

private:
    static std::string plain(const std::string& text) {
        std::string out;
        for (size_t i = 0; i < text.size(); ++i) {
            if ((text[i] == '*' || text[i] == '_') && i + 1 < text.size() && text[i + 1] == text[i]) {
                ++i;
                continue;
            }
            out += text[i];
        }
        return out;
    }

    static std::string lower(std::string text) {
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    }

    // The rules below are regular expressions; most points cannot match them, and a plain
    // search that says so first keeps checking fast on national-scale content.
    static bool is_word(const std::string& text, size_t i) {  // what a regex's \b calls a word
        return i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_');
    }

    // Whether `word` occurs in `text` between word boundaries, as "\bword\b" would find it.
    static bool contains_word(const std::string& text, const std::string& word) {
        for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
            const bool starts = (at > 0 && is_word(text, at - 1)) != is_word(word, 0);
            const bool ends = is_word(word, word.size() - 1) != is_word(text, at + word.size());
            if (starts && ends) return true;
        }
        return false;
    }

    struct Token {
        size_t at;
        std::string text;
    };

    // The runs of word characters in `text`: the words a "\b...\b" pattern can match.
    static std::vector<Token> tokens(const std::string& text) {
        std::vector<Token> out;
        for (size_t i = 0; i < text.size();) {
            if (!is_word(text, i)) {
                ++i;
                continue;
            }
            size_t end = i;
            while (is_word(text, end)) ++end;
            out.push_back({i, text.substr(i, end - i)});
            i = end;
        }
        return out;
    }

    static bool has_any(const std::string& text, const char* chars) {
        return text.find_first_of(chars) != std::string::npos;
    }

    static diag::SourcePos at(const model::EasyReadPoint& p, size_t offset) {
        diag::SourcePos pos = p.pos;
        if (pos.line > 0 && p.text.find('\n') == std::string::npos)
            pos.column += static_cast<int>(offset) + (p.quoted ? 1 : 0);
        return pos;
    }

    static size_t word_count(const std::string& text) {
        size_t n = 0;
        bool in_word = false;
        for (const char c : text) {
            const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
            n += !space && !in_word;
            in_word = !space;
        }
        return n;
    }

    void sentence_length(const model::EasyReadPoint& p, const std::string& text) {
        const size_t n = word_count(text);
        if (n > 15)
            report("sentence-length", p.pos, "sentence has " + std::to_string(n) + " words, more than 15",
                   "split it into two points, one idea each");
        else if (n > 10)
            report("sentence-length", p.pos, "sentence has " + std::to_string(n) + " words; aim for 10 or fewer",
                   "use fewer, shorter words, or split it", true);
    }

    void one_idea(const model::EasyReadPoint& p, const std::string& text) {
        static const std::regex boundary(R"([.!?]["')]?\s+[A-Z0-9])");
        if (!has_any(text, ".!?")) return;
        for (std::sregex_iterator it(text.begin(), text.end(), boundary), end; it != end; ++it) {
            // "e.g. Apples" and "etc. We" end no sentence: the latin-abbreviation rule has them.
            const std::string before = lower(text.substr(0, static_cast<size_t>(it->position(0)) + 1));
            if (std::regex_search(before, std::regex(R"(\b(e\.g|i\.e|etc|eg|ie)\.$)"))) continue;
            report("one-idea", at(p, static_cast<size_t>(it->position(0))), "more than one sentence in a point",
                   "give each sentence its own point and picture");
            return;
        }
    }

    void hard_words(const model::EasyReadPoint& p, const std::string& text) {
        const std::string low = lower(text);
        for (const auto& [term, word] : hard_words_)
            if (contains_word(low, word))
                report("hard-word", p.pos, "hard word '" + term + "' has no Easy Read meaning",
                       "add 'easy_read:' to its entry in the glossary, or use a simpler word");
    }

    // A fraction is a share of a whole: "3/4", not "24/7" (an idiom) or part of a date.
    static bool is_share(const std::smatch& m, const std::string& text, const std::vector<detail::Span>& dates) {
        const auto at = static_cast<size_t>(m.position(0)), end = at + static_cast<size_t>(m.length(0));
        const detail::Span span{at, end};
        for (const auto& d : dates)
            if (d.overlaps(span)) return false;
        if ((at > 0 && (text[at - 1] == '/' || text[at - 1] == '.')) || (end < text.size() && text[end] == '/'))
            return false;
        const double top = std::stod(m[1]), bottom = std::stod(m[2]);
        return bottom > 0 && top <= bottom;
    }

    void percentages(const model::EasyReadPoint& p, const std::vector<detail::Span>& dates) {
        static const std::regex percent(R"((\d+(?:\.\d+)?)\s?(%|per ?cent\b))", std::regex::icase);
        static const std::regex fraction(R"(\b(\d+)/(\d+)\b)");
        static const std::regex words(R"(\b(a half|half of|a third|a quarter|three quarters|two thirds)\b)",
                                      std::regex::icase);
        const std::string low = lower(p.text);
        if (!has_any(low, "%/") && low.find("cent") == std::string::npos && low.find("half") == std::string::npos &&
            low.find("third") == std::string::npos && low.find("quarter") == std::string::npos)
            return;
        for (std::sregex_iterator it(p.text.begin(), p.text.end(), percent), end; it != end; ++it)
            report("percentage", at(p, static_cast<size_t>(it->position(0))), "percentage '" + it->str() + "'",
                   "write '" + out_of(std::stod((*it)[1]), 100) + "' instead");
        for (std::sregex_iterator it(p.text.begin(), p.text.end(), fraction), end; it != end; ++it)
            if (is_share(*it, p.text, dates))
                report("percentage", at(p, static_cast<size_t>(it->position(0))), "fraction '" + it->str() + "'",
                       "write '" + out_of(std::stod((*it)[1]), std::stod((*it)[2])) + "' instead");
        static const std::map<std::string, std::pair<double, double>> shares = {
            {"a half", {1, 2}},    {"half of", {1, 2}},        {"a third", {1, 3}},
            {"a quarter", {1, 4}}, {"three quarters", {3, 4}}, {"two thirds", {2, 3}}};
        for (std::sregex_iterator it(p.text.begin(), p.text.end(), words), end; it != end; ++it) {
            std::string key = it->str();
            for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const auto share = shares.at(key);
            report("percentage", at(p, static_cast<size_t>(it->position(0))), "fraction '" + it->str() + "'",
                   "write '" + out_of(share.first, share.second) + "' instead");
        }
    }

    void number_words(const model::EasyReadPoint& p) {
        static const std::map<std::string, std::string> digits = {
            {"one", "1"},     {"two", "2"},       {"three", "3"},        {"four", "4"},           {"five", "5"},
            {"six", "6"},     {"seven", "7"},     {"eight", "8"},        {"nine", "9"},           {"ten", "10"},
            {"eleven", "11"}, {"twelve", "12"},   {"twenty", "20"},      {"thirty", "30"},        {"forty", "40"},
            {"fifty", "50"},  {"hundred", "100"}, {"thousand", "1,000"}, {"million", "1,000,000"}};
        const auto words = tokens(p.text);
        for (size_t i = 0; i < words.size(); ++i) {
            const auto& t = words[i];
            const auto digit = digits.find(lower(t.text));
            // "2.5 million", "3 thousand": a figure with its size said in words reads well.
            const bool after_figure = i > 0 && std::isdigit(static_cast<unsigned char>(words[i - 1].text.back())) &&
                                      (digit != digits.end() && digit->second.size() > 3);
            if (digit != digits.end() && !after_figure)
                report("number-words", at(p, t.at), "number written as a word '" + t.text + "'",
                       "write '" + digit->second + "' instead");
        }
    }

    // "is|are|was|were|be|been|being", then whitespace, then a past participle.
    void passive_voice(const model::EasyReadPoint& p) {
        static const std::set<std::string> auxiliaries = {"is", "are", "was", "were", "be", "been", "being"};
        static const std::set<std::string> participles = {"done",  "given", "made", "seen", "known", "taken",
                                                          "shown", "told",  "paid", "kept", "found", "held"};
        const auto words = tokens(p.text);
        for (size_t i = 0; i + 1 < words.size(); ++i) {
            const auto& [at1, first] = words[i];
            const auto& [at2, second] = words[i + 1];
            const size_t gap_start = at1 + first.size();
            bool gap_is_space = at2 > gap_start;
            for (size_t k = gap_start; k < at2; ++k)
                gap_is_space = gap_is_space && std::isspace(static_cast<unsigned char>(p.text[k]));
            const std::string verb = lower(second);
            const bool participle = participles.count(verb) ||
                                    (verb.size() > 2 && verb.compare(verb.size() - 2, 2, "ed") == 0);
            if (gap_is_space && auxiliaries.count(lower(first)) && participle) {
                report("passive-voice", at(p, at1),
                       "passive voice '" + p.text.substr(at1, at2 + second.size() - at1) + "'",
                       "say who does it: 'We will help you', not 'You will be helped'");
                return;
            }
        }
    }

    const model::Place& place_;
    const Rules& rules_;
    diag::Diagnostics& diags_;
    detail::WordRules words_;
    std::set<std::string> explained_;                              // words in bold so far: the writer explains them
    std::vector<std::pair<std::string, std::string>> hard_words_;  // term, in lower case
};

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// "'heart'", or "'heart', 'hearing-aid' or 'hat'": the few names closest to a misspelt one.
std::string nearest_names(const std::string& word, const std::vector<std::string>& names, size_t most) {
    std::vector<std::pair<size_t, std::string>> scored;
    const size_t limit = std::max<size_t>(2, word.size() / 3);
    for (const auto& n : names) {
        const bool part = word.size() >= 3 && (n.find(word) != std::string::npos || word.find(n) != std::string::npos);
        const size_t d = part ? 1 : edit_distance(word, n);
        if (d <= limit) scored.emplace_back(d, n);
    }
    std::sort(scored.begin(), scored.end());
    scored.erase(std::unique(scored.begin(), scored.end(),
                             [](const auto& a, const auto& b) { return a.second == b.second; }),
                 scored.end());
    std::string out;
    for (size_t i = 0; i < scored.size() && i < most; ++i)
        out += (i == 0 ? "" : i + 1 == std::min(most, scored.size()) ? " or " : ", ") + ("'" + scored[i].second + "'");
    return out;
}

std::vector<const model::EasyReadPoint*> all_points(const model::Place& place) {
    std::vector<const model::EasyReadPoint*> out;
    for (const auto* block :
         {&place.easy_read.intro, &place.easy_read.vision, &place.easy_read.how_we_will_know, &place.easy_read.contact})
        for (const auto& p : *block) out.push_back(&p);
    for (const auto& s : place.sections)
        for (const auto& p : s.easy_read) out.push_back(&p);
    return out;
}

void check_pictures(const std::vector<const model::EasyReadPoint*>& points, const model::Place& place,
                    const model::EasyReadResources& resources, const load::ContentTree& tree, PointChecker& checker) {
    const auto own = load::place_pictures(tree, place.id);
    std::vector<std::string> names;
    for (const auto* list : {&own, &resources.pictures})
        for (const auto& picture : *list) names.push_back(picture.name);
    for (const auto* p : points) {
        if (p->picture.empty()) continue;
        const model::Picture* picture = load::find_picture(own, resources, p->picture);
        if (!picture) {
            const auto near = nearest_names(p->picture, names, 3);
            checker.report("picture", p->picture_pos, "no picture called '" + p->picture + "'",
                           near.empty() ? "see the picture gallery (easy-read-pictures/ in the built site) for every "
                                          "name, or add content/" +
                                              place.id + "/templates/assets/pictures/" + p->picture + ".svg"
                                        : "did you mean " + near + "?");
        } else if (picture->set >= 0 && !tree.exists(picture->file)) {
            const auto& set = resources.sets[static_cast<size_t>(picture->set)];
            checker.report("picture", p->picture_pos,
                           "picture '" + p->picture + "' is from " + set.name + ", which is not installed",
                           set.install_hint.empty() ? "install " + set.name : set.install_hint);
        }
    }
}

// Easy Read guidance: a document people will read is 24 printed pages at most. A page holds
// about 6 points with their pictures; the word list takes about 8 words a page.
void check_length(const std::vector<const model::EasyReadPoint*>& points, const model::Place& place,
                  PointChecker& checker) {
    size_t words = 0;
    for (const auto& g : place.glossary) words += g.easy_read.empty() ? 0 : 1;
    const size_t pages = 1 + (points.size() + 5) / 6 + (words + 7) / 8;
    if (pages > 24)
        checker.report("document-length", place.pos,
                       "the Easy Read version would print on about " + std::to_string(pages) + " pages, more than 24",
                       "keep the points people need most, or make a separate document for each section");
}

}  // namespace

void check_easy_read(const model::Place& place, const model::EasyReadResources& resources,
                     const load::ContentTree& tree, diag::Diagnostics& diags) {
    const Rules rules(place);
    for (const auto& [name, level] : place.easy_read_rules)
        if (std::find(easy_read_rule_names().begin(), easy_read_rule_names().end(), name) ==
            easy_read_rule_names().end())
            diags.error(place.easy_read_rules_pos, "unknown Easy Read rule '" + name + "'",
                        diag::did_you_mean(name, easy_read_rule_names()));
    PointChecker checker(place, resources, rules, diags);
    const auto points = all_points(place);
    for (const auto* p : points) checker.check(*p);
    check_pictures(points, place, resources, tree, checker);
    if (!points.empty()) check_length(points, place, checker);
}

}  // namespace hwbgen::check
