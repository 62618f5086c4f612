#include "derive/indicator_stats.hpp"

#include <cmath>
#include <limits>

namespace hwbgen::derive {

double z_for(double confidence) {
    // Acklam's rational approximation, then one Halley step on erfc for full precision.
    const double p = 1 - (1 - confidence) / 2;
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01,  -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    double x;
    if (p > 0.97575) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

std::optional<Interval> wilson_limits(double numerator, double denominator, double confidence, double multiplier) {
    if (!(denominator > 0) || numerator < 0 || numerator > denominator) return std::nullopt;
    const double z = z_for(confidence), z2 = z * z, x = numerator, n = denominator;
    const double root = z * std::sqrt(z2 + 4 * x * (1 - x / n));
    const double scale = multiplier / (2 * (n + z2));
    return Interval{(2 * x + z2 - root) * scale, (2 * x + z2 + root) * scale};
}

std::optional<Interval> byars_limits(double count, double confidence) {
    if (count < 0) return std::nullopt;
    const double z = z_for(confidence);
    double lower = count == 0 ? 0 : count * std::pow(1 - 1 / (9 * count) - z / (3 * std::sqrt(count)), 3);
    if (lower < 0) lower = std::numeric_limits<double>::quiet_NaN();  // the approximation breaks down
    const double o = count + 1;
    const double upper = o * std::pow(1 - 1 / (9 * o) + z / (3 * std::sqrt(o)), 3);
    return Interval{lower, upper};
}

namespace {

// Regularised lower incomplete gamma P(a, x): series below a + 1, continued fraction above.
double gamma_p(double a, double x) {
    if (x <= 0) return 0;
    const double log_prefix = a * std::log(x) - x - std::lgamma(a);
    if (x < a + 1) {
        double term = 1 / a, sum = term;
        for (int n = 1; n < 1000 && std::fabs(term) > std::fabs(sum) * 1e-16; ++n) {
            term *= x / (a + n);
            sum += term;
        }
        return sum * std::exp(log_prefix);
    }
    const double tiny = 1e-300;
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 1000; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        d = std::fabs(d) < tiny ? tiny : d;
        c = b + an / c;
        c = std::fabs(c) < tiny ? tiny : c;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < 1e-16) break;
    }
    return 1 - std::exp(log_prefix) * h;
}

// The x with P(a, x) = p, by bisection: slow but sure, and only small counts come here.
double gamma_p_inverse(double a, double p) {
    double low = 0, high = std::max(10.0, a * 10 + 100);
    for (int i = 0; i < 200; ++i) {
        const double mid = (low + high) / 2;
        (gamma_p(a, mid) < p ? low : high) = mid;
    }
    return (low + high) / 2;
}

}  // namespace

std::optional<Interval> exact_poisson_limits(double count, double confidence) {
    if (count < 0) return std::nullopt;
    const double alpha = 1 - confidence;
    // qchisq(q, 2k) / 2 is the gamma quantile with shape k.
    const double lower = count == 0 ? 0 : gamma_p_inverse(count, alpha / 2);
    const double upper = gamma_p_inverse(count + 1, 1 - alpha / 2);
    return Interval{lower, upper};
}

std::optional<Interval> crude_rate_limits(double count, double denominator, double confidence, double multiplier) {
    if (!(denominator > 0)) return std::nullopt;
    const auto limits = count < 10 ? exact_poisson_limits(count, confidence) : byars_limits(count, confidence);
    if (!limits) return std::nullopt;
    return Interval{limits->lower / denominator * multiplier, limits->upper / denominator * multiplier};
}

std::optional<DsrResult> dsr_with_dobson(const std::vector<AgeBand>& bands, double multiplier) {
    double total_count = 0, total_standard = 0, weighted = 0, variance = 0;
    for (const auto& b : bands) {
        if (!(b.population > 0)) return std::nullopt;
        total_count += b.count;
        total_standard += b.standard_population;
        weighted += b.standard_population * b.count / b.population;
        variance += std::pow(b.standard_population / b.population, 2) * b.count;
    }
    if (total_count < 10 || !(total_standard > 0)) return std::nullopt;
    const double value = weighted / total_standard;
    const double se = std::sqrt(variance) / total_standard;
    const auto limits = [&](double confidence) {
        const auto o = *byars_limits(total_count, confidence);
        const double scale = se / std::sqrt(total_count);
        return Interval{(value + scale * (o.lower - total_count)) * multiplier,
                        (value + scale * (o.upper - total_count)) * multiplier};
    };
    return DsrResult{value * multiplier, limits(0.95), limits(0.998)};
}

