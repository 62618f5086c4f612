#include "derive/row_assessment.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "derive/indicator_figures.hpp"
#include "derive/indicator_stats.hpp"

namespace hwbgen::derive {

namespace {

using Key =
    std::tuple<long, std::string, std::string, std::string, std::string>;  // id, sex, age, category type, category

Key breakdown(const model::IndicatorValue& r) { return {r.indicator_id, r.sex, r.age, r.category_type, r.category}; }

// Rows of one breakdown and period, by area, for finding England's and the parent's value.
class RowIndex {
public:
    explicit RowIndex(const std::vector<model::IndicatorValue>& rows) {
        for (const auto& r : rows) by_area_[{breakdown(r), r.time_period, r.area_code}] = &r;
    }
    const model::IndicatorValue* find(const model::IndicatorValue& like, const std::string& area) const {
        const auto it = by_area_.find({breakdown(like), like.time_period, area});
        return it == by_area_.end() ? nullptr : it->second;
    }

private:
    std::map<std::tuple<Key, std::string, std::string>, const model::IndicatorValue*> by_area_;
};

model::IndicatorDefinition definition_for(const model::IndicatorValue& row,
                                          const std::vector<model::IndicatorDefinition>& definitions) {
    for (const auto& d : definitions)
        if (row_matches(d, row)) return d;
    return {};  // no_judgement, ci95
}

std::string compare(const RowAssessment& a, const model::IndicatorValue* benchmark,
                    const model::IndicatorDefinition& d) {
    if (!benchmark || benchmark == a.row || d.comparison == model::ComparisonMethod::none) return "Not compared";
    if (!model::limits_for_comparison(*a.row)) return "Not compared";
    return compare_with_benchmark(a.row->value, interval_of(a.lower95, a.upper95), benchmark->value, d.polarity);
}

// The series each row belongs to, oldest first, so a row's trend uses the points up to it.
std::map<std::pair<Key, std::string>, std::vector<const model::IndicatorValue*>> series_of(
    const std::vector<model::IndicatorValue>& rows) {
    std::map<std::pair<Key, std::string>, std::vector<const model::IndicatorValue*>> series;
    for (const auto& r : rows) series[{breakdown(r), r.area_code}].push_back(&r);
    for (auto& [key, list] : series)
        std::stable_sort(list.begin(), list.end(),
                         [](const auto* a, const auto* b) { return a->period_sortable < b->period_sortable; });
    return series;
}

Trend trend_up_to(const std::vector<const model::IndicatorValue*>& list, const model::IndicatorValue& row,
                  const model::IndicatorDefinition& d) {
    std::vector<const model::IndicatorValue*> up_to;
    for (const auto* r : list) {
        up_to.push_back(r);
        if (r == &row) break;
    }
    return trend_of_series(up_to, d);
}

}  // namespace

std::vector<RowAssessment> assess_rows(const std::vector<model::IndicatorValue>& rows,
                                       const std::vector<model::IndicatorDefinition>& definitions) {
    const RowIndex index(rows);
    const auto series = series_of(rows);
    std::vector<RowAssessment> out;
    for (const auto& row : rows) {
        const auto d = definition_for(row, definitions);
        RowAssessment a;
        a.row = &row;
        a.lower95 = row.lower95;
        a.upper95 = row.upper95;
        a.compared_england = compare(a, index.find(row, model::england_area_code), d);
        const auto* england = index.find(row, model::england_area_code);
        if (d.comparison == model::ComparisonMethod::ci95_998 && england && england != &row &&
            model::limits_for_comparison(row)) {
            a.compared_england_998 = compare_with_benchmark(row.value, interval_of(row.lower998, row.upper998),
                                                            england->value, d.polarity);
        }
        // Fingertips makes no parent comparison where the parent is England: it would repeat the
        // comparison with England.
        const bool parent_comparable = !row.parent_code.empty() && row.parent_code != model::england_area_code;
        a.compared_parent = parent_comparable ? compare(a, index.find(row, row.parent_code), d) : "Not compared";
        const Trend trend = trend_up_to(series.at({breakdown(row), row.area_code}), row, d);
        a.trend = trend.verdict;
        a.trend_fingertips_way = trend.fingertips_way;
        a.trend_note = trend.note;
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace hwbgen::derive
