#include "derive/indicator_figures.hpp"

#include <algorithm>
#include <cstdio>

#include "derive/indicator_stats.hpp"

namespace hwbgen::derive {

using model::row_matches;

namespace {

using Rows = std::vector<const model::IndicatorValue*>;

// The latest row; ties keep the first in file order, so output is stable.
const model::IndicatorValue* latest_row(const Rows& rows) {
    const model::IndicatorValue* best = nullptr;
    for (const auto* row : rows)
        if (!best || row->period_sortable > best->period_sortable) best = row;
    return best;
}

const model::IndicatorValue* row_for_period(const Rows& rows, const model::IndicatorValue& like) {
    for (const auto* row : rows)
        if (row->time_period == like.time_period && row->age == like.age && row->category == like.category) return row;
    return nullptr;
}

void compare(IndicatorFigure& f) {
    const auto& row = *f.latest;
    if (f.definition->comparison == model::ComparisonMethod::none) return;
    if (row.lower95 && row.upper95 && f.england && f.england->value) {
        const auto result = compare_with_benchmark_9598(row.value, interval_of(row.lower95, row.upper95),
                                                         interval_of(row.lower998, row.upper998),
                                                         f.england->value, f.definition->polarity);
        f.compared = result.verdict;
        f.significant_998 = f.definition->comparison == model::ComparisonMethod::ci95_998 && result.level == 998;
    } else if (!row.compared_england.empty()) {
        // Without limits we cannot test significance ourselves; Fingertips' verdict is shown, attributed.
        f.compared = row.compared_england;
        f.published_comparison = true;
    }
}

}  // namespace

bool same_breakdown(const model::IndicatorValue& a, const model::IndicatorValue& b) {
    return a.sex == b.sex && a.age == b.age && a.category_type == b.category_type && a.category == b.category;
}

void add_series(IndicatorFigure& f, const Rows& own, const Rows& england) {
    for (const auto* row : own)
        if (same_breakdown(*row, *f.latest)) f.series.push_back(row);
    std::stable_sort(f.series.begin(), f.series.end(), [](const auto* a, const auto* b) {
        return a->period_sortable < b->period_sortable;
    });
    for (const auto* row : f.series) f.england_series.push_back(row_for_period(england, *row));
}

void add_comparators(IndicatorFigure& f, const model::Place& place, const IndicatorIndex& index) {
    std::vector<std::string> areas = place.comparators;
    if (!f.latest->parent_code.empty()) areas.insert(areas.begin(), f.latest->parent_code);
    for (const auto& area : areas) {
        if (area == model::england_area_code || area == place.area_code) continue;
        if (const auto* row = row_for_period(index.rows(*f.definition, area), *f.latest)) f.comparators.push_back(row);
    }
}

// Fingertips' trend over the most recent five points; its own published words otherwise.
void add_trend(IndicatorFigure& f) {
    std::vector<TrendPoint> points;
    for (const auto* row : f.series)
        if (row->value) points.push_back({*row->value, row->lower95, row->upper95, row->count, row->denominator});
    f.trend = recent_trend(points, f.definition->polarity, f.definition->value_type == model::ValueType::proportion);
    if (f.trend == "Cannot be calculated" && !f.latest->recent_trend.empty()) {
        f.trend = f.latest->recent_trend;
        f.published_trend = true;
    }
}

namespace {

std::optional<Interval> limits_from_counts(const model::IndicatorValue& row, const model::IndicatorDefinition& d) {
    if (!row.count || !d.value_type) return std::nullopt;
    switch (*d.value_type) {
        case model::ValueType::proportion:
            return row.denominator ? wilson_limits(*row.count, *row.denominator, 0.95, d.multiplier) : std::nullopt;
        case model::ValueType::crude_rate:
            return row.denominator ? crude_rate_limits(*row.count, *row.denominator, 0.95, d.multiplier) : std::nullopt;
        case model::ValueType::count:
            return *row.count < 10 ? exact_poisson_limits(*row.count, 0.95) : byars_limits(*row.count, 0.95);
        default: return std::nullopt;
    }
}

}  // namespace

void complete_limits(model::IndicatorSet& indicators) {
    for (auto& row : indicators.values) {
        if (row.lower95 || row.upper95) continue;
        for (const auto& d : indicators.definitions) {
            if (!row_matches(d, row)) continue;
            if (const auto ci = limits_from_counts(row, d)) {
                row.lower95 = ci->lower;
                row.upper95 = ci->upper;
                row.limits_computed = true;
            }
            break;
        }
    }
}

IndicatorIndex::IndicatorIndex(const model::IndicatorSet& indicators) {
    std::map<long, std::vector<const model::IndicatorDefinition*>> by_fingertips_id;
    std::map<std::string, const model::IndicatorDefinition*> by_id;
    for (const auto& d : indicators.definitions) {
        if (d.fingertips_id) by_fingertips_id[*d.fingertips_id].push_back(&d);
        by_id.emplace(d.id, &d);
    }
    for (const auto& row : indicators.values) {
        if (!row.definition_id.empty()) {
            const auto d = by_id.find(row.definition_id);
            if (d != by_id.end()) rows_[{d->second, row.area_code}].push_back(&row);
            continue;
        }
        const auto ds = by_fingertips_id.find(row.indicator_id);
        if (ds == by_fingertips_id.end()) continue;
        for (const auto* d : ds->second)
            if (row_matches(*d, row)) rows_[{d, row.area_code}].push_back(&row);
    }
}

const std::vector<const model::IndicatorValue*>& IndicatorIndex::rows(const model::IndicatorDefinition& d,
                                                                      const std::string& area) const {
    static const Rows none;
    const auto it = rows_.find({&d, area});
    return it == rows_.end() ? none : it->second;
}

std::vector<IndicatorFigure> indicator_figures(const model::Place& place, const model::IndicatorSet& indicators) {
    return indicator_figures(place, indicators, IndicatorIndex(indicators));
}

std::vector<IndicatorFigure> indicator_figures(const model::Place& place, const model::IndicatorSet& indicators,
                                               const IndicatorIndex& index) {
    std::vector<IndicatorFigure> out;
    for (const auto& d : indicators.definitions) {
        IndicatorFigure f;
        f.definition = &d;
        const Rows& own = index.rows(d, place.area_code);
        f.latest = latest_row(own);
        if (f.latest) {
            const Rows& england = index.rows(d, model::england_area_code);
            f.england = row_for_period(england, *f.latest);
            compare(f);
            add_series(f, own, england);
            add_comparators(f, place, index);
            add_trend(f);
            for (const auto* row : f.series) f.example = f.example || row->example;
            if (d.target && f.latest->value)
                f.target_rag = target_rag(*f.latest->value, d.target->value, d.polarity, 0.05);
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
