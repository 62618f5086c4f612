#include <algorithm>
#include <map>

#include "check/check.hpp"
#include "check/detail/ref_checker.hpp"

namespace hwbgen::check {

namespace {

using detail::ids_of;
using detail::RefChecker;

// The pages of the site an appendix may link to, besides a web address.
const std::vector<std::string>& appendix_pages() {
    static const std::vector<std::string> pages = {"outcomes-report", "plan-on-a-page", "strategy",
                                                   "easy-read",       "report",         "indicators"};
    return pages;
}

std::vector<std::string> item_ids(const model::Place& place) {
    std::vector<std::string> ids;
    for (const auto& s : place.sections)
        for (const auto& p : s.priorities) {
            for (const auto& c : p.commitments) ids.push_back(c.id);
            for (const auto& pr : p.projects) ids.push_back(pr.id);
        }
    return ids;
}

std::string where(const diag::SourcePos& pos) {
    return pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

void check_updates(const model::Place& place, const model::Cycle& cycle, diag::Diagnostics& diags) {
    const RefChecker item(diags, "commitment or project", item_ids(place), "commitments and projects");
    const RefChecker plus_group(diags, "PLUS group", ids_of(place.plus_groups));
    std::map<std::string, diag::SourcePos> seen;
    for (const auto& u : cycle.updates) {
        if (u.item.id.empty()) continue;
        item(u.item);
        for (const auto& g : u.plus_groups) plus_group(g.group);
        const auto [it, added] = seen.emplace(u.item.id, u.item.pos);
        if (!added)
            diags.error(u.item.pos, "'" + u.item.id + "' has two updates in this cycle",
                        "merge them into the one at " + where(it->second));
    }
}

void check_dates(const model::Cycle& cycle, const model::Cycle* previous, diag::Diagnostics& diags) {
    if (cycle.date.size() != 10) return;  // missing or malformed: already reported
    if (previous && previous->date.size() == 10 && cycle.date <= previous->date)
        diags.error(cycle.date_pos,
                    "cycle " + cycle.id + " is dated " + cycle.date + ", not after the previous cycle " + previous->id +
                        " (" + previous->date + ")",
                    "cycles follow each other: check the date, or the file name of one of them");
    else if (cycle.date.compare(0, 7, cycle.id) != 0)
        diags.error(cycle.date_pos,
                    "the date " + cycle.date + " is not in " + cycle.id + ", the month the file name gives",
                    "rename the file to " + cycle.date.substr(0, 7) + ".yaml, or correct the date");
}

void check_appendices(const model::BoardPaper& paper, diag::Diagnostics& diags) {
    for (const auto& a : paper.appendices) {
        if (a.link.empty() || a.link.rfind("https://", 0) == 0 || a.link.rfind("http://", 0) == 0) continue;
        bool known = false;
        for (const auto& p : appendix_pages()) known = known || p == a.link;
        if (known) continue;
        std::string hint = diag::did_you_mean(a.link, appendix_pages());
        diags.error(a.pos, "unknown appendix link '" + a.link + "'",
                    hint.empty() ? "link to a web address (https://...) or one of: outcomes-report, plan-on-a-page, "
                                   "strategy, easy-read, report, indicators"
                                 : hint);
    }
}

// Generated blocks by name; paragraphs new-cycle carried forward, until someone has read them.
void check_blocks(const model::Cycle& cycle, diag::Diagnostics& diags) {
    const auto& names = model::generated_block_names();
    for (const auto& section : cycle.paper->sections)
        for (const auto& b : section.blocks) {
            if (!b.generated.empty() && std::find(names.begin(), names.end(), b.generated) == names.end()) {
                std::string hint = diag::did_you_mean(b.generated, names);
                diags.error(b.pos, "unknown generated block '" + b.generated + "'",
                            hint.empty() ? "the blocks are: progress-at-a-glance, escalations, changes, "
                                           "indicator-changes, timetable"
                                         : hint);
            }
            if (!b.review.empty())
                diags.warning(b.pos, "this paragraph is still marked for review (" + b.review + ")",
                              "read it, bring it up to date for this meeting, then delete its 'review:' line");
        }
}

}  // namespace

void check_cycles(const model::Place& place, diag::Diagnostics& diags) {
    const RefChecker subgroup(diags, "sub-group", ids_of(place.subgroups));
    const model::Cycle* previous = nullptr;
    for (const auto& cycle : place.cycles) {
        check_updates(place, cycle, diags);
        check_dates(cycle, previous, diags);
        for (const auto& s : cycle.subgroup_updates) subgroup(s.subgroup);
        if (cycle.paper) check_appendices(*cycle.paper, diags);
        if (cycle.paper) check_blocks(cycle, diags);
        previous = &cycle;
    }
}

}  // namespace hwbgen::check
