#include "derive/indicator_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace hwbgen::derive {

namespace {

constexpr double not_defined = std::numeric_limits<double>::quiet_NaN();

bool valid_confidence(double confidence) { return confidence > 0 && confidence < 1; }

// Boost reports a domain error by returning NaN (or the limit) instead of throwing: nothing in
// this module throws, and every argument is checked before it gets here.
using Quiet =
    boost::math::policies::policy<boost::math::policies::domain_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

}  // namespace

double normal_quantile(double p) {
    if (!(p > 0 && p < 1)) return not_defined;
    return boost::math::quantile(boost::math::normal_distribution<double, Quiet>(), p);
}

double z_for(double confidence) {
    if (!valid_confidence(confidence)) return not_defined;
    // The upper tail is asked for directly so that 1 - alpha/2 is never formed and rounded.
    return boost::math::quantile(
        boost::math::complement(boost::math::normal_distribution<double, Quiet>(), (1 - confidence) / 2));
}

double gamma_quantile(double shape, double p) {
    if (!(shape > 0) || std::isnan(p)) return not_defined;
    if (p <= 0) return 0;
    if (p >= 1) return std::numeric_limits<double>::infinity();
    return boost::math::gamma_p_inv(shape, p, Quiet());
}

std::optional<Interval> wilson_limits(double numerator, double denominator, double confidence, double multiplier) {
    if (!(denominator > 0) || !(numerator >= 0) || !(numerator <= denominator)) return std::nullopt;
    if (!valid_confidence(confidence)) return std::nullopt;
    const double z = z_for(confidence), z2 = z * z, x = numerator, n = denominator;
    const double root = z * std::sqrt(z2 + 4 * x * (1 - x / n));
    const double scale = 1 / (2 * (n + z2));
    // Clamped because at x = 0 or x = n rounding can step a hair outside [0, 1].
    const double lower = std::max(0.0, (2 * x + z2 - root) * scale);
    const double upper = std::min(1.0, (2 * x + z2 + root) * scale);
    return Interval{lower * multiplier, upper * multiplier};
}

namespace {

double byars_lower(double count, double z) {
    if (count == 0) return 0;  // the formula divides by the count; no events cannot go lower
    const double base = 1 - 1 / (9 * count) - z / (3 * std::sqrt(count));
    return base < 0 ? not_defined : count * base * base * base;
}

double byars_upper(double count, double z) {
    const double o = count + 1;
    const double base = 1 - 1 / (9 * o) + z / (3 * std::sqrt(o));
    return o * base * base * base;
}

}  // namespace

std::optional<Interval> byars_limits(double count, double confidence) {
    if (!(count >= 0) || !valid_confidence(confidence)) return std::nullopt;
    const double z = z_for(confidence);
    return Interval{byars_lower(count, z), byars_upper(count, z)};
}

std::optional<Interval> exact_poisson_limits(double count, double confidence) {
    if (!(count >= 0) || !valid_confidence(confidence)) return std::nullopt;
    const double tail = (1 - confidence) / 2;
    // Each limit is asked for on its own tail, so small tail probabilities keep full precision.
    const double lower = count == 0 ? 0 : boost::math::gamma_p_inv(count, tail, Quiet());
    return Interval{lower, boost::math::gamma_q_inv(count + 1, tail, Quiet())};
}

std::optional<Interval> crude_rate_limits(double count, double denominator, double confidence, double multiplier) {
    if (!(denominator > 0)) return std::nullopt;
    const auto limits = count < 10 ? exact_poisson_limits(count, confidence) : byars_limits(count, confidence);
    if (!limits) return std::nullopt;
    const double scale = multiplier / denominator;
    return Interval{limits->lower * scale, limits->upper * scale};
}

namespace {

struct DsrSums {
    double count = 0;     ///< total events, O
    double rate = 0;      ///< sum of w_i * count_i
    double variance = 0;  ///< sum of w_i^2 * count_i
};

double total_standard_population(const std::vector<AgeBand>& bands) {
    double total = 0;
    for (const auto& b : bands) total += b.standard_population;
    return total;
}

std::optional<DsrSums> dsr_sums(const std::vector<AgeBand>& bands) {
    const double standard = total_standard_population(bands);
    if (!(standard > 0)) return std::nullopt;
    DsrSums s;
    for (const auto& b : bands) {
        if (!(b.population > 0) || b.count < 0 || !(b.standard_population >= 0)) return std::nullopt;
        const double count = std::isnan(b.count) ? 0 : b.count;
        const double w = b.standard_population / b.population / standard;
        s.count += count;
        s.rate += w * count;
        s.variance += w * w * count;
    }
    return s;
}

}  // namespace

