#include "render/detail/whole_document.hpp"

#include <algorithm>

namespace hwbgen::render::detail {

namespace {

bool starts_at(const std::string& text, size_t at, const char* what) {
    return text.compare(at, std::char_traits<char>::length(what), what) == 0;
}

// Prefixes each space-separated token of an attribute value that names ids.
std::string prefix_tokens(const std::string& value, const std::string& prefix) {
    std::string out;
    size_t i = 0;
    while (i < value.size()) {
        if (value[i] == ' ') {
            out += value[i++];
            continue;
        }
        const size_t end = std::min(value.find(' ', i), value.size());
        out += prefix + "-" + value.substr(i, end - i);
        i = end;
    }
    return out;
}

}  // namespace

std::string shift_headings(const std::string& html, int levels) {
    std::string out;
    out.reserve(html.size());
    for (size_t i = 0; i < html.size(); ++i) {
        // Only a '<' can start a heading tag: copy up to the next one in one go.
        const size_t tag = std::min(html.find('<', i), html.size());
        out.append(html, i, tag - i);
        if ((i = tag) == html.size()) break;
        const bool open = starts_at(html, i, "<h"), close = starts_at(html, i, "</h");
        const size_t digit = i + (close ? 3 : 2);
        if ((open || close) && digit < html.size() && html[digit] >= '1' && html[digit] <= '6' &&
            digit + 1 < html.size() && (html[digit + 1] == '>' || html[digit + 1] == ' ')) {
            out.append(html, i, digit - i);
            out += static_cast<char>('0' + std::min(6, html[digit] - '0' + levels));
            i = digit;
            continue;
        }
        out += html[i];
    }
    return out;
}

std::string prefix_ids(const std::string& html, const std::string& prefix) {
    static const char* const names[] = {
        " id=\"", " for=\"", " headers=\"", " aria-labelledby=\"", " aria-describedby=\"", " aria-controls=\""};
    std::string out;
    out.reserve(html.size() + html.size() / 16);
    for (size_t i = 0; i < html.size();) {
        // Every attribute looked for starts with a space: copy up to the next one in one go.
        const size_t space = std::min(html.find(' ', i), html.size());
        out.append(html, i, space - i);
        if ((i = space) == html.size()) break;
        if (starts_at(html, i, " href=\"#")) {
            out += " href=\"#" + prefix + "-";
            i += 8;
            continue;
        }
        bool done = false;
        for (const char* name : names) {
            if (!starts_at(html, i, name)) continue;
            const size_t from = i + std::char_traits<char>::length(name), end = html.find('"', from);
            if (end == std::string::npos) break;
            out += name + prefix_tokens(html.substr(from, end - from), prefix) + "\"";
            i = end + 1;
            done = true;
            break;
        }
        if (!done) out += html[i++];
    }
    return out;
}

View whole_document_view(const std::vector<DocumentPart>& parts) {
    View contents{View::type::list}, rendered{View::type::list};
    View chapter;
    View children{View::type::list};
    size_t child_count = 0;
    bool open = false;
    const auto close = [&] {
        if (!open) return;
        chapter.set("children", children);
        chapter.set("has_children", child_count > 0);
        contents.push_back(chapter);
        children = View{View::type::list};
        child_count = 0;
        open = false;
    };
    for (const auto& p : parts) {
        View entry;
        entry.set("title", p.title);
        entry.set("anchor", p.anchor);
        if (p.level > 1 && open) {
            children.push_back(entry);
            ++child_count;
        } else {
            close();
            chapter = std::move(entry);
            open = true;
        }
        View part;
        part.set("anchor", p.anchor);
        part.set("html", p.html);
        rendered.push_back(part);
    }
    close();
    View v;
    v.set("contents", contents);
    v.set("parts", rendered);
    return v;
}

}  // namespace hwbgen::render::detail
