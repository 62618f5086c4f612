// Reporting cycles: the index of reports, each cycle's progress report and its Outcomes Report.
#include "render/chart.hpp"
#include "render/detail/figure_text.hpp"
#include "render/detail/views.hpp"

namespace hwbgen::render::detail {

namespace {

View rag_view(model::Rag rag) {
    View v;
    v.set("rag", model::rag_label(rag));
    v.set("rag_class", std::string("rag-") + model::rag_id(rag));
    return v;
}

std::string item_url(const derive::Item& item) {
    return priority_url(*item.section, *item.priority) + (item.is_project ? "#p-" : "#c-") + item.id;
}

// An item as a line of a list: its text, a link to it in the strategy and its RAG.
View item_line(const derive::ItemProgress& p) {
    View v = rag_view(p.update->rag);
    set_markdown(v, "text", p.item->text, true);
    v.set("url", item_url(*p.item));
    v.set("example", p.update->example);
    return v;
}

View count_cells(const derive::RagCounts& counts) {
    View cells = list_view();
    for (int r = 0; r < model::rag_count; ++r) {
        View c = rag_view(model::Rag(r));
        c.set("count", std::to_string(counts.by_rag[size_t(r)]));
        cells.push_back(c);
    }
    return cells;
}

View rag_headers() {
    View list = list_view();
    for (int r = 0; r < model::rag_count; ++r) list.push_back(rag_view(model::Rag(r)));
    return list;
}

template <class Group, class Name>
View group_rows(const std::vector<derive::GroupCounts<Group>>& groups, Name name) {
    View rows = list_view();
    for (const auto& g : groups) {
        View v;
        v.set("name", name(g.group));
        v.set("cells", count_cells(g.counts));
        v.set("total", std::to_string(g.counts.total()));
        rows.push_back(v);
    }
    return rows;
}

View rag_table(const std::string& caption, const std::string& group_label, const View& rows) {
    View v;
    v.set("caption", caption);
    v.set("group_label", group_label);
    v.set("rows", rows);
    return v;
}

std::string rag_chart(const model::Cycle& cycle, const derive::RagCounts& counts) {
    std::vector<Bar> bars;
    bars.reserve(model::rag_count);
    for (int r = 0; r < model::rag_count; ++r)
        bars.push_back({model::rag_label(model::Rag(r)), counts.by_rag[size_t(r)],
                        std::string("rag-") + model::rag_id(model::Rag(r))});
    return bar_chart_svg("rag-chart",
                         "Progress of commitments and projects at " + cycle.meeting + ", " + long_date(cycle.date),
                         bars);
}

View kpi_rows(const std::vector<model::Kpi>& kpis) {
    View rows = list_view();
    for (const auto& k : kpis) {
        View v;
        v.set("name", k.name);
        v.set("current", k.current);
        v.set("target", k.target);
        rows.push_back(v);
    }
    return rows;
}

View plus_group_rows(const model::Place& place, const model::Update& u, const derive::CycleFigures& fig) {
    View rows = list_view();
    for (const auto& a : u.plus_groups) {
        View v;
        std::string name = a.group.id;
        for (const auto& g : place.plus_groups)
            if (g.id == a.group.id) name = g.name;
        v.set("name", name);
        set_markdown(v, "text", with_figures(a.text, &fig));
        rows.push_back(v);
    }
    return rows;
}

View update_view(const model::Place& place, const derive::ItemProgress& p, const derive::CycleFigures& fig) {
    View v = item_line(p);
    const auto& u = *p.update;
    v.set("id", p.item->id);
    set_text(v, "owner", p.item->owner ? p.item->owner->name : std::string{});
    set_text(v, "tier", p.item->tier == model::Tier::unassigned ? std::string{} : model::tier_label(p.item->tier));
    set_text(v, "previous_rag", p.previous ? model::rag_label(p.previous->rag) : std::string{});
    set_markdown(v, "update", with_figures(u.update, &fig));
    set_markdown(v, "next_steps", with_figures(u.next_steps, &fig));
    set_markdown(v, "risks", with_figures(u.risks, &fig));
    set_markdown(v, "escalation", with_figures(u.escalation, &fig));
    v.set("kpis", kpi_rows(u.kpis));
    v.set("has_kpis", !u.kpis.empty());
    v.set("plus_groups", plus_group_rows(place, u, fig));
    v.set("has_plus_groups", !u.plus_groups.empty());
    return v;
}

View updates_by_section(const model::Place& place, const derive::CycleFigures& fig) {
    const auto& progress = fig.progress();
    View sections = list_view();
    for (const auto& s : place.sections) {
        View items = list_view();
        for (const auto& p : progress.items)
            if (p.item->section == &s) items.push_back(update_view(place, p, fig));
        if (items.is_empty_list()) continue;
        View v;
        v.set("title", s.title);
        v.set("id", s.id);
        v.set("items", items);
        sections.push_back(v);
    }
    return sections;
}

void set_list(View& v, const std::string& name, const View& list) {
    v.set(name, list);
    v.set("has_" + name, !list.is_empty_list());
}

void set_changes(View& v, const derive::CycleProgress& progress) {
    View completed = list_view(), moved = list_view(), added = list_view(), dropped = list_view();
    for (const auto& p : progress.items) {
        if (p.change == derive::Change::completed) completed.push_back(item_line(p));
        if (p.change == derive::Change::added) added.push_back(item_line(p));
        if (p.change == derive::Change::moved) {
            View line = item_line(p);
            line.set("from", model::rag_label(p.previous->rag));
            line.set("from_class", std::string("rag-") + model::rag_id(p.previous->rag));
            moved.push_back(line);
        }
    }
    for (const auto* item : progress.dropped) {
        View line;
        set_markdown(line, "text", item->text, true);
        line.set("url", item_url(*item));
        dropped.push_back(line);
    }
    v.set("has_previous", progress.previous != nullptr);
    if (progress.previous) {
        v.set("previous_meeting", progress.previous->meeting + ", " + long_date(progress.previous->date));
        v.set("previous_url", "reports/" + progress.previous->id + "/");
    }
    set_list(v, "completed", completed);
    set_list(v, "moved", moved);
    set_list(v, "added", added);
    set_list(v, "dropped", dropped);
    v.set("has_changes",
          !completed.is_empty_list() || !moved.is_empty_list() || !added.is_empty_list() || !dropped.is_empty_list());
}

View escalations(const derive::CycleFigures& fig) {
    View list = list_view();
    for (const auto& p : fig.progress().items)
        if (!p.update->escalation.empty()) {
            View line = item_line(p);
            set_markdown(line, "escalation", with_figures(p.update->escalation, &fig));
            list.push_back(line);
        }
    return list;
}

View indicator_change_rows(const std::vector<derive::IndicatorChange>& changes) {
    View rows = list_view();
    for (const auto& c : changes) {
        const auto& d = *c.figure->definition;
        View v;
        v.set("name", d.name);
        v.set("url", indicator_url(d));
        v.set("unit", d.unit);
        v.set("before_period", c.before->time_period);
        v.set("before", derive::format_value(*c.before->value));
        v.set("after_period", c.after->time_period);
        v.set("after", derive::format_value(*c.after->value));
        v.set("direction", c.direction);
        v.set("example", c.before->example || c.after->example);
        rows.push_back(v);
    }
    return rows;
}

bool section_measures(const model::Section& s, const std::string& indicator_id) {
    for (const auto& p : s.priorities)
        for (const auto& r : p.indicators)
            if (r.id == indicator_id) return true;
    return false;
}

void set_cycle_heading(View& v, const model::Cycle& cycle) {
    v.set("meeting", cycle.meeting);
    v.set("date", long_date(cycle.date));
    v.set("cycle_id", cycle.id);
    set_text(v, "period", cycle.period);
    v.set("annual", cycle.annual);
    v.set("example", cycle.example);
}

// What the reporting timetable puts before the board in the cycle's month (seed 000, Fig. 1).
View timetable_items(const model::Place& place, const model::Cycle& cycle) {
    const std::string date = long_date(cycle.date);
    const std::string month = date.substr(date.find(' ') + 1, date.rfind(' ') - date.find(' ') - 1);
    View list = list_view();
    for (const auto& t : place.timetable) {
        if (t.month != month) continue;
        View v;
        v.set("subject", t.subject);
        std::string lead;
        for (const auto& g : place.subgroups)
            if (t.lead && g.id == t.lead->id) lead = g.name;
        set_text(v, "lead", lead);
        list.push_back(v);
    }
    return list;
}

// The whole cycle's RAG counts: the table's cells and total, and the chart.
void set_overall(View& v, const derive::CycleProgress& progress) {
    v.set("has_updates", !progress.items.empty());
    v.set("rag_headers", rag_headers());
    v.set("overall", count_cells(progress.overall));
    v.set("total", std::to_string(progress.overall.total()));
    v.set("chart_svg", progress.items.empty() ? std::string{} : rag_chart(*progress.cycle, progress.overall));
}

}  // namespace

std::string long_date(const std::string& iso) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    // Anything but yyyy-mm-dd with a real month is shown as written: never an index out of range.
    const auto digits = [&](size_t at, size_t n) { return iso.find_first_not_of("0123456789", at) >= at + n; };
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digits(0, 4) || !digits(5, 2) || !digits(8, 2))
        return iso;
    const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
    if (month < 1 || month > 12) return iso;
    return std::to_string(day) + " " + months[month - 1] + " " + iso.substr(0, 4);
}

