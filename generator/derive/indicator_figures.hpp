#pragma once
/// The figures a place's pages show for each indicator: its latest value, England's value for
/// the same period, and how the two compare.
#include <map>
#include <string>
#include <vector>

#include "derive/indicator_stats.hpp"
#include "model/indicator.hpp"
#include "model/strategy.hpp"

namespace hwbgen::derive {

struct IndicatorFigure {
    const model::IndicatorDefinition* definition = nullptr;
    const model::IndicatorValue* latest = nullptr;   ///< the place's latest row; null when none
    const model::IndicatorValue* england = nullptr;  ///< England's row for the same period
    std::string compared = "Not compared";           ///< Better, Similar, Worse, Higher, Lower
    bool published_comparison = false;               ///< true when taken from Fingertips' own column
    /// With the ci95-99.8 method: true when the difference holds at 99.8% as well.
    bool significant_998 = false;
    /// The place's rows for the same sex, age and category as `latest`, oldest first.
    std::vector<const model::IndicatorValue*> series;
    /// England's row for each period of `series`; null where England has none.
    std::vector<const model::IndicatorValue*> england_series;
    /// Rows of the place's comparators (and its parent area) for the latest period.
    std::vector<const model::IndicatorValue*> comparators;
    bool example = false;    ///< some figures are made up for demonstration
    std::string target_rag;  ///< green, amber or red against the definition's target; empty without one
    std::string trend = "Cannot be calculated";  ///< recent trend, in Fingertips' words
    bool published_trend = false;                ///< true when taken from Fingertips' own column
    /// Said on the page under a trend that rests on fewer than five periods with published
    /// limits (or on an unknown value type); empty otherwise.
    std::string trend_note;
};

/// True when the row's period spans one year (or less): "2019", "2019/20", a quarter; false for
/// "2017 - 19" or a "Time period range" of "3y". Fingertips gives no trend over longer periods.
bool single_year_period(const model::IndicatorValue& row);

/// The recent trend of `series` (one area and breakdown, oldest first), as Fingertips works it
/// out for the definition's value type, polarity and trend method.
Trend trend_of_series(const std::vector<const model::IndicatorValue*>& series, const model::IndicatorDefinition& d);

/// Fills in the 95% (and 99.8%) limits of rows that have a count but no limits, by the
/// definition's ci_method: by default Wilson for proportions and exact-under-10-else-Byar's for
/// counts, crude rates and indirectly standardised values. Published limits are never replaced;
/// rows of unknown indicators are left as they are.
void complete_limits(model::IndicatorSet& indicators);

/// The rows of each definition for each area, in file order: built once per build, so each
/// place finds its rows without scanning every row of every download (153 places x 20
/// indicators x 10 years is tens of thousands of rows).
class IndicatorIndex {
public:
    explicit IndicatorIndex(const model::IndicatorSet& indicators);
    const std::vector<const model::IndicatorValue*>& rows(const model::IndicatorDefinition& d,
                                                          const std::string& area) const;

private:
    std::map<std::pair<const model::IndicatorDefinition*, std::string>, std::vector<const model::IndicatorValue*>>
        rows_;
};

/// One figure per definition, in the order of indicators/definitions.yaml. Pointers refer into
/// `indicators` (indexed by `index`), which must outlive the result.
std::vector<IndicatorFigure> indicator_figures(const model::Place& place, const model::IndicatorSet& indicators,
                                               const IndicatorIndex& index);
/// The same, indexing the rows first: for one place.
std::vector<IndicatorFigure> indicator_figures(const model::Place& place, const model::IndicatorSet& indicators);

/// A value as Fingertips shows it: one decimal place ("30.6", "407.0").
std::string format_value(double value);

}  // namespace hwbgen::derive
