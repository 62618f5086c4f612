#pragma once
/// Indicators: what is measured (definitions) and the measured values (Fingertips rows).
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace hwbgen::model {

enum class Polarity { higher_is_better, lower_is_better, no_judgement };
/// Fingertips' value types. The indirectly standardised ones are observed / expected events, as
/// a ratio (e.g. 100 = as expected) or scaled to a reference proportion.
enum class ValueType {
    proportion,
    crude_rate,
    dsr,
    count,
    years,
    ratio,
    score,
    indirectly_standardised_proportion,
    indirectly_standardised_ratio
};
/// How 95% limits are worked out from a count when a row has none: Fingertips names one per
/// indicator. byars_or_exact is PHEindicatormethods' rule (exact under 10 events, Byar's from
/// 10); by_value_type is hwbgen's default (Wilson for proportions, byars_or_exact for counts and
/// rates, none otherwise).
enum class CiMethod { by_value_type, wilson, byars, exact_poisson, byars_or_exact, dobson, none };
/// Fingertips' recent-trend test: a weighted regression on the published 95% limits, or, for
/// indicators compared by "SPC for proportions", the chi-squared test for trend on counts.
enum class TrendMethod { limits, proportions };
/// How an area is compared with England: Fingertips' 95% test, 95% and 99.8%, or not at all.
enum class ComparisonMethod { ci95, ci95_998, none };

/// A local KPI's target, e.g. the WHO's 95% for vaccination coverage.
struct Target {
    double value = 0;
    std::string year;
    std::string source;
};

struct IndicatorDefinition {
    std::string id;
    diag::SourcePos pos;
    std::string name;
    std::optional<long> fingertips_id;
    std::string unit;
    std::optional<ValueType> value_type;  ///< unknown when not given: then no limits are worked out
    double multiplier = 1;
    Polarity polarity = Polarity::no_judgement;
    ComparisonMethod comparison = ComparisonMethod::ci95;
    CiMethod ci_method = CiMethod::by_value_type;
    TrendMethod trend_method = TrendMethod::limits;
    std::string sex;      ///< optional filter on the Sex column, e.g. "Male"
    std::string section;  ///< the life-course section it belongs to, when the overview groups them
    std::string source;
    std::string licence;
    std::optional<Target> target;
};

/// One row of a Fingertips "download data" CSV (or a local KPI file in the same shape).
struct IndicatorValue {
    diag::SourcePos pos;
    long indicator_id = 0;
    std::string indicator_name;
    std::string area_code;
    std::string area_name;
    std::string area_type;
    std::string parent_code;
    std::string sex;
    std::string age;
    std::string category_type;
    std::string category;
    std::string time_period;
    std::string time_period_range;  ///< "1y", "3y"...: newer downloads carry it; empty otherwise
    long period_sortable = 0;
    std::optional<double> value;
    std::optional<double> lower95, upper95, lower998, upper998;
    std::optional<double> count, denominator;
    std::string value_note;
    std::string recent_trend;      ///< as published by Fingertips
    std::string compared_england;  ///< as published by Fingertips
    std::string compared_parent;   ///< as published by Fingertips
    std::string definition_id;     ///< local data names its definition directly
    bool example = false;          ///< made-up figures for demonstration, never to be read as real
    bool limits_computed = false;  ///< the 95% limits were worked out from count and denominator
};

struct IndicatorSet {
    std::vector<IndicatorDefinition> definitions;
    std::vector<IndicatorValue> values;
};

inline constexpr const char* england_area_code = "E92000001";

/// True when the row's limits may decide a comparison. Fingertips compares a row only on the
/// limits it publishes ("Not compared" where it has none), so limits hwbgen worked out for a
/// row that carries Fingertips' own verdict are shown but do not overrule it; rows without a
/// published verdict (local KPIs) are compared on them.
inline bool limits_for_comparison(const IndicatorValue& row) {
    return row.lower95 && row.upper95 && !(row.limits_computed && !row.compared_england.empty());
}

/// True when the row belongs to the definition: local rows name it; Fingertips rows match by
/// indicator id and, where the definition names one, by sex.
inline bool row_matches(const IndicatorDefinition& d, const IndicatorValue& row) {
    if (!row.definition_id.empty()) return row.definition_id == d.id;
    return d.fingertips_id && *d.fingertips_id == row.indicator_id && (d.sex.empty() || d.sex == row.sex);
}

}  // namespace hwbgen::model
