// Easy Read rules about words: jargon, figures of speech, Latin shorthand, double negatives
// and text in capitals. Each finds the word, names the rule and says what to write instead.
#include <algorithm>
#include <cctype>

#include "check/detail/easy_read_text.hpp"

namespace hwbgen::check::detail {

namespace {

bool normal_space(const std::string& gap) {
    return !gap.empty() && std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '-'; });
}

std::vector<model::PlainWord> joined(const std::vector<model::PlainWord>& own,
                                     const std::vector<model::PlainWord>& shared) {
    std::vector<model::PlainWord> out = own;
    out.insert(out.end(), shared.begin(), shared.end());
    return out;
}

std::vector<std::string> accepted_words(const model::Place& place, const model::EasyReadWords& shared) {
    std::vector<std::string> out = place.easy_read_words.accepted;
    out.insert(out.end(), shared.accepted.begin(), shared.accepted.end());
    // A glossary word is explained in the word list, or reported by the hard-word rule.
    for (const auto& g : place.glossary) out.push_back(g.term);
    return out;
}

std::string quoted_span(const PointText& t, size_t first, size_t last) {
    const size_t end = t.words[last].at + t.words[last].text.size();
    return t.raw.substr(t.words[first].at, end - t.words[first].at);
}

bool capitalised(const Word& w) { return std::isupper(static_cast<unsigned char>(w.text[0])) != 0; }

// "Integrated Care Board": words inside a name are the name, not the writer's jargon.
bool in_proper_name(const PointText& t, size_t first, size_t last) {
    for (size_t k = first; k <= last; ++k)
        if (!capitalised(t.words[k])) return false;
    const bool before = first > 0 && capitalised(t.words[first - 1]) && normal_space(t.gap(first - 1));
    const bool after = last + 1 < t.words.size() && capitalised(t.words[last + 1]) && normal_space(t.gap(last));
    return before || after;
}

}  // namespace

WordRules::WordRules(const model::Place& p, const model::EasyReadWords& shared)
    : place(p), jargon_words(joined(p.easy_read_words.jargon, shared.jargon)),
      idiom_words(joined(p.easy_read_words.idioms, shared.idioms)), accepted(accepted_words(p, shared)),
      jargon(jargon_words, accepted), idioms(idiom_words, accepted) {
    for (const auto& g : p.glossary) abbreviations.push_back(g.term);
    abbreviations.insert(abbreviations.end(), shared.abbreviations.begin(), shared.abbreviations.end());
    negative_words = shared.negative_words;
}

void note_explained_words(const PointText& t, std::set<std::string>& explained) {
    for (const auto& w : t.words)
        if (t.in_bold(w.at))
            for (const auto& form : word_forms(w.lower)) explained.insert(form);
}

void find_jargon(const PointText& t, const WordRules& r, const std::set<std::string>& explained,
                 std::vector<Finding>& out) {
    for (const auto& m : r.jargon.find(t)) {
        bool known = true;
        for (size_t k = m.first; k <= m.last; ++k) known = known && explained.count(t.words[k].lower) > 0;
        if (known || in_proper_name(t, m.first, m.last)) continue;
        out.push_back({"jargon", t.words[m.first].at, "hard word '" + quoted_span(t, m.first, m.last) + "'",
                       "write '" + m.entry->instead + "' instead, or explain the word in the glossary (easy_read:)"});
    }
}

void find_idioms(const PointText& t, const WordRules& r, std::vector<Finding>& out) {
    for (const auto& m : r.idioms.find(t))
        out.push_back({"idiom", t.words[m.first].at, "figure of speech '" + quoted_span(t, m.first, m.last) + "'",
                       "say what you mean: '" + m.entry->instead + "'"});
}

