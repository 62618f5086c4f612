// Views of the place around the strategy: indicators, glossary, principles, sub-groups,
// timetable, foreword, free pages and the accessibility statement.
#include <cctype>

#include "render/detail/views.hpp"

namespace hwbgen::render::detail {

std::string css_class(std::string word) {
    for (auto& c : word) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return word;
}

namespace {

bool wanted(const derive::IndicatorFigure& f, const std::vector<model::Ref>* only) {
    if (!only) return true;
    for (const auto& r : *only)
        if (r.id == f.definition->id) return true;
    return false;
}

View figure_row(const derive::IndicatorFigure& f) {
    View v;
    v.set("id", f.definition->id);
    v.set("url", indicator_url(*f.definition));
    v.set("has_page", f.latest != nullptr);
    v.set("name", f.definition->name);
    v.set("unit", f.definition->unit);
    v.set("has_value", f.latest && f.latest->value);
    set_text(v, "period", f.latest ? f.latest->time_period : std::string{});
    set_text(v, "value", f.latest && f.latest->value ? derive::format_value(*f.latest->value) : std::string{});
    set_text(v, "england", f.england && f.england->value ? derive::format_value(*f.england->value) : std::string{});
    v.set("compared", f.compared);
    v.set("compared_class", css_class(f.compared));
    v.set("published", f.published_comparison);
    v.set("significant_998", f.significant_998);
    v.set("example", f.example);
    return v;
}

}  // namespace

View indicator_table_view(const SiteContext& ctx, const std::vector<model::Ref>* only) {
    View v;
    View rows = list_view();
    bool published = false;
    for (const auto& f : ctx.figures) {
        // A priority's own list shows its gaps; the overview shows what this place has data for.
        if (!wanted(f, only) || (!only && !f.latest)) continue;
        rows.push_back(figure_row(f));
        published = published || f.published_comparison;
    }
    v.set("rows", rows);
    v.set("has_rows", !rows.is_empty_list());
    v.set("has_published", published);
    v.set("area_name", ctx.place.name);
    return v;
}

View glossary_view(const SiteContext& ctx) {
    View v;
    View terms = list_view();
    for (const auto& g : ctx.place.glossary) {
        View t;
        t.set("term", g.term);
        t.set("meaning", g.meaning);
        t.set("easy_read", g.easy_read);
        t.set("has_easy_read", !g.easy_read.empty());
        terms.push_back(t);
    }
    v.set("terms", terms);
    return v;
}

namespace {

View principle_list(const std::vector<model::Principle>& items) {
    View list = list_view();
    for (const auto& p : items) {
        View v;
        v.set("title", p.title);
        set_markdown(v, "text", p.text, true);
        list.push_back(v);
    }
    return list;
}

// Commitments a sub-group leads, grouped by Do / Sponsor / Watch as the board assigns them.
View tier_groups(const model::Place& place, const model::Subgroup& g) {
    const model::Tier tiers[] = {model::Tier::do_, model::Tier::sponsor, model::Tier::watch, model::Tier::unassigned};
    View groups = list_view();
    for (const auto tier : tiers) {
        View items = list_view();
        for (const auto& s : place.sections)
            for (const auto& p : s.priorities)
                for (const auto& c : p.commitments) {
                    const auto& lead = c.lead ? c.lead : s.lead;
                    if (c.tier != tier || !lead || lead->id != g.id) continue;
                    View item;
                    set_markdown(item, "text", c.text, true);
                    item.set("url", priority_url(s, p) + "#c-" + c.id);
                    item.set("priority", p.title);
                    items.push_back(item);
                }
        if (items.is_empty_list()) continue;
        View group;
        group.set("tier", model::tier_label(tier));
        group.set("count", std::to_string(items.list_value().size()));
        group.set("commitments", items);
        groups.push_back(group);
    }
    return groups;
}

View covered_sections(const model::Place& place, const model::Subgroup& g) {
    View list = list_view();
    for (const auto& r : g.covers)
        for (const auto& s : place.sections)
            if (s.id == r.id) {
                View v;
                v.set("title", s.title);
                v.set("url", section_url(s));
                list.push_back(v);
            }
    return list;
}

std::string subgroup_name(const model::Place& place, const std::optional<model::Ref>& ref) {
    if (!ref) return {};
    for (const auto& g : place.subgroups)
        if (g.id == ref->id) return g.short_name.empty() ? g.name : g.name + " (" + g.short_name + ")";
    return ref->id;
}

}  // namespace

View principles_view(const SiteContext& ctx) {
    View v;
    set_markdown(v, "principles_intro", ctx.place.principles_intro);
    set_markdown(v, "enablers_intro", ctx.place.enablers_intro);
    v.set("principles", principle_list(ctx.place.principles));
    v.set("enablers", principle_list(ctx.place.enablers));
    return v;
}

View subgroups_view(const SiteContext& ctx) {
    View v;
    bool has_commitments = false;
    for (const auto& s : ctx.place.sections)
        for (const auto& p : s.priorities) has_commitments = has_commitments || !p.commitments.empty();
    v.set("uses_tiers", has_commitments);  // Do / Sponsor / Watch sorts commitments
    View list = list_view();
    for (const auto& g : ctx.place.subgroups) {
        View s;
        s.set("id", g.id);
        s.set("name", g.name);
        set_text(s, "short_name", g.short_name);
        set_markdown(s, "description", g.description);
        s.set("sections", covered_sections(ctx.place, g));
        s.set("has_sections", !g.covers.empty());
        View focus = list_view();
        for (const auto& f : g.focus) focus.push_back(View("text", f));
        s.set("focus", focus);
        s.set("has_focus", !g.focus.empty());
        s.set("tiers", tier_groups(ctx.place, g));
        list.push_back(s);
    }
    v.set("subgroups", list);
    return v;
}

View timetable_view(const SiteContext& ctx) {
    View v;
    View rows = list_view();
    for (const auto& t : ctx.place.timetable) {
        View r;
        r.set("month", t.month);
        r.set("subject", t.subject);
        set_text(r, "lead", subgroup_name(ctx.place, t.lead));
        rows.push_back(r);
    }
    v.set("rows", rows);
    return v;
}

View foreword_view(const SiteContext& ctx) {
    View v;
    set_markdown(v, "body", ctx.place.foreword.body);
    View lines = list_view();
    for (const auto& l : ctx.place.foreword.signed_by) lines.push_back(View("text", l));
    v.set("signed", lines);
    return v;
}

View page_view(const model::Page& page) {
    View v;
    set_text(v, "number", page.number);
    set_markdown(v, "body", page.body);
    return v;
}

namespace {

View easy_read_points(const std::vector<model::EasyReadPoint>& points) {
    View list = list_view();
    for (const auto& p : points) {
        View v;
        set_markdown(v, "text", p.text, true);
        set_text(v, "picture", p.picture);
        v.set("alt", p.alt);
        list.push_back(v);
    }
    return list;
}

void set_points(View& v, const std::string& name, const std::vector<model::EasyReadPoint>& points) {
    v.set(name, easy_read_points(points));
    v.set("has_" + name, !points.empty());
}

}  // namespace

View easy_read_view(const SiteContext& ctx) {
    const auto& er = ctx.place.easy_read;
    View v;
    set_points(v, "intro", er.intro);
    set_points(v, "vision", er.vision);
    set_points(v, "how_we_will_know", er.how_we_will_know);
    set_points(v, "contact", er.contact);
    View sections = list_view();
    for (const auto& s : ctx.place.sections)
        if (!s.easy_read.empty()) {
            View sv;
            sv.set("title", s.title);
            sv.set("url", "easy-read/" + s.id + "/");
            sections.push_back(sv);
        }
    v.set("sections", sections);
    View words = list_view();
    for (const auto& g : ctx.place.glossary)
        if (!g.easy_read.empty()) {
            View w;
            w.set("term", g.abbreviation ? g.meaning : g.term);
            w.set("meaning", g.easy_read);
            words.push_back(w);
        }
    v.set("words", words);
    v.set("has_words", !words.is_empty_list());
    return v;
}

View easy_read_section_view(const model::Section& s) {
    View v;
    set_points(v, "points", s.easy_read);
    v.set("full_url", section_url(s));
    return v;
}

View accessibility_view(const SiteContext& ctx) {
    View v;
    View contacts = list_view();
    for (const auto& c : ctx.place.contacts) {
        View r;
        r.set("name", c.name);
        set_text(r, "role", c.role);
        set_text(r, "email", c.email);
        contacts.push_back(r);
    }
    v.set("contacts", contacts);
    v.set("has_contacts", !ctx.place.contacts.empty());
    return v;
}

}  // namespace hwbgen::render::detail
