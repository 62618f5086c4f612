#include "derive/cycle_figures.hpp"

#include <set>

namespace hwbgen::derive {

namespace {

void tally(GroupTally& t, const ItemProgress& p) {
    t.ratings.add(p.update->rag);
    if (!p.update->escalation.empty()) ++t.escalations;
}

bool moved_up(const ItemProgress& p) { return p.previous && rag_rank(p.update->rag) > rag_rank(p.previous->rag); }
bool moved_down(const ItemProgress& p) { return p.previous && rag_rank(p.update->rag) < rag_rank(p.previous->rag); }

// The counts of one cycle's changes that the year figures add up.
std::map<std::string, int> change_counts(const CycleProgress& progress) {
    std::map<std::string, int> out{
        {"completed", 0}, {"moved-up", 0}, {"moved-down", 0}, {"new", 0}, {"escalations", 0}};
    for (const auto& p : progress.items) {
        out["completed"] += p.change == Change::completed;
        out["moved-up"] += moved_up(p);
        out["moved-down"] += moved_down(p);
        out["new"] += p.change == Change::added;
        out["escalations"] += !p.update->escalation.empty();
    }
    out["not-reported"] = int(progress.dropped.size());
    return out;
}

// The cycles of the year an annual cycle reports on: every one since the previous annual cycle.
size_t year_start(const model::Place& place, size_t index) {
    size_t first = index;
    while (first > 0 && !place.cycles[first - 1].annual) --first;
    return first;
}

}  // namespace

CycleFigures::CycleFigures(const model::Place& place, const std::vector<Item>& items,
                           const std::vector<IndicatorFigure>& figures, size_t index)
    : place_(&place), figures_(&figures), progress_(cycle_progress(place, items, index)),
      changes_(derive::indicator_changes(figures, place.cycles.at(index))) {
    for (const auto& p : progress_.items) {
        tally(groups_[""], p);
        tally(groups_[p.item->section->id], p);
        if (p.item->owner) tally(groups_[p.item->owner->id], p);
    }
    counts_ = change_counts(progress_);
    counts_["significant-changes"] = int(changes_.size());
    counts_["improved"] = counts_["worsened"] = 0;
    for (const auto& c : changes_) {
        if (c.direction == "improved") ++counts_["improved"];
        if (c.direction == "worsened") ++counts_["worsened"];
    }
    if (place.cycles[index].annual) tally_year(items, index);
}

void CycleFigures::tally_year(const std::vector<Item>& items, size_t index) {
    const size_t first = year_start(*place_, index);
    std::set<std::string> completed;
    counts_["year-meetings"] = int(index - first + 1);
    for (size_t i = first; i <= index; ++i) {
        const auto progress = i == index ? progress_ : cycle_progress(*place_, items, i);
        for (const auto& [name, n] : change_counts(progress))
            if (name != "completed") counts_["year-" + name] += n;
        for (const auto& p : progress.items)
            if (p.change == Change::completed) completed.insert(p.item->id);
    }
    counts_["year-completed"] = int(completed.size());
}

std::optional<int> CycleFigures::count(const std::string& name, const std::string& group) const {
    if (const auto it = counts_.find(name); it != counts_.end() && group.empty()) return it->second;
    const auto g = groups_.find(group);
    const GroupTally empty;
    const GroupTally& t = g == groups_.end() ? empty : g->second;
    if (name == "reported") return t.ratings.total();
    if (name == "escalations") return t.escalations;
    for (int r = 0; r < model::rag_count; ++r)
        if (name == model::rag_id(model::Rag(r))) return t.ratings.by_rag[size_t(r)];
    return std::nullopt;
}

std::optional<FigureValue> CycleFigures::indicator_value(const std::string& name, const std::string& id) const {
    for (const auto& f : *figures_) {
        if (f.definition->id != id) continue;
        if (!f.latest || !f.latest->value) return std::nullopt;
        if (name == "value") return FigureValue{FigureValue::Kind::text, 0, format_value(*f.latest->value)};
        if (name == "unit") return FigureValue{FigureValue::Kind::text, 0, f.definition->unit};
        if (name == "period") return FigureValue{FigureValue::Kind::text, 0, f.latest->time_period};
        if (name == "compared") return FigureValue{FigureValue::Kind::comparison, 0, f.compared};
        if (name == "england" && f.england && f.england->value)
            return FigureValue{FigureValue::Kind::text, 0, format_value(*f.england->value)};
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<FigureValue> CycleFigures::value(const model::FigureRef& ref) const {
    const model::FigureName* name = model::find_figure_name(ref.name, ref.preposition);
    if (!name) return std::nullopt;
    if (name->target == model::FigureTarget::indicator) return indicator_value(ref.name, ref.target);
    const auto& cycle = *progress_.cycle;
    using K = FigureValue::Kind;
    if (ref.name == "meeting") return FigureValue{K::text, 0, cycle.meeting};
    if (ref.name == "date") return FigureValue{K::date, 0, cycle.date};
    if (ref.name == "period")
        return cycle.period.empty() ? std::nullopt : std::optional(FigureValue{K::text, 0, cycle.period});
    if (ref.name == "previous-date")
        return progress_.previous ? std::optional(FigureValue{K::date, 0, progress_.previous->date}) : std::nullopt;
    if (const auto n = count(ref.name, ref.target)) return FigureValue{K::count, *n, {}};
    return std::nullopt;
}

}  // namespace hwbgen::derive
