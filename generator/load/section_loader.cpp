#include "load/detail/section_reader.hpp"

namespace hwbgen::load::detail {

namespace {

model::Tier read_tier(const YamlMap& m) {
    const auto t = choice(m, "tier", {"do", "sponsor", "watch"}, false);
    if (!t) return model::Tier::unassigned;
    if (*t == "do") return model::Tier::do_;
    return *t == "sponsor" ? model::Tier::sponsor : model::Tier::watch;
}

std::vector<model::Commitment> read_commitments(const YamlMap& m) {
    std::vector<model::Commitment> out;
    for (const auto& c : m.maps("commitments")) {
        c.allow_only({"id", "text", "tier", "lead", "due"});
        out.push_back(
            {c.text("id", true), c.value_pos("id"), c.text("text", true), read_tier(c), c.ref("lead"), c.text("due")});
    }
    return out;
}

// A success measure is a line of text, or a text with sub-points under 'items'.
std::vector<model::SuccessMeasure> read_success(const YamlMap& m) {
    std::vector<model::SuccessMeasure> out;
    const YAML::Node* list = m.node("success");
    if (!list || !list->IsSequence()) {
        m.texts("success");  // reports a wrong shape
        return out;
    }
    for (const auto& item : *list) {
        if (item.IsMap()) {
            const YamlMap sub(m.context(), item);
            sub.allow_only({"text", "items"});
            out.push_back({sub.text("text", true), sub.texts("items")});
        } else if (item.IsScalar()) {
            if (check_links(m.context(), item)) out.push_back({item.Scalar(), {}});
        } else {
            m.error(pos_of(m.context(), item.Mark()), "expected text in 'success', found an empty item",
                    "remove the empty '- ' line");
        }
    }
    return out;
}

}  // namespace

std::vector<model::Kpi> read_kpis(const YamlMap& m) {
    std::vector<model::Kpi> out;
    for (const auto& k : m.maps("kpis")) {
        k.allow_only({"name", "current", "target"});
        out.push_back({k.text("name", true), k.text("current"), k.text("target")});
    }
    return out;
}

namespace {

std::vector<model::Project> read_projects(const YamlMap& m) {
    std::vector<model::Project> out;
    for (const auto& p : m.maps("projects")) {
        p.allow_only({"id", "title", "description", "kpis", "governance", "lead"});
        out.push_back({p.text("id", true), p.value_pos("id"), p.text("title", true), p.text("description"),
                       read_kpis(p), p.text("governance"), p.ref("lead")});
    }
    return out;
}

model::Priority read_priority(const YamlMap& m) {
    m.allow_only({"id", "number", "title", "narrative", "where_we_are", "success", "commitments", "indicators",
                  "objective", "rationale", "projects", "governance", "outcomes"});
    model::Priority p;
    p.id = m.text("id", true);
    p.pos = m.value_pos("id");
    p.number = m.text("number");
    p.title = m.text("title", true);
    p.narrative = m.text("narrative");
    p.where_we_are = m.text("where_we_are");
    p.success = read_success(m);
    p.commitments = read_commitments(m);
    p.indicators = m.refs("indicators");
    p.objective = m.text("objective");
    p.rationale = m.texts("rationale");
    p.projects = read_projects(m);
    p.governance = m.text("governance");
    p.outcomes = m.texts("outcomes");
    return p;
}

}  // namespace

std::vector<model::EasyReadPoint> read_easy_read_points(const YamlMap& m, const char* key) {
    std::vector<model::EasyReadPoint> out;
    for (const auto& p : m.maps(key)) {
        p.allow_only({"text", "picture", "alt"});
        const YAML::Node* text = p.node("text");
        out.push_back({p.text("text", true), p.value_pos("text"), text && text->Tag() == "!", p.text("picture"),
                       p.value_pos("picture"), p.text("alt")});
        if (!out.back().picture.empty() && out.back().alt.empty())
            p.error(p.value_pos("picture"), "picture '" + out.back().picture + "' has no alt text",
                    "add 'alt:' saying what the picture shows, for people who cannot see it");
    }
    return out;
}

model::Section read_section(const YamlMap& m) {
    m.allow_only({"id", "number", "title", "kind", "lead", "intro", "priorities", "easy_read"});
    model::Section s;
    s.id = m.text("id", true);
    s.pos = m.value_pos("id");
    s.number = m.text("number");
    s.title = m.text("title", true);
    s.kind = {m.text("kind", true), m.value_pos("kind")};
    s.lead = m.ref("lead");
    s.intro = m.text("intro");
    for (const auto& p : m.maps("priorities", true)) s.priorities.push_back(read_priority(p));
    s.easy_read = read_easy_read_points(m, "easy_read");
    return s;
}

model::Page read_page(const YamlMap& m) {
    m.allow_only({"id", "number", "title", "body"});
    return {m.text("id", true), m.value_pos("id"), m.text("number"), m.text("title", true), m.text("body", true)};
}

}  // namespace hwbgen::load::detail