// "e.g.", "i.e." and "etc." in any of their usual spellings.
void find_latin_abbreviations(const PointText& t, std::vector<Finding>& out) {
    const auto& w = t.words;
    for (size_t i = 0; i < w.size(); ++i) {
        std::string found, hint;
        const bool dotted_pair = i + 1 < w.size() && w[i].lower.size() == 1 && t.gap(i) == "." &&
                                 w[i + 1].lower.size() == 1;
        if (w[i].lower == "etc") {
            found = w[i].text + (t.masked.compare(w[i].at + 3, 1, ".") == 0 ? "." : "");
            hint = "name each thing, or say 'and other things'";
        } else if ((dotted_pair && w[i].lower == "e" && w[i + 1].lower == "g") || w[i].lower == "eg") {
            found = dotted_pair ? quoted_span(t, i, i + 1) + "." : w[i].text;
            hint = "write 'for example'";
        } else if ((dotted_pair && w[i].lower == "i" && w[i + 1].lower == "e") || w[i].lower == "ie") {
            found = dotted_pair ? quoted_span(t, i, i + 1) + "." : w[i].text;
            hint = "write 'this means', or say it another way";
        }
        if (found.empty()) continue;
        if (found.back() == '.' && t.raw.compare(w[i].at, found.size(), found) != 0) found.pop_back();
        out.push_back({"latin-abbreviation", w[i].at, "'" + found + "' is hard to read", hint});
    }
}

namespace {

bool is_negator(const std::string& w) {
    return w == "not" || w == "never" || w == "no" || w == "cannot" || w == "nor" ||
           (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0);
}

// Words that may stand between "not" and the word it turns round: "not very unusual".
bool is_filler(const std::string& w) {
    static const std::vector<std::string> fillers = {"very",   "so",      "too",    "that", "be",       "been",
                                                     "being",  "is",      "are",    "was",  "were",     "an",
                                                     "a",      "the",     "all",    "at",   "entirely", "completely",
                                                     "really", "totally", "always", "quite"};
    return std::find(fillers.begin(), fillers.end(), w) != fillers.end();
}

// "unusual" -> "usual": the positive way to say "not unusual".
std::string positive_of(const std::string& w) {
    static const std::vector<std::pair<std::string, std::string>> words = {
        {"nothing", "anything"}, {"nobody", "anybody"}, {"none", "any"},   {"nowhere", "anywhere"},
        {"never", "ever"},       {"without", "with"},   {"unlike", "like"}};
    for (const auto& [negative, positive] : words)
        if (w == negative) return positive;
    for (const char* prefix : {"un", "dis", "im", "in", "ir", "il"})
        if (w.rfind(prefix, 0) == 0) return w.substr(std::string(prefix).size());
    return w;
}

bool is_negative_word(const std::string& w, const std::vector<std::string>& list) {
    for (const auto& n : list)
        for (const auto& f : word_forms(n))
            if (f == w) return true;
    return false;
}

}  // namespace

void find_double_negatives(const PointText& t, const WordRules& r, std::vector<Finding>& out) {
    const auto& w = t.words;
    const auto negative = [&](size_t k) { return k < w.size() && is_negative_word(w[k].lower, r.negative_words); };
    // "nothing", "nobody", "never" ...: the negatives that may follow a verb ("don't know nothing").
    const auto pronoun = [&](size_t k) {
        return negative(k) && w[k].lower.rfind("un", 0) != 0 && positive_of(w[k].lower) != w[k].lower;
    };
    for (size_t i = 0; i < w.size(); ++i) {
        if (!is_negator(w[i].lower)) continue;
        size_t k = i + 1;
        while (k < w.size() && k <= i + 3 && is_filler(w[k].lower)) ++k;  // "not very unusual"
        if (!negative(k)) k = pronoun(i + 2) ? i + 2 : w.size();
        if (k >= w.size()) continue;
        const std::string phrase = quoted_span(t, i, k);
        out.push_back({"double-negative", w[i].at, "double negative '" + phrase + "'",
                       "say it the positive way: '" + positive_of(w[k].lower) + "' instead of '" + phrase + "'"});
        i = k;
    }
}

