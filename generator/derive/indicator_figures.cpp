#include "derive/indicator_figures.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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
    if (model::limits_for_comparison(row) && f.england && f.england->value) {
        const auto result = compare_with_benchmark_9598(row.value, interval_of(row.lower95, row.upper95),
                                                        interval_of(row.lower998, row.upper998), f.england->value,
                                                        f.definition->polarity);
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
    std::stable_sort(f.series.begin(), f.series.end(),
                     [](const auto* a, const auto* b) { return a->period_sortable < b->period_sortable; });
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

bool single_year_period(const model::IndicatorValue& row) {
    if (!row.time_period_range.empty()) {
        // "1y", "3y", "1q", "1m": only a span of several years is refused.
        const long n = std::atol(row.time_period_range.c_str());
        return !(row.time_period_range.back() == 'y' && n > 1);
    }
    // "2017 - 19", "2017-19", "2016/17 - 18/19": a range of years. "2019/20" is one year.
    const std::string& p = row.time_period;
    const auto dash = p.find('-');
    if (dash == std::string::npos || dash < 4) return true;
    std::size_t digits = 0;
    for (std::size_t i = dash + 1; i < p.size() && (p[i] == ' ' || std::isdigit(static_cast<unsigned char>(p[i]))); ++i)
        digits += p[i] == ' ' ? 0 : 1;
    return digits < 2;
}

Trend trend_of_series(const std::vector<const model::IndicatorValue*>& series, const model::IndicatorDefinition& d) {
    TrendRules rules;
    rules.polarity = d.polarity;
    rules.value_type = d.value_type;
    rules.method = d.trend_method;
    std::vector<TrendPoint> points;
    for (const auto* row : series) {
        rules.single_year = rules.single_year && single_year_period(*row);
        rules.needs_counts = rules.needs_counts && row->definition_id.empty();
        if (row->value)
            points.push_back(
                {*row->value, row->lower95, row->upper95, row->count, row->denominator, !row->limits_computed});
    }
    if (series.empty()) return {};
    return recent_trend(points, rules);
}

// Fingertips' trend over the most recent five points. Where the download holds fewer periods
// than Fingertips used, or not what its calculation needs, Fingertips' own published words are
// shown instead when the download has them.
void add_trend(IndicatorFigure& f) {
    const Trend trend = trend_of_series(f.series, *f.definition);
    f.trend = trend.verdict;
    if (f.trend != "Cannot be calculated") f.trend_note = trend.note;
    const bool short_of_data = f.trend == "Cannot be calculated" || !trend.note.empty();
    if (short_of_data && !f.latest->recent_trend.empty()) {
        f.trend = f.latest->recent_trend;
        f.published_trend = true;
        f.trend_note.clear();
    }
}

namespace {

using model::CiMethod;
using model::ValueType;

// The method a definition names, or the one its value type has always had in hwbgen.
CiMethod effective_method(const model::IndicatorDefinition& d) {
    if (d.ci_method != CiMethod::by_value_type) return d.ci_method;
    if (!d.value_type) return CiMethod::none;
    switch (*d.value_type) {
        case ValueType::proportion: return CiMethod::wilson;
        case ValueType::crude_rate:
        case ValueType::count:
        case ValueType::indirectly_standardised_proportion:
        case ValueType::indirectly_standardised_ratio: return CiMethod::byars_or_exact;
        default: return CiMethod::none;
    }
}

// What turns limits on the count into limits on the value. Standardised values are scaled by
// value / count: observed over expected (or the age-weighted rate) moves in proportion to the
// observed count. An indirectly standardised ratio of 0 observed events uses its expected
// count, which Fingertips puts in the Denominator column.
std::optional<double> count_scale(const model::IndicatorValue& row, const model::IndicatorDefinition& d) {
    const bool has_denominator = row.denominator && *row.denominator > 0;
    switch (d.value_type.value_or(ValueType::crude_rate)) {
        case ValueType::count: return 1.0;
        case ValueType::dsr:
        case ValueType::indirectly_standardised_proportion:
        case ValueType::indirectly_standardised_ratio:
            if (row.value && *row.count > 0) return *row.value / *row.count;
            if (d.value_type == ValueType::indirectly_standardised_ratio && has_denominator)
                return d.multiplier / *row.denominator;
            return std::nullopt;
        default: return has_denominator ? std::optional<double>(d.multiplier / *row.denominator) : std::nullopt;
    }
}

std::optional<Interval> scaled(const std::optional<Interval>& limits, const std::optional<double>& scale) {
    if (!limits || !scale) return std::nullopt;
    return Interval{limits->lower * *scale, limits->upper * *scale};
}

std::optional<Interval> limits_from_counts(const model::IndicatorValue& row, const model::IndicatorDefinition& d,
                                           double confidence) {
    if (!row.count || !(*row.count >= 0)) return std::nullopt;
    const double count = *row.count;
    switch (effective_method(d)) {
        case CiMethod::wilson:
            return row.denominator ? wilson_limits(count, *row.denominator, confidence, d.multiplier) : std::nullopt;
        case CiMethod::byars: return scaled(byars_limits(count, confidence), count_scale(row, d));
        case CiMethod::exact_poisson: return scaled(exact_poisson_limits(count, confidence), count_scale(row, d));
        case CiMethod::byars_or_exact:
            return scaled(count < 10 ? exact_poisson_limits(count, confidence) : byars_limits(count, confidence),
                          count_scale(row, d));
        case CiMethod::dobson:
            // Without age bands, Dobson's method has one band: Byar's limits on the count, scaled
            // by rate / count. PHE publishes no standardised rate on fewer than 10 events.
            if (!row.value || count < 10) return std::nullopt;
            return scaled(byars_limits(count, confidence), *row.value / count);
        case CiMethod::none:
        case CiMethod::by_value_type: break;
    }
    return std::nullopt;
}

}  // namespace

void complete_limits(model::IndicatorSet& indicators) {
    for (auto& row : indicators.values) {
        if (row.lower95 || row.upper95) continue;
        for (const auto& d : indicators.definitions) {
            if (!row_matches(d, row)) continue;
            if (const auto ci = limits_from_counts(row, d, 0.95)) {
                row.lower95 = ci->lower;
                row.upper95 = ci->upper;
                row.limits_computed = true;
                if (!row.lower998 && !row.upper998)
                    if (const auto ci998 = limits_from_counts(row, d, 0.998)) {
                        row.lower998 = ci998->lower;
                        row.upper998 = ci998->upper;
                    }
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
    if (!std::isfinite(value)) return {};  // never "nan" or "inf" on a page
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

}  // namespace hwbgen::derive
