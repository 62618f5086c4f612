// Views of the strategy itself: home, sections, priorities.
#include "render/detail/views.hpp"
#include "render/markdown.hpp"

namespace hwbgen::render::detail {

View list_view() { return View(View::type::list); }

void set_text(View& v, const std::string& name, const std::string& value) {
    v.set(name, value);
    v.set("has_" + name, !value.empty());
}

void set_markdown(View& v, const std::string& name, const std::string& markdown, bool inline_only) {
    v.set("has_" + name, !markdown.empty());
    v.set(name + "_html", inline_only ? markdown_inline_to_html(markdown) : markdown_to_html(markdown));
    v.set(name + "_md", markdown_twin(markdown));
}

std::string section_url(const model::Section& s) { return "sections/" + s.id + "/"; }

std::string priority_url(const model::Section& s, const model::Priority& p) { return section_url(s) + p.id + "/"; }

namespace {

const model::Subgroup* find_subgroup(const model::Place& place, const std::optional<model::Ref>& ref) {
    if (!ref) return nullptr;
    for (const auto& s : place.subgroups)
        if (s.id == ref->id) return &s;
    return nullptr;
}

size_t success_count(const model::Priority& p) {
    size_t n = 0;
    for (const auto& m : p.success) n += 1 + m.items.size();
    return n;
}

View priority_card(const model::Section& s, const model::Priority& p) {
    View v;
    v.set("title", p.title);
    set_text(v, "number", p.number);
    v.set("url", priority_url(s, p));
    v.set("commitment_count", std::to_string(p.commitments.size()));
    v.set("success_count", std::to_string(success_count(p)));
    return v;
}

View section_card(const model::Place& place, const model::Section& s) {
    View v;
    v.set("title", s.title);
    set_text(v, "number", s.number);
    v.set("url", section_url(s));
    const auto* kind = model::find_kind(place, s.kind.id);
    v.set("kind", kind ? kind->label : s.kind.id);
    const auto* lead = find_subgroup(place, s.lead);
    set_text(v, "lead", lead ? lead->name : std::string{});
    View priorities = list_view();
    for (const auto& p : s.priorities) priorities.push_back(priority_card(s, p));
    v.set("priorities", priorities);
    return v;
}

}  // namespace

View contact_list(const std::vector<model::Contact>& contacts) {
    View list = list_view();
    for (const auto& c : contacts) {
        View v;
        v.set("name", c.name);
        set_text(v, "role", c.role);
        set_text(v, "email", c.email);
        set_text(v, "phone", c.phone);
        list.push_back(v);
    }
    return list;
}

View home_view(const SiteContext& ctx) {
    const auto& place = ctx.place;
    View v;
    v.set("vision", place.vision);
    set_markdown(v, "vision_narrative", place.vision_narrative);
    View groups = list_view();
    for (const auto& kind : place.section_kinds) {
        View sections = list_view();
        for (const auto& s : place.sections)
            if (s.kind.id == kind.id) sections.push_back(section_card(place, s));
        if (sections.is_empty_list()) continue;
        View g;
        g.set("id", kind.id);
        g.set("heading", kind.heading);
        g.set("sections", sections);
        groups.push_back(g);
    }
    v.set("kinds", groups);
    v.set("indicator_table", indicator_table_view(ctx, nullptr));
    v.set("contacts", contact_list(place.contacts));
    v.set("has_contacts", !place.contacts.empty());
    return v;
}

namespace {

bool has_do_commitment(const model::Priority& p) {
    for (const auto& c : p.commitments)
        if (c.tier == model::Tier::do_) return true;
    return false;
}

// The plan's columns (band = false) or its full-width bands (band = true).
View plan_sections(const model::Place& place, bool band) {
    View list = list_view();
    for (const auto& s : place.sections) {
        const auto* kind = model::find_kind(place, s.kind.id);
        if (!kind || kind->band != band) continue;
        View v = section_card(place, s);
        View priorities = list_view();
        for (const auto& p : s.priorities) {
            View pv = priority_card(s, p);
            pv.set("is_do", has_do_commitment(p));
            priorities.push_back(pv);
        }
        v.set("priorities", priorities);
        list.push_back(v);
    }
    return list;
}

View titles(const std::vector<model::Principle>& items) {
    View list = list_view();
    for (const auto& p : items) {
        std::string title = p.title;
        if (!title.empty() && title.back() == '.') title.pop_back();
        list.push_back(View("title", title));
    }
    return list;
}

}  // namespace

View plan_view(const SiteContext& ctx) {
    const auto& place = ctx.place;
    View v;
    v.set("vision", place.vision);
    v.set("columns", plan_sections(place, false));
    v.set("bands", plan_sections(place, true));
    v.set("principles", titles(place.principles));
    v.set("has_principles", !place.principles.empty());
    v.set("enablers", titles(place.enablers));
    v.set("has_enablers", !place.enablers.empty());
    set_text(v, "site_url", place.site_url);
    return v;
}

View section_view(const SiteContext& ctx, const model::Section& s) {
    View v = section_card(ctx.place, s);
    set_markdown(v, "intro", s.intro);
    return v;
}

namespace {

View success_list(const model::Priority& p) {
    View list = list_view();
    for (const auto& m : p.success) {
        View v;
        set_markdown(v, "text", m.text, true);
        View items = list_view();
        for (const auto& item : m.items) {
            View i;
            set_markdown(i, "text", item, true);
            items.push_back(i);
        }
        v.set("items", items);
        v.set("has_items", !m.items.empty());
        list.push_back(v);
    }
    return list;
}

// The latest rating an item was given, linked to the report that gave it, so the strategy's
// pages show where each commitment stands.
void set_progress(View& v, const model::Place& place, const std::string& item_id) {
    for (auto cycle = place.cycles.rbegin(); cycle != place.cycles.rend(); ++cycle)
        for (const auto& u : cycle->updates)
            if (u.item.id == item_id) {
                v.set("has_progress", true);
                v.set("progress", model::rag_label(u.rag));
                v.set("progress_class", std::string("rag-") + model::rag_id(u.rag));
                v.set("progress_date", long_date(cycle->date));
                v.set("progress_url", report_url(*cycle) + "#u-" + item_id);
                v.set("progress_example", u.example || cycle->example);
                return;
            }
    v.set("has_progress", false);
}

View commitment_list(const model::Place& place, const model::Section& s, const model::Priority& p) {
    View list = list_view();
    for (const auto& c : p.commitments) {
        View v;
        set_progress(v, place, c.id);
        v.set("id", c.id);
        set_markdown(v, "text", c.text, true);
        v.set("has_tier", c.tier != model::Tier::unassigned);
        v.set("tier", model::tier_label(c.tier));
        // The section's lead is shown once for the page; only a different lead is worth repeating.
        const auto* lead = find_subgroup(place, c.lead);
        set_text(v, "lead", lead && (!s.lead || s.lead->id != lead->id) ? lead->name : std::string{});
        set_text(v, "due", c.due);
        list.push_back(v);
    }
    return list;
}

View text_list(const std::vector<std::string>& items) {
    View list = list_view();
    for (const auto& t : items) {
        View v;
        set_markdown(v, "text", t, true);
        list.push_back(v);
    }
    return list;
}

View project_list(const model::Place& place, const model::Priority& p) {
    View list = list_view();
    for (const auto& pr : p.projects) {
        View v;
        set_progress(v, place, pr.id);
        v.set("id", pr.id);
        v.set("title", pr.title);
        set_markdown(v, "description", pr.description);
        View kpis = list_view();
        for (const auto& k : pr.kpis) {
            View kv;
            kv.set("name", k.name);
            kv.set("current", k.current);
            kv.set("target", k.target);
            kpis.push_back(kv);
        }
        v.set("kpis", kpis);
        v.set("has_kpis", !pr.kpis.empty());
        set_markdown(v, "governance", pr.governance);
        list.push_back(v);
    }
    return list;
}

void set_logic_model(View& v, const model::Place& place, const model::Priority& p) {
    set_markdown(v, "objective", p.objective);
    v.set("rationale", text_list(p.rationale));
    v.set("has_rationale", !p.rationale.empty());
    v.set("projects", project_list(place, p));
    v.set("has_projects", !p.projects.empty());
    set_text(v, "governance", p.governance);
    v.set("outcomes", text_list(p.outcomes));
    v.set("has_outcomes", !p.outcomes.empty());
    v.set("has_logic_model", !p.objective.empty() || !p.projects.empty() || !p.rationale.empty() ||
                                 !p.outcomes.empty() || !p.governance.empty());
}

View neighbour(const model::Section& s, const model::Priority& p) {
    View v;
    v.set("title", p.title);
    v.set("url", priority_url(s, p));
    return v;
}

}  // namespace

View priority_view(const SiteContext& ctx, const model::Section& s, size_t index) {
    const auto& p = s.priorities[index];
    View v = priority_card(s, p);
    v.set("section_title", s.title);
    v.set("section_url", section_url(s));
    const auto* lead = find_subgroup(ctx.place, s.lead);
    set_text(v, "lead", lead ? lead->name : std::string{});
    set_markdown(v, "narrative", p.narrative);
    set_markdown(v, "where_we_are", p.where_we_are);
    v.set("where_we_are_label", ctx.place.labels.where_we_are);
    v.set("success_label", ctx.place.labels.success);
    v.set("commitments_label", ctx.place.labels.commitments);
    v.set("success", success_list(p));
    v.set("has_success", !p.success.empty());
    v.set("commitments", commitment_list(ctx.place, s, p));
    v.set("has_commitments", !p.commitments.empty());
    v.set("indicator_table", indicator_table_view(ctx, &p.indicators));
    v.set("has_indicators", !p.indicators.empty());
    set_logic_model(v, ctx.place, p);
    if (index > 0) v.set("previous", neighbour(s, s.priorities[index - 1]));
    if (index + 1 < s.priorities.size()) v.set("next", neighbour(s, s.priorities[index + 1]));
    return v;
}

}  // namespace hwbgen::render::detail