namespace {

// A word written in capitals: "NHS", "GPs", "A&E", "FREE".
struct CapitalsWord {
    size_t first, last;  ///< word indexes ("A&E" is two words joined by '&')
    std::string text;
    bool known;      ///< a glossary term or a known abbreviation
    bool word_like;  ///< reads as an ordinary word shouted: enough vowels to say it
};

bool all_capitals(const std::string& w) {
    size_t upper = 0;
    for (size_t i = 0; i < w.size(); ++i) {
        const auto c = static_cast<unsigned char>(w[i]);
        if (std::isupper(c))
            ++upper;
        else if (std::islower(c) && !(c == 's' && i + 1 == w.size()) && !(c == 's' && i >= 1 && w[i - 1] == '\''))
            return false;
    }
    return upper >= 2 || (upper == 1 && w.size() == 1);
}

bool is_known(const std::string& text, const std::vector<std::string>& known) {
    std::string bare = text;
    if (bare.size() > 2 && bare.compare(bare.size() - 2, 2, "'s") == 0)
        bare.resize(bare.size() - 2);
    else if (bare.size() > 2 && bare.back() == 's')
        bare.pop_back();
    return std::find(known.begin(), known.end(), text) != known.end() ||
           std::find(known.begin(), known.end(), bare) != known.end();
}

bool word_like(const std::string& text) {
    size_t letters = 0, vowels = 0;
    for (const char c : text) {
        letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
        vowels += std::string("AEIOUY").find(c) != std::string::npos ? 1 : 0;
    }
    return letters >= 4 && vowels * 4 >= letters;
}

std::vector<CapitalsWord> capitals_words(const PointText& t, const std::vector<std::string>& known) {
    std::vector<CapitalsWord> out;
    const auto& w = t.words;
    for (size_t i = 0; i < w.size(); ++i) {
        if (!all_capitals(w[i].text)) continue;
        size_t last = i;
        while (last + 1 < w.size() && t.gap(last) == "&" && all_capitals(w[last + 1].text)) ++last;
        const std::string text = quoted_span(t, i, last);
        if (text.size() >= 2 && (last > i || w[i].text.size() >= 2))
            out.push_back(
                {i, last, text, is_known(text, known), last == i && word_like(text) && !is_known(text, known)});
        i = last;
    }
    return out;
}

std::string in_small_letters(const PointText& t, const std::vector<CapitalsWord>& run) {
    std::string out;
    for (size_t k = 0; k < run.size(); ++k) {
        std::string word = run[k].text;
        if (!run[k].known)
            for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out += (k ? t.gap(run[k - 1].last) : "") + word;
    }
    size_t before = t.words[run[0].first].at;
    while (before > 0 && std::isspace(static_cast<unsigned char>(t.masked[before - 1]))) --before;
    if ((before == 0 || std::string(".!?").find(t.masked[before - 1]) != std::string::npos) && !run[0].known)
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

void report_abbreviation(const PointText& t, const CapitalsWord& c, const WordRules& r, std::vector<Finding>& out) {
    std::string hint = "write it out in full";
    for (const auto& g : r.place.glossary)
        if (g.term == c.text && !g.meaning.empty()) hint = "write '" + g.meaning + "' instead";
    out.push_back({"abbreviation", t.words[c.first].at, "abbreviation '" + c.text + "'", hint});
}

}  // namespace

// Capitals are for abbreviations the reader must be told in full; a run of shouted words is
// text in capitals, which is harder to read than small letters.
void find_capitals(const PointText& t, const WordRules& r, std::vector<Finding>& out) {
    const auto words = capitals_words(t, r.abbreviations);
    for (size_t i = 0; i < words.size();) {
        size_t end = i + 1;
        while (end < words.size() && words[end].first == words[end - 1].last + 1) {
            const std::string gap = t.gap(words[end - 1].last);
            if (gap.find_first_not_of(" ,-") != std::string::npos) break;
            ++end;
        }
        const std::vector<CapitalsWord> run(words.begin() + static_cast<long>(i),
                                            words.begin() + static_cast<long>(end));
        size_t shouted = 0, unknown = 0;
        for (const auto& c : run) {
            shouted += c.word_like ? 1 : 0;
            unknown += c.known ? 0 : 1;
        }
        if (shouted > 0 || (run.size() >= 3 && unknown >= 2)) {
            const std::string text = quoted_span(t, run.front().first, run.back().last);
            out.push_back({"capitals", t.words[run.front().first].at,
                           std::string(run.size() > 1 ? "text" : "word") + " in capitals '" + text + "'",
                           "write '" + in_small_letters(t, run) + "'; use bold to make a word stand out"});
        } else {
            for (const auto& c : run) report_abbreviation(t, c, r, out);
        }
        i = end;
    }
}

}  // namespace hwbgen::check::detail
