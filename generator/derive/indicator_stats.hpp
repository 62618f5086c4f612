#pragma once
/// Public health statistics computed the way Fingertips and PHEindicatormethods compute them:
/// confidence limits, comparison with a benchmark, recent trend and target RAG.
#include <optional>
#include <string>
#include <vector>

#include "model/indicator.hpp"

namespace hwbgen::derive {

struct Interval {
    double lower;
    double upper;
};

/// The standard normal quantile for a two-sided `confidence` (0.95 gives 1.959964...).
double z_for(double confidence);

/// Wilson score limits of numerator/denominator, times `multiplier`. Nothing when the
/// denominator is not positive or the numerator is outside [0, denominator].
std::optional<Interval> wilson_limits(double numerator, double denominator, double confidence, double multiplier);

/// Byar's approximation to the Poisson limits of a count (lower is 0 for a count of 0, and NaN
/// where the approximation is not defined: very small counts at 99.8%).
std::optional<Interval> byars_limits(double count, double confidence);

/// Exact Poisson limits of a count, from the chi-squared distribution.
std::optional<Interval> exact_poisson_limits(double count, double confidence);

/// Limits of a crude rate count/denominator*multiplier: exact when the count is under 10,
/// Byar's otherwise.
std::optional<Interval> crude_rate_limits(double count, double denominator, double confidence, double multiplier);

struct AgeBand {
    double count;
    double population;
    double standard_population;
};

struct DsrResult {
    double value;
    Interval ci95;
    Interval ci998;
};

/// Directly standardised rate with Dobson limits. Nothing when the total count is under 10
/// or any population is not positive.
std::optional<DsrResult> dsr_with_dobson(const std::vector<AgeBand>& bands, double multiplier);

/// "Better", "Similar", "Worse" (or "Higher", "Similar", "Lower" with no judgement), or
/// "Not compared" when the value, interval or benchmark is missing. Similar when the
/// benchmark lies within the interval, limits included.
std::string compare_with_benchmark(std::optional<double> value, std::optional<Interval> ci,
                                   std::optional<double> benchmark, model::Polarity polarity);

struct TrendPoint {
    double value;
    std::optional<double> lower, upper;  ///< 95% limits
    std::optional<double> count, denominator;
};

/// Recent trend over the five most recent points (`points` oldest first, consecutive periods):
/// one of "Increasing and getting better", "Increasing and getting worse", "Decreasing and
/// getting better", "Decreasing and getting worse", "Increasing", "Decreasing", "No
/// significant change" or "Cannot be calculated".
std::string recent_trend(const std::vector<TrendPoint>& points, model::Polarity polarity, bool is_proportion);

/// Whether a value changed significantly since the one shown in the previous report: true when
/// their 95% intervals do not overlap. Nothing when either interval is missing.
std::optional<bool> significant_change(std::optional<Interval> previous, std::optional<Interval> latest);

/// Local KPIs against their target: "green" when met, "amber" within `amber_band` (a fraction
/// of the target) of it, "red" otherwise.
std::string target_rag(double value, double target, model::Polarity polarity, double amber_band);

}  // namespace hwbgen::derive
