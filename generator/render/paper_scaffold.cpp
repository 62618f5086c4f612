// The board paper carried forward by `hwbgen new-cycle`: the last paper's structure, with
// paragraphs that cite figures kept (they show the new cycle's numbers) and hand-written ones
// marked for review.
#include <algorithm>

#include "render/cycle_scaffold.hpp"

namespace hwbgen::render {

namespace {

// A double-quoted YAML scalar: safe for any text, on one line.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\t') {
            out += "\\t";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

// `key: value` at `indent`, as a literal block when the text has several lines.
std::string field(const std::string& key, const std::string& text, const std::string& indent) {
    if (text.find('\n') == std::string::npos || text.front() == ' ' || text.front() == '\n')
        return indent + key + ": " + quoted(text) + "\n";
    std::string out = indent + key + ": |\n" + indent + "  ";
    for (const char c : text) {
        out += c;
        if (c == '\n') out += indent + "  ";
    }
    return out + "\n";
}

// The same field as the first of a list item: "- key: ..." in place of the indent's last two.
std::string first_field(const std::string& key, const std::string& text, const std::string& indent) {
    std::string out = field(key, text, indent);
    out.replace(indent.size() - 2, 2, "- ");
    return out;
}

std::string list(const std::string& key, const std::vector<std::string>& texts, const std::string& indent) {
    if (texts.empty()) return {};
    std::string out = indent + key + ":\n";
    for (const auto& t : texts) out += first_field("x", t, indent + "    ").replace(indent.size() + 4, 3, "");
    return out;
}

bool cites(const std::string& text) { return !model::find_figures(text).empty(); }

bool cites_figures(const model::PaperBlock& b) {
    bool any = cites(b.text) || cites(b.after);
    for (const auto& i : b.items) any = any || cites(i);
    for (const auto& g : b.groups)
        for (const auto& i : g.items) any = any || cites(i);
    return any;
}

// Year figures belong to annual cycles; in another they are kept as plain text (escaped) and
// the paragraph is marked, so the next annual paper can cite them again.
bool escape_year_figures(std::string& text) {
    bool found = false;
    const auto refs = model::find_figures(text);
    for (auto it = refs.rbegin(); it != refs.rend(); ++it) {
        const auto* name = model::find_figure_name(it->name, it->preposition);
        if (!name || !name->annual) continue;
        text.insert(it->begin, "\\");
        found = true;
    }
    return found;
}

std::string paragraph(model::PaperBlock b, const std::string& from, bool mark, bool annual) {
    const std::string in = "      ";
    while (!b.text.empty() && b.text.back() == '\n') b.text.pop_back();
    bool year = false;
    if (!annual) {
        year = escape_year_figures(b.text) || year;
        year = escape_year_figures(b.after) || year;
        for (auto& i : b.items) year = escape_year_figures(i) || year;
    }
    std::string out = first_field("text", b.text, in);
    if (year)
        out += field("review", from + "; its figures over the year are for annual cycles only", in);
    else if (mark)
        out += field("review", from, in);
    out += list("items", b.items, in);
    if (!b.groups.empty()) {
        out += in + "groups:\n";
        for (const auto& g : b.groups)
            out += first_field("title", g.title, in + "    ") + list("items", g.items, in + "    ");
    }
    if (!b.after.empty()) out += field("after", b.after, in);
    return out;
}

std::string section(const model::PaperSection& s, const std::string& from, bool annual) {
    std::string out = "  " + s.key + ":\n";
    for (const auto& b : s.blocks) {
        if (!b.heading.empty())
            out += first_field("heading", b.heading, "      ");
        else if (!b.generated.empty())
            out += "    - generated: " + b.generated + "\n";
        else {
            const bool carried = s.key == "recommendations" || cites_figures(b);
            out += paragraph(b, "carried forward from " + from, !carried, annual);
        }
    }
    return out;
}

std::string headings(const model::BoardPaper& paper) {
    std::string out;
    for (size_t i = 0; i < paper.sections.size(); ++i)
        if (paper.sections[i].heading != model::paper_section_names()[i].heading)
            out += field(paper.sections[i].key, paper.sections[i].heading, "    ");
    return out.empty() ? out : "  headings:\n" + out;
}

std::string people(const std::vector<model::Contact>& officers) {
    std::string out = officers.empty() ? "" : "  officers:\n";
    for (const auto& o : officers) {
        out += first_field("name", o.name, "      ");
        if (!o.role.empty()) out += field("role", o.role, "      ");
        if (!o.email.empty()) out += field("email", o.email, "      ");
        if (!o.phone.empty()) out += field("phone", o.phone, "      ");
    }
    return out;
}

std::string appendices(const std::vector<model::Appendix>& list) {
    std::string out =
        list.empty() ? ""
                     : "  appendices:                      # outcomes-report and report link to this cycle's pages\n";
    for (const auto& a : list) {
        out += first_field("title", a.title, "      ");
        if (!a.link.empty()) out += field("link", a.link, "      ");
    }
    return out;
}

const model::Cycle* last_paper(const model::Place& place) {
    for (auto it = place.cycles.rbegin(); it != place.cycles.rend(); ++it)
        if (it->paper) return &*it;
    return nullptr;
}

}  // namespace

std::string board_paper_scaffold(const model::Place& place, const std::string& cycle_id, bool annual) {
    const model::Cycle* from = last_paper(place);
    if (!from || from->id >= cycle_id) return {};
    const auto& paper = *from->paper;
    std::string out = "\n# The board paper, carried forward from " + from->id +
                      " by `hwbgen new-cycle`. Paragraphs that cite figures, such as\n"
                      "# ((red)), show this meeting's numbers. Every other paragraph is marked 'review:' until\n"
                      "# someone has read it and brought it up to date; `hwbgen check` lists them. Check the title.\n";
    out += "board_paper:\n";
    out += field("report_of", paper.report_of, "  ");
    out += field("title", paper.title, "  ");
    out += headings(paper);
    for (const auto& s : paper.sections)
        if (!s.blocks.empty()) out += section(s, from->id, annual);
    out += people(paper.officers);
    out += list("background_papers", paper.background_papers, "  ");
    out += appendices(paper.appendices);
    return out;
}

}  // namespace hwbgen::render
