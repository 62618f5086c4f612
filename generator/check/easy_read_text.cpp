// Preparing a point's text for the Easy Read word rules: blanking out Markdown and addresses,
// splitting words, and matching word lists with the usual endings of their words.
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "check/detail/easy_read_text.hpp"

namespace hwbgen::check::detail {

namespace {

bool is_curly_apostrophe(const std::string& s, size_t i) {
    return i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' && s[i + 2] == '\x99';
}

// Bytes of general punctuation (U+2000-U+206F: dashes, curly quotes) are not letters.
bool is_punctuation_sequence(const std::string& s, size_t i) {
    return i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80';
}

bool is_letter_or_digit(const std::string& s, size_t i) {
    if (i >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return std::isalnum(c) != 0;
    if (is_punctuation_sequence(s, i)) return false;
    // A continuation byte belongs to the character before it: what that one was decides.
    size_t start = i;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return !is_punctuation_sequence(s, start);
}

void blank(std::string& s, size_t from, size_t to) {
    for (size_t i = from; i < to && i < s.size(); ++i) s[i] = ' ';
}

// The end of a run of characters that are not spaces, starting at `i`.
size_t run_end(const std::string& s, size_t i) {
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return i;
}

// Sentence punctuation after an address stays, so sentence rules still see it.
size_t trim_run(const std::string& s, size_t from, size_t end) {
    while (end > from && std::string(".,;:!?)\"'").find(s[end - 1]) != std::string::npos) --end;
    return end;
}

bool looks_like_domain(const std::string& run) {
    static const char* const ends[] = {".uk", ".com", ".org", ".net", ".gov", ".nhs", ".info", ".io"};
    const size_t slash = run.find('/');
    std::string host = run.substr(0, slash);
    for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (host.find('.') == std::string::npos || !std::isalpha(static_cast<unsigned char>(host[0]))) return false;
    for (const char* e : ends) {
        const std::string end = e;
        if (host.size() > end.size() && host.compare(host.size() - end.size(), end.size(), end) == 0) return true;
    }
    return false;
}

// Web and email addresses are names to copy exactly, not words to read: no rule looks inside.
void blank_addresses(std::string& s) {
    for (size_t i = 0; i < s.size();) {
        if (std::isspace(static_cast<unsigned char>(s[i])) ||
            (i > 0 && !std::isspace(static_cast<unsigned char>(s[i - 1])) && s[i - 1] != '(' && s[i - 1] != '<')) {
            ++i;
            continue;
        }
        const size_t end = run_end(s, i);
        const size_t word = s[i] == '<' ? i + 1 : i;
        const std::string run = s.substr(word, trim_run(s, word, end) - word);
        const size_t at = run.find('@');
        const bool address = run.rfind("http://", 0) == 0 || run.rfind("https://", 0) == 0 ||
                             run.rfind("www.", 0) == 0 || run.rfind("mailto:", 0) == 0 ||
                             (at != std::string::npos && at > 0 && run.find('.', at) != std::string::npos) ||
                             looks_like_domain(run);
        if (address) blank(s, word, word + run.size());
        i = end;
    }
}

// [text](target): the target is an address; the brackets are Markdown, not the writer's.
void blank_link_targets(std::string& s) {
    for (size_t i = s.find("]("); i != std::string::npos; i = s.find("](", i + 1)) {
        const size_t close = s.find(')', i);
        const size_t open = s.rfind('[', i);
        if (close == std::string::npos || open == std::string::npos) continue;
        s[open] = ' ';
        blank(s, i, close + 1);
    }
    for (size_t i = s.find('<'); i != std::string::npos; i = s.find('<', i + 1)) {
        const size_t close = s.find('>', i);
        if (close != std::string::npos && s.find(' ', i) > close && s.find(':', i) < close) blank(s, i, close + 1);
    }
}

}  // namespace

PointText::PointText(const std::string& text) : raw(text), masked(text) {
    blank_link_targets(masked);
    // **strong** and __strong__ mark the hard words a writer explains in the next point.
    for (const char* marker : {"**", "__"})
        for (size_t open = masked.find(marker); open != std::string::npos;) {
            const size_t close = masked.find(marker, open + 2);
            if (close == std::string::npos) break;
            bold.push_back({open + 2, close});
            blank(masked, open, open + 2);
            blank(masked, close, close + 2);
            open = masked.find(marker, close + 2);
        }
    for (size_t i = 0; i < masked.size(); ++i)
        if (masked[i] == '*' ||
            (masked[i] == '_' && (!is_letter_or_digit(masked, i + 1) || i == 0 || !is_letter_or_digit(masked, i - 1))))
            masked[i] = ' ';
    blank_addresses(masked);
    for (size_t i = 0; i < masked.size();) {
        if (!is_letter_or_digit(masked, i)) {
            ++i;
            continue;
        }
        Word w{i, {}, {}};
        while (i < masked.size()) {
            const bool apostrophe = (masked[i] == '\'' || is_curly_apostrophe(masked, i)) && i > w.at;
            const size_t next = i + (is_curly_apostrophe(masked, i) ? 3 : 1);
            if (apostrophe && is_letter_or_digit(masked, next)) {
                w.lower += '\'';
                i = next;
            } else if (is_letter_or_digit(masked, i)) {
                w.lower += static_cast<char>(std::tolower(static_cast<unsigned char>(masked[i])));
                ++i;
            } else {
                break;
            }
        }
        w.text = raw.substr(w.at, i - w.at);
        words.push_back(std::move(w));
    }
}

std::string PointText::gap(size_t i) const {
    const size_t from = i < words.size() ? words[i].at + words[i].text.size() : 0;
    const size_t to = i + 1 < words.size() ? words[i + 1].at : masked.size();
    return from < to ? masked.substr(from, to - from) : std::string();
}

bool PointText::in_bold(size_t at) const {
    return std::any_of(bold.begin(), bold.end(), [&](const Span& s) { return at >= s.begin && at < s.end; });
}

std::vector<std::string> word_forms(const std::string& w) {
    std::set<std::string> forms{w};
    if (w.size() < 3) return {w};
    const auto ends = [&](const std::string& e) {
        return w.size() > e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0;
    };
    const auto vowel = [](char c) { return std::string("aeiou").find(c) != std::string::npos; };
    for (const char* e : {"s", "es", "d", "ed", "ing", "er", "ers"}) forms.insert(w + e);
    const std::string stem = w.substr(0, w.size() - 1);
    if (w.back() == 'e') forms.insert({stem + "ing", stem + "ion", stem + "ions"});
    if (w.back() == 'y' && !vowel(w[w.size() - 2])) forms.insert({stem + "ies", stem + "ied"});
    if (!vowel(w.back()) && vowel(w[w.size() - 2]) && !vowel(w[w.size() - 3]) && w.back() != 'w' && w.back() != 'y')
        forms.insert({w + w.back() + "ed", w + w.back() + "ing"});
    if (ends("ies")) forms.insert(w.substr(0, w.size() - 3) + "y");
    if (ends("s") && !ends("ss")) forms.insert(stem);
    if (ends("ing")) {
        const std::string base = w.substr(0, w.size() - 3);
        forms.insert({base, base + "s", base + "ed", base + "e", base + "es"});
    }
    std::vector<std::string> out{w};  // the word as listed first: an exact match wins a tie
    for (const auto& f : forms)
        if (f != w) out.push_back(f);
    return out;
}

namespace {

// Spaces and hyphens between words are the same gap ("joined up", "joined-up"); anything else
// ("/" in "24/7") must be written as listed.
std::string normal_gap(const std::string& gap) {
    std::string kept;
    for (const char c : gap)
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '-') kept += c;
    return kept.empty() ? " " : kept;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

PhraseList::PhraseList(const std::vector<model::PlainWord>& entries, const std::vector<std::string>& accepted) {
    std::set<std::string> ok;
    for (const auto& a : accepted) ok.insert(lower(a));
    for (const auto& e : entries) {
        if (ok.count(lower(e.word))) continue;
        const PointText t(e.word);
        if (t.words.empty()) continue;
        Phrase p{&e, {}, {}};
        for (size_t i = 0; i < t.words.size(); ++i) {
            p.forms.push_back(word_forms(t.words[i].lower));
            if (i + 1 < t.words.size()) p.gaps.push_back(normal_gap(t.gap(i)));
        }
        phrases_.push_back(std::move(p));
    }
    std::stable_sort(phrases_.begin(), phrases_.end(),
                     [](const Phrase& a, const Phrase& b) { return a.forms.size() > b.forms.size(); });
    for (size_t i = 0; i < phrases_.size(); ++i)
        for (const auto& f : phrases_[i].forms[0]) by_first_word_[f].push_back(i);
}

std::vector<PhraseList::Match> PhraseList::find(const PointText& text) const {
    std::vector<Match> out;
    const auto& words = text.words;
    for (size_t i = 0; i < words.size();) {
        const Phrase* best = nullptr;
        bool best_exact = false;
        const auto candidates = by_first_word_.find(words[i].lower);
        if (candidates == by_first_word_.end()) {
            ++i;
            continue;
        }
        for (const size_t index : candidates->second) {
            const Phrase& p = phrases_[index];
            if (best && p.forms.size() < best->forms.size()) break;
            if (i + p.forms.size() > words.size()) continue;
            bool match = true, exact = true;
            for (size_t k = 0; k < p.forms.size() && match; ++k) {
                const auto& f = p.forms[k];
                const auto it = std::find(f.begin(), f.end(), words[i + k].lower);
                match = it != f.end() && (k == 0 || normal_gap(text.gap(i + k - 1)) == p.gaps[k - 1]);
                exact = exact && it == f.begin();
            }
            if (match && (!best || (exact && !best_exact))) {
                best = &p;
                best_exact = exact;
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        out.push_back({best->entry, i, i + best->forms.size() - 1});
        i += best->forms.size();
    }
    return out;
}

}  // namespace hwbgen::check::detail
