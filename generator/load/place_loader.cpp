// place.yaml: the board, the strategy's framing and the people behind it.
#include "load/detail/cached_read.hpp"
#include "load/detail/cycle_reader.hpp"
#include "load/detail/section_reader.hpp"
#include "load/detail/yaml_file.hpp"
#include "load/load.hpp"

namespace hwbgen::load {

using detail::YamlMap;

namespace {

std::vector<model::Principle> read_principles(const YamlMap& m, const char* key) {
    std::vector<model::Principle> out;
    for (const auto& p : m.maps(key)) {
        p.allow_only({"title", "text"});
        out.push_back({p.text("title", true), p.text("text")});
    }
    return out;
}

std::vector<model::GlossaryEntry> read_glossary(const YamlMap& m) {
    std::vector<model::GlossaryEntry> out;
    for (const auto& g : m.maps("glossary")) {
        g.allow_only({"term", "meaning", "easy_read", "abbreviation"});
        out.push_back({g.text("term", true), g.value_pos("term"), g.text("meaning", true), g.text("easy_read"),
                       g.flag("abbreviation", true)});
    }
    return out;
}

std::vector<model::Subgroup> read_subgroups(const YamlMap& m) {
    std::vector<model::Subgroup> out;
    for (const auto& s : m.maps("subgroups")) {
        s.allow_only({"id", "name", "short_name", "covers", "description", "focus"});
        out.push_back({s.text("id", true), s.value_pos("id"), s.text("name", true), s.text("short_name"),
                       s.refs("covers"), s.text("description"), s.texts("focus")});
    }
    return out;
}

std::vector<model::TimetableEntry> read_timetable(const YamlMap& m) {
    std::vector<model::TimetableEntry> out;
    for (const auto& t : m.maps("timetable")) {
        t.allow_only({"month", "subject", "lead"});
        out.push_back({t.text("month", true), t.text("subject", true), t.ref("lead")});
    }
    return out;
}

std::vector<model::Contact> read_contacts(const YamlMap& m) {
    std::vector<model::Contact> out;
    for (const auto& c : m.maps("contacts")) {
        c.allow_only({"name", "role", "email", "phone"});
        out.push_back({c.text("name", true), c.text("role"), c.email("email"), c.text("phone")});
    }
    return out;
}

std::vector<model::PlusGroup> read_plus_groups(const YamlMap& m) {
    std::vector<model::PlusGroup> out;
    for (const auto& g : m.maps("plus_groups")) {
        g.allow_only({"id", "name", "description"});
        out.push_back({g.text("id", true), g.value_pos("id"), g.text("name", true), g.text("description")});
    }
    return out;
}

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = char(s[0] - 'A' + 'a');
    return s;
}

std::vector<model::SectionKind> read_section_kinds(const YamlMap& m) {
    if (!m.has("section_kinds")) return model::default_section_kinds();
    std::vector<model::SectionKind> out;
    for (const auto& k : m.maps("section_kinds")) {
        k.allow_only({"id", "label", "plural", "heading", "plan"});
        const auto plan = detail::choice(k, "plan", {"column", "band"}, false);
        model::SectionKind kind{k.text("id", true), k.value_pos("id"), k.text("label", true), k.text("heading"),
                                plan == std::optional<std::string>("band")};
        // The home page's heading over these sections: "Our themes" unless worded otherwise.
        if (kind.heading.empty())
            kind.heading = "Our " + lower_first(k.has("plural") ? k.text("plural") : kind.label + "s");
        out.push_back(kind);
    }
    return out;
}

void read_labels(const YamlMap& m, model::Labels& labels) {
    const auto l = m.map("labels");
    if (!l) return;
    l->allow_only({"where_we_are", "success", "commitments"});
    if (l->has("where_we_are")) labels.where_we_are = l->text("where_we_are");
    if (l->has("success")) labels.success = l->text("success");
    if (l->has("commitments")) labels.commitments = l->text("commitments");
}

void read_framing(const YamlMap& m, model::Place& place) {
    if (const auto s = m.map("strategy", true)) {
        s->allow_only({"title", "years", "status"});
        place.strategy = {s->text("title", true), s->text("years", true), s->text("status")};
    }
    place.vision = m.text("vision", true);
    place.vision_narrative = m.text("vision_narrative");
    if (const auto f = m.map("foreword")) {
        f->allow_only({"body", "signed"});
        place.foreword = {f->text("body", true), f->texts("signed")};
    }
    place.principles_intro = m.text("principles_intro");
    place.principles = read_principles(m, "principles");
    place.enablers_intro = m.text("enablers_intro");
    place.enablers = read_principles(m, "enablers");
}

// A place's own hard words, each with the plain words to use instead.
std::vector<model::PlainWord> read_plain_words(const YamlMap& m, const char* key) {
    std::vector<model::PlainWord> out;
    for (const auto& w : m.maps(key)) {
        w.allow_only({"word", "instead"});
        out.push_back({w.text("word", true), w.text("instead", true), w.value_pos("word")});
    }
    return out;
}

void read_easy_read(const YamlMap& m, model::Place& place) {
    if (const auto e = m.map("easy_read")) {
        e->allow_only({"title", "intro", "vision", "how_we_will_know", "contact"});
        auto& er = place.easy_read;
        er.title = e->text("title");
        er.intro = detail::read_easy_read_points(*e, "intro");
        er.vision = detail::read_easy_read_points(*e, "vision");
        er.how_we_will_know = detail::read_easy_read_points(*e, "how_we_will_know");
        er.contact = detail::read_easy_read_points(*e, "contact");
    }
    if (const auto rules = m.map("easy_read_rules")) {
        place.easy_read_rules_pos = rules->pos();
        for (const auto& [name, level] : rules->entries()) {
            (void)level;
            if (const auto v = detail::choice(*rules, name.c_str(), {"error", "warning", "off"}, true))
                place.easy_read_rules.emplace_back(name, *v);
        }
    }
    if (const auto words = m.map("easy_read_words")) {
        words->allow_only({"jargon", "idioms", "accepted"});
        place.easy_read_words.jargon = read_plain_words(*words, "jargon");
        place.easy_read_words.idioms = read_plain_words(*words, "idioms");
        place.easy_read_words.accepted = words->texts("accepted");
    }
}

void read_place_file(const YamlMap& m, model::Place& place) {
    m.allow_only({"name",
                  "area_code",
                  "board",
                  "site_url",
                  "strategy",
                  "vision",
                  "vision_narrative",
                  "foreword",
                  "principles_intro",
                  "principles",
                  "enablers_intro",
                  "enablers",
                  "glossary",
                  "subgroups",
                  "timetable",
                  "contacts",
                  "comparators",
                  "labels",
                  "easy_read",
                  "easy_read_rules",
                  "easy_read_words",
                  "plus_groups",
                  "section_kinds"});
    place.pos = m.pos();
    place.name = m.text("name", true);
    place.area_code = m.text("area_code", true);
    place.board = m.text("board", true);
    place.site_url = m.web_address("site_url");
    read_framing(m, place);
    place.glossary = read_glossary(m);
    place.subgroups = read_subgroups(m);
    place.timetable = read_timetable(m);
    place.contacts = read_contacts(m);
    place.plus_groups = read_plus_groups(m);
    place.section_kinds = read_section_kinds(m);
    place.comparators = m.texts("comparators");
    read_labels(m, place.labels);
    read_easy_read(m, place);
}

// File names give the cycle ids, so sorted files are cycles oldest first.
void read_cycles(const ContentTree& tree, const std::string& dir, model::Place& place, diag::Diagnostics& diags,
                 ParseCache* cache, int& unread) {
    for (const auto& path : detail::yaml_files(tree, dir)) {
        const auto id = detail::cycle_id_of(path);
        if (!id) {
            diags.error({path, 0, 0}, "a cycle file must be named after its meeting's month, like 2022-12.yaml",
                        "rename the file to the year and month of the board meeting");
            continue;
        }
        const auto read = [&](const YamlMap& m) -> detail::FileModel { return detail::read_cycle(m, *id); };
        if (auto cycle = detail::read_cached(cache, tree, path, diags, read))
            place.cycles.push_back(std::get<model::Cycle>(std::move(*cycle)));
        else
            ++unread;
    }
}

}  // namespace

