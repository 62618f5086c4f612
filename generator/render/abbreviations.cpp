#include "render/abbreviations.hpp"

#include <cctype>
#include <map>
#include <set>

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

class Marker {
public:
    explicit Marker(const std::vector<Abbreviation>& terms) {
        for (const auto& t : terms) meanings_.emplace(t.term, t.meaning);
    }

    std::string run(const std::string& html) {
        std::string out;
        out.reserve(html.size() + 256);
        for (size_t i = 0; i < html.size();) {
            if (html[i] == '<') {
                const size_t end = html.find('>', i);
                const std::string tag = html.substr(i, end == std::string::npos ? std::string::npos : end - i + 1);
                track(tag);
                out += tag;
                i += tag.size();
            } else {
                const size_t end = html.find('<', i);
                out += text(html.substr(i, end == std::string::npos ? std::string::npos : end - i));
                i = end == std::string::npos ? html.size() : end;
            }
        }
        return out;
    }

private:
    void track(const std::string& tag) {
        const std::string name = tag_name(tag);
        if (name != "abbr" && name != "code" && name != "pre" && name != "script" && name != "style") return;
        skip_depth_ += tag[1] == '/' ? -1 : 1;
    }

    // The glossary term this word uses, if any ("HWBs" and "ICS's" use "HWB" and "ICS").
    const std::string* term_for(const std::string& word) const {
        for (const std::string& w : {word, strip_suffix(word, "'s"), strip_suffix(word, "s")}) {
            const auto it = meanings_.find(w);
            if (!w.empty() && it != meanings_.end()) return &it->first;
        }
        return nullptr;
    }

    static std::string strip_suffix(const std::string& w, const std::string& suffix) {
        if (w.size() <= suffix.size() || w.compare(w.size() - suffix.size(), suffix.size(), suffix) != 0) return {};
        return w.substr(0, w.size() - suffix.size());
    }

    std::string text(const std::string& segment) {
        if (skip_depth_ > 0) return segment;
        std::string out;
        for (size_t i = 0; i < segment.size();) {
            if (!word_char(segment[i])) {
                out += segment[i++];
                continue;
            }
            size_t end = i;
            while (end < segment.size() && word_char(segment[end])) ++end;
            out += word(segment.substr(i, end - i));
            i = end;
        }
        return out;
    }

    std::string word(const std::string& w) {
        const std::string* term = term_for(w);
        if (!term || !used_.insert(*term).second) return w;
        return "<abbr title=\"" + escape_html(meanings_.at(*term)) + "\">" + w + "</abbr>";
    }

    std::map<std::string, std::string> meanings_;
    std::set<std::string> used_;
    int skip_depth_ = 0;
};

}  // namespace

std::string mark_abbreviations(const std::string& html, const std::vector<Abbreviation>& terms) {
    if (terms.empty()) return html;
    return Marker(terms).run(html);
}

}  // namespace hwbgen::render
