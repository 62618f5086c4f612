#pragma once
// The text of one Easy Read point, prepared once for the rules that look at its words, numbers
// and symbols, and what those rules find. Offsets are into the point's text as written.
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/easy_read.hpp"
#include "model/strategy.hpp"

namespace hwbgen::check::detail {

struct Finding {
    std::string rule;  ///< e.g. "jargon"
    size_t at = 0;     ///< offset of the offending word in the point's text
    std::string message;
    std::string hint;
};

struct Span {
    size_t begin = 0, end = 0;
    bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
};

/// A word of the text: a run of letters, digits, apostrophes and non-ASCII letters.
struct Word {
    size_t at = 0;
    std::string text;   ///< as written
    std::string lower;  ///< in lower case, curly apostrophes made straight
};

/// A point's text with its Markdown markers, link targets, web and email addresses blanked
/// out (same length, so offsets still hold), and split into words.
struct PointText {
    explicit PointText(const std::string& text);
    std::string raw;     ///< as written
    std::string masked;  ///< markers and addresses replaced by spaces
    std::vector<Word> words;
    std::vector<Span> bold;  ///< **strong** spans: hard words the writer explains
    /// The characters between words i and i + 1 (or before word 0 / after the last).
    std::string gap(size_t i) const;
    bool in_bold(size_t at) const;
};

/// A word list made ready for matching phrases and the usual endings of their words.
class PhraseList {
public:
    PhraseList(const std::vector<model::PlainWord>& entries, const std::vector<std::string>& accepted);
    struct Match {
        const model::PlainWord* entry;
        size_t first, last;  ///< word indexes
    };
    /// Longest matches first, never overlapping, in text order.
    std::vector<Match> find(const PointText& text) const;

private:
    struct Phrase {
        const model::PlainWord* entry;
        std::vector<std::vector<std::string>> forms;  ///< per word, its accepted spellings
        std::vector<std::string> gaps;                ///< between words: " " (space or hyphen) or "/"
    };
    std::vector<Phrase> phrases_;                                         ///< most words first
    std::unordered_map<std::string, std::vector<size_t>> by_first_word_;  ///< a spelling -> phrases it starts
};

/// "commissioning" -> {"commissioning", "commissionings", ...}: the spellings a word's usual
/// endings make, so a list need name only one form.
std::vector<std::string> word_forms(const std::string& word);

/// What the rules of easy_read_words.cpp and easy_read_figures.cpp need besides the text.
/// The place's own words come before the shared lists; its accepted words and glossary terms
/// are left out of them.
struct WordRules {
    WordRules(const model::Place& place, const model::EasyReadWords& shared);
    WordRules(const WordRules&) = delete;
    WordRules& operator=(const WordRules&) = delete;

    const model::Place& place;
    std::vector<model::PlainWord> jargon_words, idiom_words;  ///< the lists below point into these
    std::vector<std::string> accepted;
    PhraseList jargon, idioms;
    std::vector<std::string> abbreviations;  ///< known abbreviations, glossary terms first
    std::vector<std::string> negative_words;
};

/// `explained`: words (all their spellings) written in bold in this or an earlier point, which
/// the writer explains there; they are not flagged again.
void find_jargon(const PointText& t, const WordRules& r, const std::set<std::string>& explained,
                 std::vector<Finding>& out);
/// Adds the spellings of the words in bold in `t` to `explained`.
void note_explained_words(const PointText& t, std::set<std::string>& explained);
void find_idioms(const PointText& t, const WordRules& r, std::vector<Finding>& out);
void find_latin_abbreviations(const PointText& t, std::vector<Finding>& out);
void find_double_negatives(const PointText& t, const WordRules& r, std::vector<Finding>& out);
void find_capitals(const PointText& t, const WordRules& r, std::vector<Finding>& out);

/// Dates written in figures; their spans are returned so the fraction and number rules skip them.
std::vector<Span> find_dates(const PointText& t, std::vector<Finding>& out);
void find_big_numbers(const PointText& t, const std::vector<Span>& dates, std::vector<Finding>& out);
void find_brackets(const PointText& t, std::vector<Finding>& out);
void find_symbols(const PointText& t, std::vector<Finding>& out);

/// 2547 -> "2,500", 1234567 -> "1.2 million": a big number said simply.
std::string round_simply(double value);
/// 12, 3, 2024 -> "12 March 2024"; "" when it is not a real date.
std::string date_in_words(int day, int month, int year);

}  // namespace hwbgen::check::detail
