// cycles/<yyyy-mm>.yaml: one board meeting's progress updates and board paper.
#include "load/detail/cycle_reader.hpp"
#include "load/detail/section_reader.hpp"
#include "load/link_check.hpp"

#include <algorithm>
#include <cctype>

namespace hwbgen::load::detail {

namespace {

bool is_month_id(const std::string& s) {
    if (s.size() != 7 || s[4] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    const int month = std::stoi(s.substr(5));
    return month >= 1 && month <= 12;
}

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[7] != '-' || !is_month_id(s.substr(0, 7))) return false;
    if (!std::isdigit(static_cast<unsigned char>(s[8])) || !std::isdigit(static_cast<unsigned char>(s[9])))
        return false;
    const int day = std::stoi(s.substr(8));
    return day >= 1 && day <= 31;
}

using Uses = std::vector<model::FigureUse>;

// Where byte `at` of a scalar's value is in the file. YAML never changes a '(' (no escape makes
// one in content), so the n-th '(' of the value is the n-th '(' of the source after the node's
// start, past a block scalar's header line (whose comment may hold brackets of its own).
diag::SourcePos figure_pos(const FileContext& ctx, const YAML::Node& node, const std::string& value, size_t bracket,
                           size_t at) {
    auto fallback = pos_of(ctx, node.Mark());  // not const: returned, so it can be moved
    size_t src = node.Mark().pos < 0 ? std::string::npos : size_t(node.Mark().pos);
    if (src >= ctx.text.size()) return fallback;
    if (ctx.text[src] == '|' || ctx.text[src] == '>') src = ctx.text.find('\n', src);
    for (size_t n = size_t(std::count(value.begin(), value.begin() + long(bracket), '(')); src != std::string::npos;
         ++src) {
        src = ctx.text.find('(', src);
        if (src == std::string::npos) return fallback;
        if (n-- == 0) return pos_at(ctx, src + (at - bracket));
    }
    return fallback;
}

// Every figure a scalar (or a list of scalars) cites, placed at its name in the file.
void note_figures(const FileContext& ctx, const YAML::Node* node, Uses& uses) {
    if (!node) return;
    if (node->IsSequence()) {
        for (const auto& item : *node)
            if (item.IsScalar()) note_figures(ctx, &item, uses);
        return;
    }
    if (!node->IsScalar()) return;
    const std::string& value = node->Scalar();
    for (auto& ref : model::find_figures(value))
        uses.push_back({ref, figure_pos(ctx, *node, value, ref.begin, ref.name_offset), {}});
}

void note_figures(const YamlMap& m, std::initializer_list<const char*> keys, Uses& uses) {
    for (const char* key : keys) note_figures(m.context(), m.node(key), uses);
}

// Fields of plain text (titles, KPIs) are not worked out: a figure there would print as written,
// so it is noted for check to report.
void note_plain(const YamlMap& m, std::initializer_list<const char*> keys, Uses& uses) {
    for (const char* key : keys) {
        const size_t before = uses.size();
        note_figures(m.context(), m.node(key), uses);
        for (size_t i = before; i < uses.size(); ++i) uses[i].plain_field = key;
    }
}

std::vector<model::PlusGroupAction> read_plus_group_actions(const YamlMap& m) {
    std::vector<model::PlusGroupAction> out;
    if (const auto groups = m.map("plus_groups"))
        for (const auto& [id, pos] : groups->entries()) out.push_back({{id, pos}, groups->text(id.c_str())});
    return out;
}

model::Rag read_rag(const YamlMap& m) {
    const auto rag = choice(m, "rag", {"not-started", "red", "amber", "green", "complete"}, true);
    for (int r = 0; r < model::rag_count; ++r)
        if (rag && *rag == model::rag_id(model::Rag(r))) return model::Rag(r);
    return model::Rag::not_started;
}

model::Update read_update(const YamlMap& m, Uses& uses) {
    m.allow_only({"item", "rag", "example", "update", "next_steps", "kpis", "plus_groups", "risks", "escalation"});
    model::Update u;
    u.item = {m.text("item", true), m.value_pos("item")};
    u.rag = read_rag(m);
    u.example = m.flag("example", false);
    u.update = m.text("update");
    u.next_steps = m.text("next_steps");
    u.kpis = read_kpis(m);
    u.plus_groups = read_plus_group_actions(m);
    u.risks = m.text("risks");
    u.escalation = m.text("escalation");
    note_figures(m, {"update", "next_steps", "risks", "escalation"}, uses);
    for (const auto& k : m.maps("kpis")) note_plain(k, {"name", "current", "target"}, uses);
    if (const auto groups = m.map("plus_groups"))
        for (const auto& [id, pos] : groups->entries()) note_figures(m.context(), groups->node(id.c_str()), uses);
    return u;
}

model::PaperBlock read_generated(const YamlMap& m) {
    model::PaperBlock b;
    b.generated = m.text("generated");
    b.pos = m.value_pos("generated");
    if (m.has("heading") || m.has("text") || m.has("items") || m.has("groups") || m.has("after") || m.has("review"))
        m.error(b.pos, "a generated block cannot carry a paragraph",
                "put the paragraph in its own '- text:' item before or after the block");
    return b;
}

model::PaperBlock read_block(const YamlMap& m, Uses& uses) {
    m.allow_only({"heading", "text", "items", "groups", "after", "generated", "review"});
    if (m.has("generated")) return read_generated(m);
    model::PaperBlock b;
    b.pos = m.pos();
    b.review = m.text("review");
    if (m.has("review")) {
        b.pos = m.value_pos("review");
        if (b.review.empty()) b.review = "carried forward";
    }
    b.heading = m.text("heading");
    note_plain(m, {"heading"}, uses);
    if (!b.heading.empty()) {
        if (m.has("text") || m.has("items") || m.has("groups") || m.has("after"))
            m.error(m.value_pos("heading"), "a sub-heading cannot carry a paragraph",
                    "put the paragraph in its own '- text:' item after the heading");
        return b;
    }
    b.text = m.text("text", true);
    b.items = m.texts("items");
    for (const auto& g : m.maps("groups")) {
        g.allow_only({"title", "items"});
        b.groups.push_back({g.text("title", true), g.texts("items")});
        note_figures(g, {"items"}, uses);
    }
    b.after = m.text("after");
    note_figures(m, {"text", "items", "after"}, uses);
    return b;
}

std::vector<model::PaperBlock> read_blocks(const YamlMap& paper, const char* key, Uses& uses) {
    std::vector<model::PaperBlock> out;
    const YAML::Node* node = paper.node(key);
    if (!node || node->IsNull()) return out;
    if (!node->IsSequence()) {
        paper.error(paper.value_pos(key), std::string("expected a list of paragraphs for '") + key + "'",
                    "write each numbered paragraph on its own line starting with '- '");
        return out;
    }
    for (const auto& item : *node) {
        if (item.IsScalar()) {
            if (!check_links(paper.context(), item)) continue;
            model::PaperBlock b;
            b.text = item.Scalar();
            b.pos = pos_of(paper.context(), item.Mark());
            out.push_back(std::move(b));
            note_figures(paper.context(), &item, uses);
        } else if (item.IsMap()) {
            out.push_back(read_block(YamlMap(paper.context(), item), uses));
        } else {
            paper.error(pos_of(paper.context(), item.Mark()), "expected a paragraph, found a list",
                        "a paragraph is text, or 'text:' with 'items:' or 'groups:'");
        }
    }
    return out;
}

// An appendix links to a page of the site (a keyword or a page id) or to a web address.
std::string appendix_link(const YamlMap& a) {
    std::string link = a.text("link");
    bool page_id = !link.empty();
    for (const char c : link)
        page_id = page_id && (std::islower(static_cast<unsigned char>(c)) ||
                              std::isdigit(static_cast<unsigned char>(c)) || c == '-');
    if (link.empty() || page_id || is_web_address(link)) return link;
    a.error(a.value_pos("link"), "appendix link must be a page id or a web address, found '" + link + "'",
            "use outcomes-report, report, strategy, a page's id, or an https:// address");
    return {};
}

std::vector<std::string> paper_keys() {
    std::vector<std::string> keys = {"report_of", "title", "headings", "officers", "background_papers", "appendices"};
    for (const auto& s : model::paper_section_names()) keys.push_back(s.key);
    return keys;
}

model::BoardPaper read_paper(const YamlMap& m, Uses& uses) {
    m.allow_only(paper_keys());
    model::BoardPaper paper;
    paper.report_of = m.text("report_of", true);
    paper.title = m.text("title", true);
    note_plain(m, {"report_of", "title"}, uses);
    const auto headings = m.map("headings");
    if (headings) {
        std::vector<std::string> keys;
        for (const auto& s : model::paper_section_names()) keys.push_back(s.key);
        headings->allow_only(keys);
    }
    for (const auto& s : model::paper_section_names()) {
        std::string heading = headings && headings->has(s.key) ? headings->text(s.key) : s.heading;
        paper.sections.push_back({s.key, heading, read_blocks(m, s.key, uses)});
    }
    for (const auto& c : m.maps("officers")) {
        c.allow_only({"name", "role", "email", "phone"});
        paper.officers.push_back({c.text("name", true), c.text("role"), c.email("email"), c.text("phone")});
    }
    paper.background_papers = m.texts("background_papers");
    note_figures(m, {"background_papers"}, uses);
    for (const auto& a : m.maps("appendices")) {
        a.allow_only({"title", "link"});
        paper.appendices.push_back({a.text("title", true), appendix_link(a), a.value_pos("link")});
        note_plain(a, {"title"}, uses);
    }
    return paper;
}

}  // namespace