std::optional<DsrResult> dsr_with_dobson(const std::vector<AgeBand>& bands, double multiplier, double confidence) {
    const auto s = dsr_sums(bands);
    // PHE does not publish a rate on fewer than 10 events: too unstable to mean anything.
    if (!s || s->count < 10 || !valid_confidence(confidence)) return std::nullopt;
    const Interval o = *byars_limits(s->count, confidence);
    // Dobson: the rate moves with the total count, scaled by the rate's standard error per event.
    const double scale = std::sqrt(s->variance / s->count);
    const Interval limits{(s->rate + scale * (o.lower - s->count)) * multiplier,
                          (s->rate + scale * (o.upper - s->count)) * multiplier};
    return DsrResult{s->rate * multiplier, limits};
}

namespace {

bool known(std::optional<double> x) { return x && !std::isnan(*x); }

bool known(std::optional<Interval> ci) { return ci && !std::isnan(ci->lower) && !std::isnan(ci->upper); }

std::string difference_words(bool higher, Polarity polarity) {
    switch (polarity) {
        case Polarity::higher_is_better: return higher ? "Better" : "Worse";
        case Polarity::lower_is_better: return higher ? "Worse" : "Better";
        case Polarity::no_judgement: break;
    }
    return higher ? "Higher" : "Lower";
}

}  // namespace

std::string compare_with_benchmark(std::optional<double> value, std::optional<Interval> ci95,
                                   std::optional<double> benchmark, Polarity polarity) {
    if (!known(value) || !known(ci95) || !known(benchmark)) return "Not compared";
    if (*benchmark >= ci95->lower && *benchmark <= ci95->upper) return "Similar";
    return difference_words(ci95->lower > *benchmark, polarity);
}

BenchmarkComparison compare_with_benchmark_9598(std::optional<double> value, std::optional<Interval> ci95,
                                                std::optional<Interval> ci998, std::optional<double> benchmark,
                                                Polarity polarity) {
    std::string verdict = compare_with_benchmark(value, ci95, benchmark, polarity);
    if (verdict == "Similar" || verdict == "Not compared") return {std::move(verdict), 0};
    const bool beyond_998 = known(ci998) && (*benchmark < ci998->lower || *benchmark > ci998->upper);
    return {std::move(verdict), beyond_998 ? 998 : 95};
}

namespace {

constexpr std::size_t trend_span = 5;
constexpr double trend_critical = 9.54953570608324;  // chi-squared, one degree of freedom, 99.8%

// Fingertips' sign count: six slopes (all points, then each one left out) must agree. A slope
// that is not a number counts as rising, as it does there.
int sign_of(double slope) { return slope < 0 ? -1 : 1; }

struct TrendTest {
    double slope;
    double chi_square;
    bool holds;  ///< every leave-one-out slope has the sign of the full one
};

// Weighted least squares of value on time (t = 1..5), weights 1/SE^2 from the 95% limits.
double weighted_slope(const std::vector<TrendPoint>& points, std::size_t skip, double* chi_square) {
    double s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i + 1 == skip) continue;
        const double t = static_cast<double>(i + 1), se = (*points[i].upper - *points[i].lower) / 3.92;
        const double w = 1 / (se * se);
        s1 += w;
        s2 += w * t * points[i].value;
        s3 += w * t;
        s4 += w * points[i].value;
        s5 += w * t * t;
    }
    const double spread = s1 * s5 - s3 * s3;
    const double slope = (s1 * s2 - s3 * s4) / spread;
    if (chi_square) *chi_square = slope * slope * spread / s1;
    return slope;
}

TrendTest weighted_test(const std::vector<TrendPoint>& points) {
    double chi_square = 0;
    const double slope = weighted_slope(points, 0, &chi_square);
    int signs = sign_of(slope);
    for (std::size_t skip = 1; skip <= trend_span; ++skip) signs += sign_of(weighted_slope(points, skip, nullptr));
    return {slope, chi_square, std::abs(signs) == static_cast<int>(trend_span + 1)};
}

// Ordinary least squares of the log odds on time, for the sign check of the proportions test.
double log_odds_slope(const std::vector<TrendPoint>& points, std::size_t skip) {
    double n = 0, st = 0, stt = 0, sy = 0, sty = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i + 1 == skip) continue;
        const double t = static_cast<double>(i + 1);
        const double y = std::log(*points[i].count / (*points[i].denominator - *points[i].count));
        n += 1;
        st += t;
        stt += t * t;
        sy += y;
        sty += t * y;
    }
    return (n * sty - sy * st) / (n * stt - st * st);
}

// The chi-squared test for trend in proportions (Cochran-Armitage) on the counts.
TrendTest proportions_test(const std::vector<TrendPoint>& points) {
    double n = 0, x = 0, xt = 0, nt = 0, ntt = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double t = static_cast<double>(i + 1), count = *points[i].count, denominator = *points[i].denominator;
        n += denominator;
        x += count;
        xt += count * t;
        nt += denominator * t;
        ntt += denominator * t * t;
    }
    const double chi_square = n * std::pow(n * xt - x * nt, 2) / (x * (n - x) * (n * ntt - nt * nt));
    const double slope = log_odds_slope(points, 0);
    int signs = sign_of(slope);
    for (std::size_t skip = 1; skip <= trend_span; ++skip) signs += sign_of(log_odds_slope(points, skip));
    return {slope, chi_square, std::abs(signs) == static_cast<int>(trend_span + 1)};
}

