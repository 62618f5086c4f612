#include "check/check.hpp"

#include "check/detail/ref_checker.hpp"

#include <map>
#include <set>

namespace hwbgen::check {

bool is_slug(const std::string& id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
        if (!ok) return false;
    }
    return true;
}

namespace {

// Ids are folder names and parts of addresses: far below any file system's 255-byte limit.
constexpr size_t max_id_length = 80;

using detail::ids_of;
using detail::RefChecker;

// Ids share one namespace per place, because they become URLs and cycle files refer to them.
class IdRegistry {
public:
    explicit IdRegistry(diag::Diagnostics& diags) : diags_(diags) {}

    void add(const std::string& id, const diag::SourcePos& pos, const char* what) {
        if (id.empty()) return;  // already reported as missing
        if (id.size() > max_id_length) {
            diags_.error(pos,
                         std::string(what) + " id is " + std::to_string(id.size()) +
                             " characters long, over the limit of " + std::to_string(max_id_length),
                         "ids become folder names in the site's addresses; use a few words, e.g. 'early-years'");
            return;
        }
        if (!is_slug(id)) {
            diags_.error(pos, std::string("invalid ") + what + " id '" + id + "'",
                         "use lower-case letters, digits and hyphens, e.g. 'early-years'");
            return;
        }
        const auto [it, added] = seen_.emplace(id, pos);
        if (!added)
            diags_.error(pos, "duplicate id '" + id + "'",
                         "it is already used at " + it->second.file + ":" + std::to_string(it->second.line) + ":" +
                             std::to_string(it->second.column) + "; every id in a place must be different");
    }

private:
    diag::Diagnostics& diags_;
    std::map<std::string, diag::SourcePos> seen_;
};

void register_ids(const model::Place& place, diag::Diagnostics& diags) {
    IdRegistry ids(diags);
    for (const auto& s : place.subgroups) ids.add(s.id, s.pos, "sub-group");
    for (const auto& g : place.plus_groups) ids.add(g.id, g.pos, "PLUS group");
    for (const auto& page : place.pages) ids.add(page.id, page.pos, "page");
    for (const auto& s : place.sections) {
        ids.add(s.id, s.pos, "section");
        for (const auto& p : s.priorities) {
            ids.add(p.id, p.pos, "priority");
            for (const auto& c : p.commitments) ids.add(c.id, c.pos, "commitment");
            for (const auto& pr : p.projects) ids.add(pr.id, pr.pos, "project");
        }
    }
}

// With a file of the place unread, names it held look unknown; only indicators, which come
// from indicators/, are still checked then, so the other reports would be false alarms.
void check_references(const model::Place& place, const model::IndicatorSet& indicators, diag::Diagnostics& diags) {
    const RefChecker indicator(diags, "indicator", ids_of(indicators.definitions));
    for (const auto& s : place.sections)
        for (const auto& p : s.priorities)
            for (const auto& r : p.indicators) indicator(r);
    if (!place.read_cleanly) return;
    const RefChecker subgroup(diags, "sub-group", ids_of(place.subgroups));
    const RefChecker section(diags, "section", ids_of(place.sections));
    const RefChecker kind(diags, "section kind", ids_of(place.section_kinds));
    for (const auto& s : place.subgroups)
        for (const auto& r : s.covers) section(r);
    for (const auto& t : place.timetable) subgroup(t.lead);
    for (const auto& s : place.sections) {
        subgroup(s.lead);
        kind(s.kind);
        for (const auto& p : s.priorities) {
            for (const auto& c : p.commitments) subgroup(c.lead);
            for (const auto& pr : p.projects) subgroup(pr.lead);
        }
    }
}

// Free pages live beside the site's own folders, so they must not take their names.
void check_page_names(const model::Place& place, diag::Diagnostics& diags) {
    static const std::set<std::string> reserved = {"assets",         "sections",   "indicators",   "glossary",
                                                   "foreword",       "principles", "subgroups",    "timetable",
                                                   "accessibility",  "reports",    "board-papers", "easy-read",
                                                   "plan-on-a-page", "about-data", "contacts",     "search",
                                                   "strategy",       "data",       "pagefind"};
    for (const auto& page : place.pages)
        if (reserved.count(page.id))
            diags.error(page.pos, "page id '" + page.id + "' is used by the site itself",
                        "choose another id, e.g. 'our-" + page.id + "'");
}

// site_url becomes every page's canonical link and the sitemap's addresses: a web address only.
void check_site_url(const model::Place& place, diag::Diagnostics& diags) {
    const std::string& url = place.site_url;
    if (url.empty()) return;
    const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    const bool plain = url.find_first_of(" \t\r\n\"'<>`\\") == std::string::npos;
    if (!web || !plain || url.find("://") + 3 >= url.size())
        diags.error(place.pos, "site_url '" + url + "' is not a web address",
                    "write the address where the site is published, e.g. https://example.org/jhws");
}

void check_glossary(const model::Place& place, diag::Diagnostics& diags) {
    std::set<std::string> terms;
    for (const auto& g : place.glossary)
        if (!g.term.empty() && !terms.insert(g.term).second)
            diags.error(g.pos, "glossary term '" + g.term + "' is listed twice", "remove one of them");
}

}  // namespace

void check_place(const model::Place& place, const model::IndicatorSet& indicators, diag::Diagnostics& diags) {
    const int errors_before = diags.error_count();
    register_ids(place, diags);
    check_references(place, indicators, diags);
    check_page_names(place, diags);
    check_site_url(place, diags);
    check_glossary(place, diags);
    // Cycles refer to the strategy's ids: with those broken, every update would be reported too.
    if (diags.error_count() == errors_before && place.read_cleanly) {
        check_cycles(place, diags);
        check_cycle_figures(place, indicators, diags);
    }
}

namespace {

// Two rows for the same breakdown and period: the first is used, the other reported.
void check_duplicate_rows(const model::IndicatorSet& indicators, diag::Diagnostics& diags) {
    std::map<std::string, diag::SourcePos> seen;
    for (const auto& r : indicators.values) {
        const std::string key = std::to_string(r.indicator_id) + "|" + r.definition_id + "|" + r.area_code + "|" +
                                r.sex + "|" + r.age + "|" + r.category_type + "|" + r.category + "|" + r.time_period;
        const auto [it, added] = seen.emplace(key, r.pos);
        if (!added)
            diags.warning(r.pos, "duplicate row for " + r.area_code + ", " + r.time_period + "; it is ignored",
                          "the row at " + it->second.file + ":" + std::to_string(it->second.line) + " is used");
    }
}

void check_definitions_have_rows(const model::IndicatorSet& indicators, diag::Diagnostics& diags) {
    for (const auto& d : indicators.definitions) {
        bool found = false;
        for (const auto& r : indicators.values) found = found || model::row_matches(d, r);
        if (!found && !d.id.empty())
            diags.warning(d.pos, "no data rows for indicator '" + d.id + "'",
                          "add its download with 'hwbgen import-fingertips FILE', or check its fingertips_id");
    }
}

}  // namespace

void check_indicators(const model::IndicatorSet& indicators, diag::Diagnostics& diags) {
    IdRegistry ids(diags);
    for (const auto& d : indicators.definitions) ids.add(d.id, d.pos, "indicator");
    check_duplicate_rows(indicators, diags);
    check_definitions_have_rows(indicators, diags);
}

}  // namespace hwbgen::check
