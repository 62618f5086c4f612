#include "derive/indicator_figures.hpp"

#include <cstdio>

#include "derive/indicator_stats.hpp"

namespace hwbgen::derive {

bool row_matches(const model::IndicatorDefinition& d, const model::IndicatorValue& row) {
    return d.fingertips_id && *d.fingertips_id == row.indicator_id && (d.sex.empty() || d.sex == row.sex);
}

namespace {

// The latest row for an area; ties keep the first in file order, so output is stable.
const model::IndicatorValue* latest_row(const model::IndicatorDefinition& d, const model::IndicatorSet& set,
                                        const std::string& area) {
    const model::IndicatorValue* best = nullptr;
    for (const auto& row : set.values)
        if (row_matches(d, row) && row.area_code == area && (!best || row.period_sortable > best->period_sortable))
            best = &row;
    return best;
}

const model::IndicatorValue* row_for_period(const model::IndicatorDefinition& d, const model::IndicatorSet& set,
                                            const std::string& area, const model::IndicatorValue& like) {
    for (const auto& row : set.values)
        if (row_matches(d, row) && row.area_code == area && row.time_period == like.time_period &&
            row.age == like.age && row.category == like.category)
            return &row;
    return nullptr;
}

void compare(IndicatorFigure& f) {
    const auto& row = *f.latest;
    if (f.definition->comparison == model::ComparisonMethod::none) return;
    if (row.lower95 && row.upper95 && f.england && f.england->value) {
        f.compared = compare_with_benchmark(row.value, Interval{*row.lower95, *row.upper95}, f.england->value,
                                            f.definition->polarity);
    } else if (!row.compared_england.empty()) {
        // Without limits we cannot test significance ourselves; Fingertips' verdict is shown, attributed.
        f.compared = row.compared_england;
        f.published_comparison = true;
    }
}

}  // namespace

std::vector<IndicatorFigure> indicator_figures(const model::Place& place, const model::IndicatorSet& indicators) {
    std::vector<IndicatorFigure> out;
    for (const auto& d : indicators.definitions) {
        IndicatorFigure f;
        f.definition = &d;
        f.latest = latest_row(d, indicators, place.area_code);
        if (f.latest) {
            f.england = row_for_period(d, indicators, model::england_area_code, *f.latest);
            compare(f);
        }
        out.push_back(f);
    }
    return out;
}

std::string format_value(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

}  // namespace hwbgen::derive
