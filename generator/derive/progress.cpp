#include "derive/progress.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "derive/indicator_stats.hpp"

namespace hwbgen::derive {

namespace {

const model::Subgroup* subgroup_of(const model::Place& place, const std::optional<model::Ref>& ref) {
    if (!ref) return nullptr;
    for (const auto& s : place.subgroups)
        if (s.id == ref->id) return &s;
    return nullptr;
}

Change change_of(const model::Update& now, const model::Update* before) {
    if (!before) return Change::added;
    if (now.rag == model::Rag::complete && before->rag != model::Rag::complete) return Change::completed;
    return now.rag == before->rag ? Change::none : Change::moved;
}

std::map<std::string, const model::Update*> updates_by_item(const model::Cycle* cycle) {
    std::map<std::string, const model::Update*> out;
    if (cycle)
        for (const auto& u : cycle->updates) out.emplace(u.item.id, &u);
    return out;
}

template <class Group>
void count_in(std::vector<GroupCounts<Group>>& groups, const Group* group, model::Rag rag) {
    for (auto& g : groups)
        if (g.group == group) return g.counts.add(rag);
    groups.push_back({group, {}});
    groups.back().counts.add(rag);
}

// Sub-groups in the order place.yaml lists them, with "no sub-group" last.
void order_subgroups(const model::Place& place, std::vector<GroupCounts<model::Subgroup>>& groups) {
    auto rank = [&](const model::Subgroup* s) { return s ? s - place.subgroups.data() : 1 << 20; };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const auto& a, const auto& b) { return rank(a.group) < rank(b.group); });
}

}  // namespace

int RagCounts::total() const {
    int n = 0;
    for (int c : by_rag) n += c;
    return n;
}

std::vector<Item> strategy_items(const model::Place& place) {
    std::vector<Item> out;
    for (const auto& s : place.sections)
        for (const auto& p : s.priorities) {
            for (const auto& c : p.commitments)
                out.push_back({c.id, false, c.text, &s, &p, subgroup_of(place, c.lead ? c.lead : s.lead), c.tier});
            for (const auto& pr : p.projects)
                out.push_back({pr.id, true, pr.title, &s, &p, subgroup_of(place, pr.lead ? pr.lead : s.lead),
                               model::Tier::unassigned});
        }
    return out;
}

CycleProgress cycle_progress(const model::Place& place, const std::vector<Item>& items, size_t index) {
    CycleProgress out;
    out.cycle = &place.cycles.at(index);
    out.previous = index > 0 ? &place.cycles[index - 1] : nullptr;
    const auto now = updates_by_item(out.cycle);
    const auto before = updates_by_item(out.previous);
    for (const auto& item : items) {
        const auto n = now.find(item.id);
        const auto b = before.find(item.id);
        const model::Update* previous = b == before.end() ? nullptr : b->second;
        if (n == now.end()) {
            if (previous) out.dropped.push_back(&item);
            continue;
        }
        const auto rag = n->second->rag;
        out.items.push_back(
            {&item, n->second, previous, out.previous ? change_of(*n->second, previous) : Change::none});
        out.overall.add(rag);
        count_in(out.by_section, item.section, rag);
        count_in(out.by_subgroup, item.owner, rag);
    }
    order_subgroups(place, out.by_subgroup);
    return out;
}

int period_end_year(const std::string& period) {
    int best = 0, prefix = 0;  // prefix: the century of the last full year, for "2020/21"
    for (size_t i = 0; i < period.size();) {
        size_t j = i;
        while (j < period.size() && std::isdigit(static_cast<unsigned char>(period[j]))) ++j;
        const size_t len = j - i;
        if (len == 4) {
            const int year = std::stoi(period.substr(i, 4));
            prefix = year / 100 * 100;
            best = std::max(best, year);
        } else if (len == 2 && prefix) {
            best = std::max(best, prefix + std::stoi(period.substr(i, 2)));
        }
        i = j == i ? i + 1 : j;
    }
    return best;
}

std::vector<IndicatorChange> indicator_changes(const std::vector<IndicatorFigure>& figures, const model::Cycle& cycle) {
    std::vector<IndicatorChange> out;
    const int cycle_year = period_end_year(cycle.date.substr(0, 4));
    for (const auto& f : figures) {
        std::vector<const model::IndicatorValue*> known;
        for (const auto* row : f.series)
            if (row->value && period_end_year(row->time_period) <= cycle_year) known.push_back(row);
        if (known.size() < 2) continue;
        const auto* before = known[known.size() - 2];
        const auto* after = known.back();
        const auto significant = significant_change(interval_of(before->lower95, before->upper95),
                                                    interval_of(after->lower95, after->upper95));
        if (!significant || !*significant) continue;
        const bool up = *after->value > *before->value;
        std::string direction = up ? "increased" : "decreased";
        if (f.definition->polarity != model::Polarity::no_judgement)
            direction = up == (f.definition->polarity == model::Polarity::higher_is_better) ? "improved" : "worsened";
        out.push_back({&f, before, after, direction});
    }
    return out;
}

}  // namespace hwbgen::derive
