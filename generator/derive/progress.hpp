#pragma once
/// Progress on the strategy, cycle by cycle: RAG counts, what changed since the previous cycle,
/// what needs the board's attention, and which indicators changed significantly.
#include <array>
#include <string>
#include <vector>

#include "derive/indicator_figures.hpp"
#include "model/strategy.hpp"

namespace hwbgen::derive {

/// A commitment or logic-model project that progress updates report on.
struct Item {
    std::string id;
    bool is_project = false;
    std::string text;  ///< the commitment's text or the project's title, Markdown
    const model::Section* section = nullptr;
    const model::Priority* priority = nullptr;
    const model::Subgroup* owner = nullptr;  ///< the commitment's lead, else its section's; may be null
    model::Tier tier = model::Tier::unassigned;
};

/// Every item of the place, in the strategy's order.
std::vector<Item> strategy_items(const model::Place& place);

struct RagCounts {
    std::array<int, model::rag_count> by_rag{};
    int total() const;
    void add(model::Rag rag) { ++by_rag[static_cast<size_t>(rag)]; }
};

enum class Change { none, added, moved, completed };

/// One item's update in a cycle, beside its update in the cycle before.
struct ItemProgress {
    const Item* item = nullptr;
    const model::Update* update = nullptr;
    const model::Update* previous = nullptr;  ///< null when the previous cycle did not report it
    Change change = Change::none;
};

template <class Group>
struct GroupCounts {
    const Group* group = nullptr;  ///< null for "no sub-group"
    RagCounts counts;
};

struct CycleProgress {
    const model::Cycle* cycle = nullptr;
    const model::Cycle* previous = nullptr;
    std::vector<ItemProgress> items;  ///< items updated this cycle, in the strategy's order
    RagCounts overall;
    std::vector<GroupCounts<model::Section>> by_section;    ///< sections with updates, in order
    std::vector<GroupCounts<model::Subgroup>> by_subgroup;  ///< sub-groups with updates, in order
    std::vector<const Item*> dropped;                       ///< reported last cycle, not this one
};

/// Progress in place.cycles[index], compared with the cycle before it. `items` must outlive it.
CycleProgress cycle_progress(const model::Place& place, const std::vector<Item>& items, size_t index);

/// An indicator whose latest value, as known at a cycle, differs from its value a period
/// earlier by more than chance (the two 95% confidence intervals do not overlap).
struct IndicatorChange {
    const IndicatorFigure* figure = nullptr;
    const model::IndicatorValue* before = nullptr;
    const model::IndicatorValue* after = nullptr;
    std::string direction;  ///< "improved", "worsened", "increased" or "decreased"
};

/// Indicators that changed significantly between their last two periods ending by the cycle's
/// year. A figure's series is taken as it stands, so later data does not change an older report.
std::vector<IndicatorChange> indicator_changes(const std::vector<IndicatorFigure>& figures, const model::Cycle& cycle);

/// The last year a period covers: "2020/21" -> 2021, "2018 - 20" -> 2020, "2019" -> 2019; 0 if none.
int period_end_year(const std::string& period);

}  // namespace hwbgen::derive