std::string report_url(const model::Cycle& cycle) { return "reports/" + cycle.id + "/"; }
std::string board_paper_url(const model::Cycle& cycle) { return "board-papers/" + cycle.id + "/"; }

View reports_index_view(const SiteContext& ctx) {
    View list = list_view();
    for (auto it = ctx.place.cycles.rbegin(); it != ctx.place.cycles.rend(); ++it) {
        View v;
        set_cycle_heading(v, *it);
        v.set("url", report_url(*it));
        v.set("outcomes_url", report_url(*it) + "outcomes-report/");
        v.set("has_paper", it->paper.has_value());
        v.set("paper_url", board_paper_url(*it));
        v.set("paper_title", it->paper ? it->paper->title : std::string{});
        list.push_back(v);
    }
    View v;
    set_list(v, "cycles", list);
    return v;
}

View report_view(const SiteContext& ctx, const derive::CycleFigures& fig) {
    const auto& progress = fig.progress();
    const auto& changes = fig.indicator_changes();
    const auto& cycle = *progress.cycle;
    View v;
    set_cycle_heading(v, cycle);
    set_markdown(v, "summary", with_figures(cycle.summary, &fig));
    set_overall(v, progress);
    v.set("by_section_table",
          rag_table("Progress by section", "Section",
                    group_rows(progress.by_section, [](const model::Section* s) { return s->title; })));
    v.set("by_subgroup_table", rag_table("Progress by sub-group", "Sub-group",
                                         group_rows(progress.by_subgroup, [](const model::Subgroup* s) {
                                             return s ? s->name : std::string("No sub-group named");
                                         })));
    View subgroup_updates = list_view();
    for (const auto& s : cycle.subgroup_updates) {
        View u;
        std::string name = s.subgroup.id;
        for (const auto& g : ctx.place.subgroups)
            if (g.id == s.subgroup.id) name = g.name;
        u.set("name", name);
        set_markdown(u, "summary", with_figures(s.summary, &fig));
        subgroup_updates.push_back(u);
    }
    set_list(v, "subgroup_updates", subgroup_updates);
    set_list(v, "timetable", timetable_items(ctx.place, cycle));
    set_changes(v, progress);
    set_list(v, "escalations", escalations(fig));
    v.set("sections", updates_by_section(ctx.place, fig));
    set_list(v, "indicator_changes", indicator_change_rows(changes));
    v.set("outcomes_url", report_url(cycle) + "outcomes-report/");
    v.set("has_paper", cycle.paper.has_value());
    v.set("paper_url", board_paper_url(cycle));
    return v;
}

