#pragma once
/// Public health indicator statistics computed the way Fingertips and the PHEindicatormethods R
/// package compute them: confidence limits (Wilson, Byar's, exact Poisson, Dobson), comparison
/// with a benchmark, recent trend and target RAG. The distributions come from Boost.Math;
/// nothing here throws.
///
/// Missing inputs: a NaN passed where a number is expected counts as missing, and the result is
/// then "not defined" (std::nullopt), never garbage.
#include <optional>
#include <string>
#include <vector>

#include "model/indicator.hpp"

namespace hwbgen::derive {

/// Which way is good: higher_is_better, lower_is_better or no_judgement. The model's own enum,
/// so indicator definitions pass straight through.
using Polarity = model::Polarity;

/// A confidence interval, lower <= upper. A limit the method cannot define is NaN.
struct Interval {
    double lower;
    double upper;
};

/// The interval of two optional limits, when both are there.
inline std::optional<Interval> interval_of(const std::optional<double>& lower, const std::optional<double>& upper) {
    if (!lower || !upper) return std::nullopt;
    return Interval{*lower, *upper};
}

/// The standard normal quantile (inverse CDF) at `p`, from Boost.Math.
/// NaN when p is outside (0, 1).
double normal_quantile(double p);

/// The two-sided z for a confidence level: 1.959964 for 0.95, 3.090232 for 0.998.
/// NaN when confidence is outside (0, 1).
double z_for(double confidence);

/// The quantile of the gamma distribution with the given shape and scale 1 at lower-tail
/// probability `p` (so chi-squared quantile(p, 2k) = 2 * gamma_quantile(k, p)), to about 1e-13
/// relative (Boost.Math). 0 for p <= 0, infinity for p >= 1, NaN for a shape that is not positive.
double gamma_quantile(double shape, double p);

/// Wilson score limits of numerator/denominator, times `multiplier` (1 for a proportion, 100 for
/// a percentage). Nothing when the denominator is not positive, the numerator is outside
/// [0, denominator], either is missing, or the confidence is outside (0, 1).
std::optional<Interval> wilson_limits(double numerator, double denominator, double confidence, double multiplier);

/// Byar's approximation to the Poisson limits of a count. The lower limit is 0 for a count of 0
/// and NaN where the approximation goes negative (a count of 1 at 99.8%), as PHEindicatormethods
/// leaves it undefined. Nothing for a negative or missing count or a confidence outside (0, 1).
std::optional<Interval> byars_limits(double count, double confidence);

/// Exact Poisson limits of a count from the chi-squared distribution:
/// lower = chi2inv(alpha/2, 2x)/2 (0 for x = 0), upper = chi2inv(1 - alpha/2, 2x + 2)/2.
/// Nothing for a negative or missing count or a confidence outside (0, 1).
std::optional<Interval> exact_poisson_limits(double count, double confidence);

/// Limits of the crude rate count/denominator*multiplier: exact when the count is under 10,
/// Byar's otherwise (PHEindicatormethods' rule). Nothing when the denominator is not positive
/// or the count is negative, or either is missing.
std::optional<Interval> crude_rate_limits(double count, double denominator, double confidence, double multiplier);

/// One age band of a directly standardised rate.
struct AgeBand {
    double count;                ///< events; NaN (missing) counts as 0, as PHEindicatormethods sums
    double population;           ///< must be positive
    double standard_population;  ///< e.g. the European Standard Population 2013 weight
};

struct DsrResult {
    double value;     ///< the rate, times the multiplier
    Interval limits;  ///< Dobson limits at the requested confidence
};

/// Directly standardised rate with Dobson limits (Byar's limits on the total count, scaled by the
/// standard error of the weighted sum). Nothing when the total count is under 10, any population
/// is not positive, a count is negative, the standard populations do not sum to a positive
/// number, or the confidence is outside (0, 1).
std::optional<DsrResult> dsr_with_dobson(const std::vector<AgeBand>& bands, double multiplier, double confidence);

/// Fingertips' comparison: exactly one of "Better", "Similar", "Worse" (or "Higher", "Similar",
/// "Lower" for no_judgement), or "Not compared" when the value, interval or benchmark is missing
/// or NaN. Similar when the benchmark lies within the interval, limits included.
std::string compare_with_benchmark(std::optional<double> value, std::optional<Interval> ci95,
                                   std::optional<double> benchmark, Polarity polarity);

/// The outcome of Fingertips' "ci95-99.8" comparison method.
struct BenchmarkComparison {
    std::string verdict;  ///< as compare_with_benchmark gives it from the 95% interval
    int level;            ///< 0 similar or not compared, 95 different at 95% only, 998 at 99.8% too
};

/// The 95% verdict plus the level of significance: 998 when the benchmark also lies outside the
/// 99.8% interval, 95 when it does not or that interval is missing, 0 when Similar/Not compared.
BenchmarkComparison compare_with_benchmark_9598(std::optional<double> value, std::optional<Interval> ci95,
                                                std::optional<Interval> ci998, std::optional<double> benchmark,
                                                Polarity polarity);

/// One period of a time series for the recent trend.
struct TrendPoint {
    double value;
    std::optional<double> lower;  ///< 95% limits
    std::optional<double> upper;
    std::optional<double> count;
    std::optional<double> denominator;
    bool published_limits = true;  ///< false when hwbgen worked the limits out from counts
};

/// What the trend test needs to know about the indicator.
struct TrendRules {
    Polarity polarity = Polarity::no_judgement;
    std::optional<model::ValueType> value_type;  ///< unknown (no definition): not used to refuse
    model::TrendMethod method = model::TrendMethod::limits;
    bool single_year = true;   ///< every period spans one year (not "2017 - 19")
    bool needs_counts = true;  ///< Fingertips rows; a local KPI may carry limits alone
};

struct Trend {
    /// Exactly one of "Increasing and getting better", "Increasing and getting worse",
    /// "Decreasing and getting better", "Decreasing and getting worse", "Increasing",
    /// "Decreasing" (no_judgement), "No significant change" or "Cannot be calculated".
    std::string verdict = "Cannot be calculated";
    /// False when hwbgen could not follow Fingertips' calculation (the value type is unknown),
    /// so Fingertips' own verdict may differ; `note` then says why.
    bool fingertips_way = true;
    /// A sentence for the reader: why the trend cannot be calculated, or what it rests on when
    /// fewer than five recent periods carry published limits. Empty otherwise.
    std::string note;
};

/// Recent trend as Fingertips' trend marker calculator works it out (`points` oldest first):
/// only proportions, crude rates and directly standardised rates of single-year periods; at
/// least five periods with a value, a count and a positive denominator (none with count equal
/// to denominator); the five most recent of them that carry published 95% limits are tested
/// (fewer if fewer have them: Fingertips then tests fewer, and none means no change). The test is
/// a weighted regression with weights 1/SE^2, SE = (upper - lower)/3.92, or for the
/// `proportions` method (Fingertips' "SPC for proportions") the chi-squared test for trend on
/// the counts with the slope of the log odds. Significant when chi-squared > 9.5495 (99.8%) and
/// the slope keeps its sign with each single point left out.
Trend recent_trend(const std::vector<TrendPoint>& points, const TrendRules& rules);

/// Whether a value changed significantly since the previous report: true when the two 95%
/// intervals do not overlap. Nothing when either interval is missing.
std::optional<bool> significant_change(std::optional<Interval> previous, std::optional<Interval> latest);

/// A local KPI against its target: "green" when met (at or above it; at or below when lower is
/// better; no_judgement counts as higher is better), "amber" when within `amber_band` (a fraction
/// of the target, e.g. 0.05) of it, "red" otherwise, including a NaN value.
std::string target_rag(double value, double target, Polarity polarity, double amber_band);

}  // namespace hwbgen::derive
