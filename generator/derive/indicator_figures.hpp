#pragma once
/// The figures a place's pages show for each indicator: its latest value, England's value for
/// the same period, and how the two compare.
#include <string>
#include <vector>

#include "model/indicator.hpp"
#include "model/strategy.hpp"

namespace hwbgen::derive {

struct IndicatorFigure {
    const model::IndicatorDefinition* definition = nullptr;
    const model::IndicatorValue* latest = nullptr;   ///< the place's latest row; null when none
    const model::IndicatorValue* england = nullptr;  ///< England's row for the same period
    std::string compared = "Not compared";           ///< Better, Similar, Worse, Higher, Lower
    bool published_comparison = false;  ///< true when taken from Fingertips' own column
    /// With the ci95-99.8 method: true when the difference holds at 99.8% as well.
    bool significant_998 = false;
    /// The place's rows for the same sex, age and category as `latest`, oldest first.
    std::vector<const model::IndicatorValue*> series;
    /// England's row for each period of `series`; null where England has none.
    std::vector<const model::IndicatorValue*> england_series;
    /// Rows of the place's comparators (and its parent area) for the latest period.
    std::vector<const model::IndicatorValue*> comparators;
    bool example = false;  ///< some figures are made up for demonstration
    std::string target_rag;  ///< green, amber or red against the definition's target; empty without one
    std::string trend = "Cannot be calculated";  ///< recent trend, in Fingertips' words
    bool published_trend = false;                ///< true when taken from Fingertips' own column
};

/// Fills in the 95% limits of rows that have a count and a denominator but no limits: Wilson for
/// proportions, exact or Byar's for counts and crude rates. Rows of unknown indicators, and
/// standardised rates (which need age bands), are left as they are.
void complete_limits(model::IndicatorSet& indicators);

/// One figure per definition, in the order of indicators/definitions.yaml. Pointers refer into
/// `indicators`, which must outlive the result.
std::vector<IndicatorFigure> indicator_figures(const model::Place& place, const model::IndicatorSet& indicators);

/// A value as Fingertips shows it: one decimal place ("30.6", "407.0").
std::string format_value(double value);

}  // namespace hwbgen::derive
