#include "render/abbreviations.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "render/markdown.hpp"

namespace hwbgen::render {

namespace {

bool word_char(unsigned char c) { return std::isalnum(c) || c == '\'' || c >= 0x80; }

std::string tag_name(const std::string& tag) {
    size_t i = tag[1] == '/' ? 2 : 1;
    std::string name;
    while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i]))) name += tag[i++];
    return name;
}

// One pass over the page, appending to one output string: pages are long and most words are
// not glossary terms, so a word is looked up only when its length and first letter could match.
class Marker {
public:
    explicit Marker(const std::vector<Abbreviation>& terms) {
        for (const auto& t : terms) {
            meanings_.emplace(t.term, t.meaning);
            if (!t.term.empty()) first_chars_[static_cast<unsigned char>(t.term[0])] = true;
            longest_ = std::max(longest_, t.term.size() + 2);  // "HWB's"
        }
    }

    std::string run(std::string_view html) {
        out_.reserve(html.size() + 256);
        for (size_t i = 0; i < html.size();) {
            if (html[i] == '<') {
                const size_t end = html.find('>', i);
                const std::string_view tag = html.substr(i, end == std::string_view::npos ? end : end - i + 1);
                track(tag);
                out_ += tag;
                i += tag.size();
            } else {
                const size_t end = html.find('<', i);
                text(html.substr(i, end == std::string_view::npos ? end : end - i));
                i = end == std::string_view::npos ? html.size() : end;
            }
        }
        return std::move(out_);
    }

private:
    void track(std::string_view tag) {
        const std::string name = tag_name(std::string(tag.substr(0, 8)));
        if (name != "abbr" && name != "code" && name != "pre" && name != "script" && name != "style") return;
        skip_depth_ += tag[1] == '/' ? -1 : 1;
    }

    // The glossary term this word uses, if any ("HWBs" and "ICS's" use "HWB" and "ICS").
    const std::string* term_for(std::string_view word) const {
        if (word.size() > longest_ || !first_chars_[static_cast<unsigned char>(word[0])]) return nullptr;
        for (const std::string_view suffix : {"", "'s", "s"}) {
            if (word.size() <= suffix.size() || word.substr(word.size() - suffix.size()) != suffix) continue;
            const auto it = meanings_.find(word.substr(0, word.size() - suffix.size()));
            if (it != meanings_.end()) return &it->first;
        }
        return nullptr;
    }

    void text(std::string_view segment) {
        if (skip_depth_ > 0) {
            out_ += segment;
            return;
        }
        for (size_t i = 0; i < segment.size();) {
            if (!word_char(segment[i])) {
                out_ += segment[i++];
                continue;
            }
            size_t end = i;
            while (end < segment.size() && word_char(segment[end])) ++end;
            word(segment.substr(i, end - i));
            i = end;
        }
    }

    void word(std::string_view w) {
        const std::string* term = term_for(w);
        if (!term || !used_.insert(*term).second) {
            out_ += w;
            return;
        }
        out_ += "<abbr title=\"";
        out_ += escape_html(meanings_.find(*term)->second);
        out_ += "\">";
        out_ += w;
        out_ += "</abbr>";
    }

    std::map<std::string, std::string, std::less<>> meanings_;
    bool first_chars_[256] = {};
    size_t longest_ = 0;
    std::set<std::string> used_;
    int skip_depth_ = 0;
    std::string out_;
};

}  // namespace

std::string mark_abbreviations(const std::string& html, const std::vector<Abbreviation>& terms) {
    if (terms.empty()) return html;
    return Marker(terms).run(html);
}

}  // namespace hwbgen::render