std::string trend_words(bool increasing, Polarity polarity) {
    switch (polarity) {
        case Polarity::higher_is_better:
            return increasing ? "Increasing and getting better" : "Decreasing and getting worse";
        case Polarity::lower_is_better:
            return increasing ? "Increasing and getting worse" : "Decreasing and getting better";
        case Polarity::no_judgement: break;
    }
    return increasing ? "Increasing" : "Decreasing";
}

bool trend_value_type(const std::optional<model::ValueType>& type) {
    using model::ValueType;
    return !type || *type == ValueType::proportion || *type == ValueType::crude_rate || *type == ValueType::dsr;
}

bool valid_trend_point(const TrendPoint& p, bool needs_counts) {
    if (!std::isfinite(p.value)) return false;
    return !needs_counts || (known(p.count) && known(p.denominator) && *p.denominator > 0);
}

Trend cannot(std::string note, bool fingertips_way = true) {
    return Trend{"Cannot be calculated", fingertips_way, std::move(note)};
}

// The points Fingertips tests: the five most recent valid ones that carry limits, oldest first.
// Fingertips' own rows count only limits it published; a local KPI's worked-out limits count too.
std::vector<TrendPoint> tested_points(const std::vector<TrendPoint>& valid, bool published_only) {
    std::vector<TrendPoint> tested;
    for (auto it = valid.rbegin(); it != valid.rend() && tested.size() < trend_span; ++it)
        if (known(it->lower) && known(it->upper) && (it->published_limits || !published_only))
            tested.insert(tested.begin(), *it);
    return tested;
}

// Fingertips' calculator passes over periods without limits and tests what is left, so a series
// with none finds no change whatever its values do: the reader is told.
std::string fewer_limits_note(std::size_t tested) {
    if (tested == 0)
        return "None of the recent periods has confidence limits from Fingertips (any shown were worked out "
               "by hwbgen), so Fingertips' trend test, which uses them, finds no significant change whatever "
               "the values do.";
    return "Only " + std::to_string(tested) +
           " of the recent periods have confidence limits; Fingertips' trend test uses those "
           "alone.";
}

}  // namespace

Trend recent_trend(const std::vector<TrendPoint>& points, const TrendRules& rules) {
    if (!trend_value_type(rules.value_type))
        return cannot(
            "Fingertips calculates recent trends only for proportions, crude rates and directly "
            "standardised rates.");
    if (!rules.single_year) return cannot("Fingertips calculates recent trends only for single-year periods.");
    std::vector<TrendPoint> valid;
    for (const auto& p : points)
        if (valid_trend_point(p, rules.needs_counts)) valid.push_back(p);
    if (valid.size() < trend_span)
        return cannot(rules.needs_counts ? "Fewer than five periods have a value, a count and a denominator."
                                         : "Fewer than five periods have a value.");
    for (const auto& p : valid)
        if (rules.needs_counts && *p.count == *p.denominator)
            return cannot("A period's count equals its denominator, which Fingertips' trend test cannot take.");
    const auto tested = tested_points(valid, rules.needs_counts);
    const bool proportions = rules.method == model::TrendMethod::proportions && rules.needs_counts;
    const TrendTest test = proportions ? proportions_test(tested) : weighted_test(tested);
    Trend trend;
    if (test.holds && test.chi_square > trend_critical && test.slope != 0)
        trend.verdict = trend_words(test.slope > 0, rules.polarity);
    else
        trend.verdict = "No significant change";
    if (tested.size() < trend_span) trend.note = fewer_limits_note(tested.size());
    if (!rules.value_type && rules.needs_counts) {
        trend.fingertips_way = false;
        trend.note += std::string(trend.note.empty() ? "" : " ") +
                      "The indicator's value type is not known, so Fingertips may give no trend for it at all.";
    }
    return trend;
}

std::optional<bool> significant_change(std::optional<Interval> previous, std::optional<Interval> latest) {
    if (!previous || !latest) return std::nullopt;
    return latest->lower > previous->upper || latest->upper < previous->lower;
}

std::string target_rag(double value, double target, Polarity polarity, double amber_band) {
    const bool met = polarity == Polarity::lower_is_better ? value <= target : value >= target;
    if (met) return "green";
    // The band is relative to the target so one setting suits percentages and rates alike.
    return std::fabs(value - target) <= std::fabs(target) * amber_band ? "amber" : "red";
}

}  // namespace hwbgen::derive
