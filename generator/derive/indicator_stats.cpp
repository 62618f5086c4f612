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
using Quiet = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
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
    return boost::math::quantile(boost::math::complement(boost::math::normal_distribution<double, Quiet>(),
                                                         (1 - confidence) / 2));
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

// One point of the trend test: the time index plus (value, weight) for the weighted slope or
// (count, denominator) for Cochran-Armitage.
struct Sample {
    double t, a, b;
};

struct Fit {
    double direction;   ///< has the sign of the slope
    double chi_square;  ///< one degree of freedom
};

using Fitter = std::optional<Fit> (*)(const std::vector<Sample>&);

std::optional<Fit> weighted_fit(const std::vector<Sample>& samples) {
    double sw = 0, swt = 0;
    for (const auto& s : samples) {
        sw += s.b;
        swt += s.b * s.t;
    }
    const double t_mean = swt / sw;
    double sxx = 0, sxy = 0;
    for (const auto& s : samples) {
        sxx += s.b * (s.t - t_mean) * (s.t - t_mean);
        sxy += s.b * (s.t - t_mean) * s.a;  // the weighted mean of values drops out
    }
    if (!(sxx > 0)) return std::nullopt;
    const double slope = sxy / sxx;  // its standard error is 1/sqrt(sxx)
    return Fit{slope, slope * slope * sxx};
}

std::optional<Fit> armitage_fit(const std::vector<Sample>& samples) {
    double x = 0, n = 0, nt = 0;
    for (const auto& s : samples) {
        x += s.a;
        n += s.b;
        nt += s.b * s.t;
    }
    const double p = x / n, t_mean = nt / n;
    // All 0% or all 100% (counts equal denominators): nothing varies, so no trend and no 0/0.
    if (p <= 0 || p >= 1) return Fit{0, 0};
    double score = 0, spread = 0;
    for (const auto& s : samples) {
        score += s.a * (s.t - t_mean);
        spread += s.b * (s.t - t_mean) * (s.t - t_mean);
    }
    return Fit{score, score * score / (p * (1 - p) * spread)};
}

std::optional<std::vector<Sample>> count_samples(const std::vector<TrendPoint>& points) {
    std::vector<Sample> samples;
    for (const auto& p : points) {
        if (!known(p.count) || !known(p.denominator)) return std::nullopt;
        if (!(*p.denominator > 0) || *p.count < 0 || *p.count > *p.denominator) return std::nullopt;
        samples.push_back({static_cast<double>(samples.size()), *p.count, *p.denominator});
    }
    return samples;
}

std::optional<std::vector<Sample>> interval_samples(const std::vector<TrendPoint>& points) {
    std::vector<Sample> samples;
    for (const auto& p : points) {
        if (!std::isfinite(p.value) || !known(p.lower) || !known(p.upper) || !(*p.upper > *p.lower))
            return std::nullopt;  // a zero-width interval would weigh infinitely
        const double se = (*p.upper - *p.lower) / 3.92;
        samples.push_back({static_cast<double>(samples.size()), p.value, 1 / (se * se)});
    }
    return samples;
}

// A real trend does not hang on one point: the direction must hold with each one left out.
bool direction_holds(const std::vector<Sample>& samples, Fitter fit, double direction) {
    for (std::size_t skip = 0; skip < samples.size(); ++skip) {
        std::vector<Sample> rest;
        for (std::size_t i = 0; i < samples.size(); ++i)
            if (i != skip) rest.push_back(samples[i]);
        const auto f = fit(rest);
        if (!f || !(f->direction * direction > 0)) return false;
    }
    return true;
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

}  // namespace

std::string recent_trend(const std::vector<TrendPoint>& points, Polarity polarity, bool is_proportion) {
    constexpr std::size_t span = 5;
    constexpr double critical = 9.5495;  // chi-squared, one degree of freedom, 99.8%
    if (points.size() < span) return "Cannot be calculated";
    const std::vector<TrendPoint> recent(points.end() - span, points.end());
    auto samples = is_proportion ? count_samples(recent) : std::nullopt;
    const Fitter fit = samples ? armitage_fit : weighted_fit;
    if (!samples) samples = interval_samples(recent);
    const auto f = samples ? fit(*samples) : std::nullopt;
    if (!f) return "Cannot be calculated";
    if (!(f->chi_square > critical) || !direction_holds(*samples, fit, f->direction)) return "No significant change";
    return trend_words(f->direction > 0, polarity);
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