std::vector<std::string> find_places(const ContentTree& tree) {
    std::vector<std::string> out;
    for (const auto& folder : tree.folders("content"))
        if (tree.has_entry("content/" + folder + "/place.yaml")) out.push_back(folder);
    return out;
}

void check_theme_files(const ContentTree& tree, diag::Diagnostics& diags) {
    detail::report_unusable_files(tree, "templates", diags);
}

model::Place load_place(const ContentTree& tree, const std::string& place_id, diag::Diagnostics& diags,
                        ParseCache* cache) {
    const std::string dir = "content/" + place_id;
    int unread = detail::report_unusable_files(tree, dir, diags);
    const auto read_place = [](const YamlMap& m) -> detail::FileModel {
        model::Place fields;
        read_place_file(m, fields);
        return fields;
    };
    model::Place place;
    if (auto fields = detail::read_cached(cache, tree, dir + "/place.yaml", diags, read_place)) {
        place = std::get<model::Place>(std::move(*fields));
    } else {
        place.pos = {dir + "/place.yaml", 0, 0};
        ++unread;
    }
    place.id = place_id;
    const auto read_section = [](const YamlMap& m) -> detail::FileModel { return detail::read_section(m); };
    for (const auto& path : detail::yaml_files(tree, dir + "/sections")) {
        if (auto section = detail::read_cached(cache, tree, path, diags, read_section))
            place.sections.push_back(std::get<model::Section>(std::move(*section)));
        else
            ++unread;
    }
    const auto read_page = [](const YamlMap& m) -> detail::FileModel { return detail::read_page(m); };
    for (const auto& path : detail::yaml_files(tree, dir + "/pages")) {
        if (auto page = detail::read_cached(cache, tree, path, diags, read_page))
            place.pages.push_back(std::get<model::Page>(std::move(*page)));
        else
            ++unread;
    }
    read_cycles(tree, dir + "/cycles", place, diags, cache, unread);
    place.read_cleanly = unread == 0;
    return place;
}

}  // namespace hwbgen::load