View generated_block_view(const SiteContext& ctx, const derive::CycleFigures& fig, const std::string& name) {
    View v;
    for (const auto& n : model::generated_block_names()) {
        std::string key = "is_" + n;
        for (auto& c : key) c = c == '-' ? '_' : c;
        v.set(key, n == name);
    }
    if (name == "progress-at-a-glance") set_overall(v, fig.progress());
    if (name == "escalations") set_list(v, "escalations", escalations(fig));
    if (name == "changes") set_changes(v, fig.progress());
    if (name == "indicator-changes") set_list(v, "indicator_changes", indicator_change_rows(fig.indicator_changes()));
    if (name == "timetable") set_list(v, "timetable", timetable_items(ctx.place, *fig.progress().cycle));
    return v;
}

View outcomes_report_view(const SiteContext& ctx, const model::Cycle& cycle) {
    View groups = list_view();
    std::vector<model::Ref> placed;
    auto add_group = [&](const std::string& title, const std::vector<model::Ref>& refs) {
        if (refs.empty()) return;
        View g;
        g.set("title", title);
        g.set("indicator_table", indicator_table_view(ctx, &refs));
        groups.push_back(g);
        placed.insert(placed.end(), refs.begin(), refs.end());
    };
    // An indicator belongs to the sections whose priorities measure it, else to the section its
    // definition names: one definition serves many places, each with its own sections.
    for (const auto& s : ctx.place.sections) {
        std::vector<model::Ref> refs;
        for (const auto& f : ctx.figures)
            if (f.latest && (section_measures(s, f.definition->id) || f.definition->section == s.id))
                refs.push_back({f.definition->id, {}});
        add_group(s.title, refs);
    }
    std::vector<model::Ref> rest;
    for (const auto& f : ctx.figures) {
        bool done = false;
        for (const auto& r : placed) done = done || r.id == f.definition->id;
        if (!done && f.latest) rest.push_back({f.definition->id, {}});
    }
    add_group("Other indicators", rest);
    View v;
    set_cycle_heading(v, cycle);
    set_list(v, "groups", groups);
    v.set("report_url", report_url(cycle));
    return v;
}

}  // namespace hwbgen::render::detail