std::string compare_with_benchmark(std::optional<double> value, std::optional<Interval> ci,
                                   std::optional<double> benchmark, model::Polarity polarity) {
    if (!value || !ci || !benchmark) return "Not compared";
    const bool higher = ci->lower > *benchmark, lower = ci->upper < *benchmark;
    if (!higher && !lower) return "Similar";
    switch (polarity) {
        case model::Polarity::higher_is_better: return higher ? "Better" : "Worse";
        case model::Polarity::lower_is_better: return lower ? "Better" : "Worse";
        case model::Polarity::no_judgement: break;
    }
    return higher ? "Higher" : "Lower";
}

namespace {

struct TrendTest {
    double slope = 0;       ///< direction of change
    double chi_square = 0;  ///< significance, 1 degree of freedom
    bool valid = false;
};

// Weighted least squares of value on time, weights 1/SE^2 with SE from the 95% limits.
TrendTest weighted_slope(const std::vector<TrendPoint>& points) {
    double sw = 0, swt = 0, swv = 0;
    std::vector<double> w;
    for (const auto& p : points) {
        if (!p.lower || !p.upper || !(*p.upper > *p.lower)) return {};
        const double se = (*p.upper - *p.lower) / 3.92;
        w.push_back(1 / (se * se));
    }
    for (size_t i = 0; i < points.size(); ++i) {
        sw += w[i];
        swt += w[i] * static_cast<double>(i);
        swv += w[i] * points[i].value;
    }
    const double t_mean = swt / sw, v_mean = swv / sw;
    double sxx = 0, sxy = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        const double dt = static_cast<double>(i) - t_mean;
        sxx += w[i] * dt * dt;
        sxy += w[i] * dt * (points[i].value - v_mean);
    }
    const double slope = sxy / sxx;
    return {slope, slope * slope * sxx, true};
}

// Chi-squared test for trend in proportions (Cochran-Armitage) on the counts.
TrendTest proportion_trend(const std::vector<TrendPoint>& points) {
    double x_total = 0, n_total = 0, nt = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        if (!p.count || !p.denominator || !(*p.denominator > 0) || *p.count < 0 || *p.count > *p.denominator)
            return {};
        x_total += *p.count;
        n_total += *p.denominator;
        nt += *p.denominator * static_cast<double>(i);
    }
    const double p_bar = x_total / n_total, t_mean = nt / n_total;
    if (p_bar <= 0 || p_bar >= 1) return {0, 0, true};  // no variation to test
    double t_stat = 0, spread = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        const double dt = static_cast<double>(i) - t_mean;
        t_stat += *points[i].count * dt;
        spread += *points[i].denominator * dt * dt;
    }
    return {t_stat, t_stat * t_stat / (p_bar * (1 - p_bar) * spread), true};
}

TrendTest trend_test(const std::vector<TrendPoint>& points, bool is_proportion) {
    if (is_proportion) {
        const TrendTest t = proportion_trend(points);
        if (t.valid) return t;
    }
    return weighted_slope(points);
}

const char* trend_words(bool increasing, model::Polarity polarity) {
    switch (polarity) {
        case model::Polarity::higher_is_better:
            return increasing ? "Increasing and getting better" : "Decreasing and getting worse";
        case model::Polarity::lower_is_better:
            return increasing ? "Increasing and getting worse" : "Decreasing and getting better";
        case model::Polarity::no_judgement: break;
    }
    return increasing ? "Increasing" : "Decreasing";
}

}  // namespace

std::string recent_trend(const std::vector<TrendPoint>& all, model::Polarity polarity, bool is_proportion) {
    if (all.size() < 5) return "Cannot be calculated";
    const std::vector<TrendPoint> points(all.end() - 5, all.end());
    const TrendTest test = trend_test(points, is_proportion);
    if (!test.valid) return "Cannot be calculated";
    constexpr double critical = 9.5495;  // chi-squared, 1 degree of freedom, 99.8%
    if (test.chi_square <= critical || test.slope == 0) return "No significant change";
    // A real trend does not hang on one point: the direction must hold with each left out.
    for (size_t skip = 0; skip < points.size(); ++skip) {
        std::vector<TrendPoint> rest;
        for (size_t i = 0; i < points.size(); ++i)
            if (i != skip) rest.push_back(points[i]);
        const TrendTest t = trend_test(rest, is_proportion);
        if (!t.valid || (t.slope > 0) != (test.slope > 0) || t.slope == 0) return "No significant change";
    }
    return trend_words(test.slope > 0, polarity);
}

std::optional<bool> significant_change(std::optional<Interval> previous, std::optional<Interval> latest) {
    if (!previous || !latest) return std::nullopt;
    return latest->lower > previous->upper || latest->upper < previous->lower;
}

std::string target_rag(double value, double target, model::Polarity polarity, double amber_band) {
    const bool lower_better = polarity == model::Polarity::lower_is_better;
    const bool met = lower_better ? value <= target : value >= target;
    if (met) return "green";
    const double gap = std::fabs(value - target), band = std::fabs(target) * amber_band;
    return gap <= band ? "amber" : "red";
}

}  // namespace hwbgen::derive
