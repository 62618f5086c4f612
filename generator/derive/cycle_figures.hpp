#pragma once
/// The figures a cycle's text may cite by name (see model/figures.hpp), worked out once per
/// cycle from its progress, the indicators and, for an annual cycle, every cycle of its year.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "derive/indicator_figures.hpp"
#include "derive/progress.hpp"
#include "model/figures.hpp"

namespace hwbgen::derive {

/// A figure's value, not yet worded: render decides words or digits.
struct FigureValue {
    enum class Kind { count, text, date, comparison };
    Kind kind = Kind::count;
    int count = 0;
    std::string text;  ///< text as is; a date as yyyy-mm-dd; a comparison in Fingertips' word ("Better")
};

/// Counts for one section or sub-group, or the whole cycle.
struct GroupTally {
    RagCounts ratings;
    int escalations = 0;
};

class CycleFigures {
public:
    /// For place.cycles[index]. `place`, `items` and `figures` must outlive it.
    CycleFigures(const model::Place& place, const std::vector<Item>& items, const std::vector<IndicatorFigure>& figures,
                 size_t index);

    /// The value `ref` names; nothing when the cycle has no such value (an indicator without
    /// data, the previous date of a first cycle). Names are checked before derive runs.
    std::optional<FigureValue> value(const model::FigureRef& ref) const;

    const CycleProgress& progress() const { return progress_; }
    const std::vector<IndicatorChange>& indicator_changes() const { return changes_; }
    const model::Place& place() const { return *place_; }

private:
    std::optional<int> count(const std::string& name, const std::string& group) const;
    std::optional<FigureValue> indicator_value(const std::string& name, const std::string& id) const;
    void tally_year(const std::vector<Item>& items, size_t index);

    const model::Place* place_;
    const std::vector<IndicatorFigure>* figures_;
    CycleProgress progress_;
    std::vector<IndicatorChange> changes_;
    std::map<std::string, GroupTally> groups_;  ///< by section or sub-group id; "" for the whole cycle
    std::map<std::string, int> counts_;         ///< the cycle-wide counts by figure name
};

/// Ratings in their order of progress: a higher rank is further on.
inline int rag_rank(model::Rag rag) { return static_cast<int>(rag); }

}  // namespace hwbgen::derive