model::Cycle read_cycle(const YamlMap& m, const std::string& id) {
    m.allow_only(
        {"meeting", "date", "period", "annual", "example", "summary", "subgroup_updates", "updates", "board_paper"});
    model::Cycle c;
    c.id = id;
    c.pos = m.pos();
    c.meeting = m.text("meeting", true);
    c.date = m.text("date", true);
    c.date_pos = m.value_pos("date");
    if (!c.date.empty() && !is_date(c.date))
        m.error(c.date_pos, "expected a date like 2022-12-01 for 'date', found '" + c.date + "'",
                "write the meeting's date as year-month-day");
    c.period = m.text("period");
    c.annual = m.flag("annual", false);
    c.example = m.flag("example", false);
    c.summary = m.text("summary");
    for (const auto& s : m.maps("subgroup_updates")) {
        s.allow_only({"subgroup", "summary"});
        c.subgroup_updates.push_back({{s.text("subgroup", true), s.value_pos("subgroup")}, s.text("summary", true)});
        note_figures(s, {"summary"}, c.figure_uses);
    }
    note_figures(m, {"summary"}, c.figure_uses);
    for (const auto& u : m.maps("updates")) c.updates.push_back(read_update(u, c.figure_uses));
    if (const auto paper = m.map("board_paper")) c.paper = read_paper(*paper, c.figure_uses);
    std::stable_sort(c.figure_uses.begin(), c.figure_uses.end(), [](const auto& a, const auto& b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
    });
    return c;
}

std::optional<std::string> cycle_id_of(const std::string& path) {
    const auto slash = path.rfind('/');
    const auto dot = path.rfind('.');
    const std::string stem = path.substr(slash + 1, dot - slash - 1);
    if (is_month_id(stem)) return stem;
    return std::nullopt;
}

}  // namespace hwbgen::load::detail
