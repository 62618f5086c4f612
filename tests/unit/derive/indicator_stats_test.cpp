#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "derive/indicator_stats.hpp"

using namespace hwbgen::derive;

namespace {

using Row = std::map<std::string, std::string>;

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// Splits one CSV line; quoted fields may hold commas and doubled quotes.
std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"')
            fields.back() += line[++i];
        else if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            fields.emplace_back();
        else
            fields.back() += c;
    }
    return fields;
}

// One map per data row, by column name; short rows read as empty fields.
std::vector<Row> read_reference(const std::string& name) {
    std::ifstream in(std::string(HWBGEN_FIXTURES_DIR) + "/" + name);
    REQUIRE(in);
    std::vector<std::string> header;
    std::vector<Row> rows;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const auto fields = split_csv_line(line);
        if (header.empty()) {
            header = fields;
            continue;
        }
        Row row;
        for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < fields.size() ? fields[i] : "";
        rows.push_back(row);
    }
    return rows;
}

std::optional<double> field(const Row& row, const std::string& column) {
    const std::string& text = row.at(column);
    if (text.empty() || text == "NA") return std::nullopt;
    return std::stod(text);
}

// Missing inputs go to the library as NaN, which it must treat as missing.
double input(const Row& row, const std::string& column) { return field(row, column).value_or(missing); }

// "95%" -> 0.95, "99.8%" -> 0.998
double confidence_of(const std::string& label) { return std::stod(label) / 100; }

void check_limits(const std::optional<Interval>& got, std::optional<double> lower, std::optional<double> upper) {
    if (!upper) {
        CHECK_FALSE(got.has_value());
        return;
    }
    REQUIRE(got.has_value());
    if (lower)
        CHECK(got->lower == Approx(*lower).epsilon(1e-6));
    else
        CHECK(std::isnan(got->lower));  // "not defined" in the reference
    CHECK(got->upper == Approx(*upper).epsilon(1e-6));
}

// The reference files' limit columns for each confidence level.
struct LimitColumns {
    double confidence;
    const char* lower;
    const char* upper;
};
const LimitColumns both_levels[] = {{0.95, "lower95_0cl", "upper95_0cl"}, {0.998, "lower99_8cl", "upper99_8cl"}};

TrendPoint with_interval(double value, double half_width) {
    return TrendPoint{value, value - half_width, value + half_width, std::nullopt, std::nullopt};
}

std::vector<TrendPoint> series(const std::vector<double>& values, double half_width) {
    std::vector<TrendPoint> points;
    for (double v : values) points.push_back(with_interval(v, half_width));
    return points;
}

}  // namespace

TEST_CASE("the normal quantile matches published values to 1e-12", "[derive]") {
    CHECK(normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-12));
    CHECK(normal_quantile(0.999) == Approx(3.090232306167813).epsilon(1e-12));
    CHECK(normal_quantile(0.025) == Approx(-1.959963984540054).epsilon(1e-12));
    CHECK(normal_quantile(1e-10) == Approx(-6.361340902404056).epsilon(1e-12));
    CHECK(normal_quantile(0.8) == Approx(0.8416212335729143).epsilon(1e-12));
    CHECK(normal_quantile(0.5) == Approx(0.0).margin(1e-15));
    CHECK(z_for(0.95) == Approx(1.959963984540054).epsilon(1e-12));
    CHECK(z_for(0.998) == Approx(3.090232306167813).epsilon(1e-12));
    CHECK(std::isnan(normal_quantile(0)));
    CHECK(std::isnan(z_for(1)));
}

TEST_CASE("gamma quantiles invert the Poisson tail sums to 1e-11", "[derive]") {
    // For integer shape k, P(k, x) = P(Poisson(x) >= k): an independent check. Each tail is summed
    // on its own side so that the check itself keeps full precision.
    for (int k = 1; k <= 12; ++k) {
        for (double p : {1e-6, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999}) {
            const double x = gamma_quantile(k, p);
            double term = std::exp(-x), below = 0, at_or_above = 0;
            for (int j = 0; j < k; ++j) below += term, term *= x / (j + 1);
            for (int j = k; j < k + 200; ++j) at_or_above += term, term *= x / (j + 1);
            INFO("shape " << k << ", p " << p);
            if (p <= 0.5)
                CHECK(at_or_above == Approx(p).epsilon(1e-11));
            else
                CHECK(below == Approx(1 - p).epsilon(1e-11));
        }
    }
    CHECK(gamma_quantile(1, 0.999) == Approx(-std::log(0.001)).epsilon(1e-12));
    CHECK(gamma_quantile(2.5, 0) == 0);
    CHECK(std::isinf(gamma_quantile(2.5, 1)));
    CHECK(std::isnan(gamma_quantile(0, 0.5)));
}

TEST_CASE("Byar's and Wilson limits reproduce every row of the PHEindicatormethods reference", "[derive]") {
    const auto rows = read_reference("pheim_expected_byars_wilson.csv");
    REQUIRE(rows.size() == 13);
    for (const auto& row : rows) {
        INFO("x " << row.at("x") << ", n " << row.at("n") << ", " << row.at("confidence") << " " << row.at("method"));
        const double confidence = confidence_of(row.at("confidence"));
        const auto got = row.at("method") == "Byars" ? byars_limits(input(row, "x"), confidence)
                                                     : wilson_limits(input(row, "x"), input(row, "n"), confidence, 1);
        check_limits(got, field(row, "lowercl"), field(row, "uppercl"));
    }
}

TEST_CASE("Wilson limits reproduce every proportion and percentage, and nothing for missing inputs", "[derive]") {
    const auto rows = read_reference("pheim_expected_proportion_wilson.csv");
    REQUIRE(rows.size() == 19);
    for (const auto& row : rows) {
        for (const auto& level : both_levels) {
            INFO(row.at("Area") << " x" << row.at("multiplier") << " at " << level.confidence);
            const auto got = wilson_limits(input(row, "Numerator"), input(row, "Denominator"), level.confidence,
                                           input(row, "multiplier"));
            check_limits(got, field(row, level.lower), field(row, level.upper));
        }
    }
}

TEST_CASE("crude rate limits are exact under 10 events and Byar's from 10, as every reference row says", "[derive]") {
    const auto rows = read_reference("pheim_expected_rate_byars_exact.csv");
    REQUIRE(rows.size() == 20);
    for (const auto& row : rows) {
        for (const auto& level : both_levels) {
            INFO(row.at("Area") << " " << row.at("statistic") << " at " << level.confidence);
            const auto got = crude_rate_limits(input(row, "Numerator"), input(row, "Denominator"), level.confidence,
                                               input(row, "multiplier"));
            check_limits(got, field(row, level.lower), field(row, level.upper));
        }
    }
}

TEST_CASE("directly standardised rates with Dobson limits match every reference row, none under 10 events",
          "[derive]") {
    const std::vector<double> esp2013 = {5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
                                         7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000};
    std::map<std::string, std::vector<AgeBand>> areas;
    for (const auto& row : read_reference("pheim_dsr_inputs_esp2013.csv")) {
        auto& bands = areas[row.at("area")];
        bands.push_back({input(row, "count"), input(row, "pop"), esp2013.at(bands.size())});
    }
    REQUIRE(areas.size() == 3);
    const auto rows = read_reference("pheim_dsr_expected.csv");
    REQUIRE(rows.size() == 6);
    for (const auto& row : rows) {
        const std::string statistic = row.at("statistic");
        const auto per = statistic.find("per ");
        const double multiplier = per == std::string::npos ? 100000 : std::stod(statistic.substr(per + 4));
        REQUIRE(areas.at(row.at("area")).size() == 19);
        for (const auto& level : both_levels) {
            INFO(row.at("area") << " " << statistic << " at " << level.confidence);
            const auto got = dsr_with_dobson(areas.at(row.at("area")), multiplier, level.confidence);
            const auto value = field(row, "value");
            REQUIRE(got.has_value() == value.has_value());
            if (!got) continue;
            CHECK(got->value == Approx(*value).epsilon(1e-6));
            check_limits(got->limits, field(row, level.lower), field(row, level.upper));
        }
    }
}

TEST_CASE("a missing count in an age band counts as zero in a standardised rate", "[derive]") {
    std::vector<AgeBand> with_zero = {{20, 1000, 5000}, {0, 2000, 6000}, {30, 1500, 4000}};
    std::vector<AgeBand> with_missing = with_zero;
    with_missing[1].count = missing;
    const auto a = dsr_with_dobson(with_zero, 100000, 0.95), b = dsr_with_dobson(with_missing, 100000, 0.95);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(b->value == Approx(a->value));
    CHECK(b->limits.lower == Approx(a->limits.lower));
    CHECK(b->limits.upper == Approx(a->limits.upper));
}

TEST_CASE("a standardised rate is not computed without a positive population in every band", "[derive]") {
    CHECK_FALSE(dsr_with_dobson({{20, 1000, 5000}, {10, 0, 6000}}, 100000, 0.95));
    CHECK_FALSE(dsr_with_dobson({{20, 1000, 5000}, {10, missing, 6000}}, 100000, 0.95));
    CHECK_FALSE(dsr_with_dobson({{20, 1000, 5000}, {-1, 500, 6000}}, 100000, 0.95));
    CHECK_FALSE(dsr_with_dobson({}, 100000, 0.95));
}

TEST_CASE("Wilson limits are not defined for impossible proportions and stay within 0 to 1", "[derive]") {
    CHECK_FALSE(wilson_limits(11, 10, 0.95, 100));
    CHECK_FALSE(wilson_limits(-1, 10, 0.95, 100));
    CHECK_FALSE(wilson_limits(0, 0, 0.95, 100));
    CHECK_FALSE(wilson_limits(5, 10, 1.5, 100));
    const auto none = wilson_limits(0, 50, 0.95, 100), all = wilson_limits(50, 50, 0.95, 100);
    REQUIRE(none);
    REQUIRE(all);
    CHECK(none->lower == 0);
    CHECK(none->upper > 0);
    CHECK(all->upper == 100);
    CHECK(all->lower < 100);
}

TEST_CASE("limits for a count of zero start at zero", "[derive]") {
    const auto byars = byars_limits(0, 0.95), exact = exact_poisson_limits(0, 0.95);
    REQUIRE(byars);
    REQUIRE(exact);
    CHECK(byars->lower == 0);
    CHECK(exact->lower == 0);
    CHECK(exact->upper == Approx(-std::log(0.025)).epsilon(1e-12));  // chi2inv(0.975, 2)/2
    CHECK_FALSE(byars_limits(-1, 0.95));
    CHECK_FALSE(crude_rate_limits(5, 0, 0.95, 100000));
}

TEST_CASE("an interval wholly above or below the benchmark is better or worse by polarity", "[derive][compare]") {
    const Interval above{12, 14}, below{6, 8};
    CHECK(compare_with_benchmark(13, above, 10, Polarity::higher_is_better) == "Better");
    CHECK(compare_with_benchmark(7, below, 10, Polarity::higher_is_better) == "Worse");
    CHECK(compare_with_benchmark(13, above, 10, Polarity::lower_is_better) == "Worse");
    CHECK(compare_with_benchmark(7, below, 10, Polarity::lower_is_better) == "Better");
    CHECK(compare_with_benchmark(13, above, 10, Polarity::no_judgement) == "Higher");
    CHECK(compare_with_benchmark(7, below, 10, Polarity::no_judgement) == "Lower");
}

TEST_CASE("a benchmark inside the interval, or exactly on a limit, is similar", "[derive][compare]") {
    for (auto polarity : {Polarity::higher_is_better, Polarity::lower_is_better, Polarity::no_judgement}) {
        CHECK(compare_with_benchmark(10.5, Interval{9, 12}, 10, polarity) == "Similar");
        CHECK(compare_with_benchmark(11, Interval{10, 12}, 10, polarity) == "Similar");
        CHECK(compare_with_benchmark(9, Interval{8, 10}, 10, polarity) == "Similar");
    }
}

TEST_CASE("a missing value, interval or benchmark is not compared", "[derive][compare]") {
    const Interval ci{12, 14};
    CHECK(compare_with_benchmark(std::nullopt, ci, 10, Polarity::higher_is_better) == "Not compared");
    CHECK(compare_with_benchmark(13, std::nullopt, 10, Polarity::higher_is_better) == "Not compared");
    CHECK(compare_with_benchmark(13, ci, std::nullopt, Polarity::higher_is_better) == "Not compared");
    CHECK(compare_with_benchmark(13, Interval{missing, 14}, 10, Polarity::no_judgement) == "Not compared");
}

TEST_CASE("the 95/99.8 comparison keeps the 95% verdict and says how significant it is", "[derive][compare]") {
    const Interval ci95{12, 14}, wide998{11, 15}, wider998{9, 16}, touching998{10, 15};
    const auto strong = compare_with_benchmark_9598(13, ci95, wide998, 10, Polarity::higher_is_better);
    CHECK(strong.verdict == "Better");
    CHECK(strong.level == 998);
    const auto weak = compare_with_benchmark_9598(13, ci95, wider998, 10, Polarity::lower_is_better);
    CHECK(weak.verdict == "Worse");
    CHECK(weak.level == 95);
    // A benchmark on the 99.8% limit is inside it, so only the 95% difference stands.
    CHECK(compare_with_benchmark_9598(13, ci95, touching998, 10, Polarity::no_judgement).level == 95);
    CHECK(compare_with_benchmark_9598(13, ci95, std::nullopt, 10, Polarity::no_judgement).level == 95);
    const auto similar = compare_with_benchmark_9598(13, ci95, wide998, 13, Polarity::higher_is_better);
    CHECK(similar.verdict == "Similar");
    CHECK(similar.level == 0);
    const auto absent = compare_with_benchmark_9598(13, std::nullopt, wide998, 10, Polarity::higher_is_better);
    CHECK(absent.verdict == "Not compared");
    CHECK(absent.level == 0);
}

namespace {

// The verdict for a series of limits alone, as a local KPI carries them.
std::string limits_trend(const std::vector<TrendPoint>& points, Polarity polarity) {
    TrendRules rules;
    rules.polarity = polarity;
    rules.needs_counts = false;
    return recent_trend(points, rules).verdict;
}

// A proportion of count/denominator with its Wilson limits, as a Fingertips row carries it.
TrendPoint proportion_point(double count, double denominator) {
    const auto ci = *wilson_limits(count, denominator, 0.95, 100);
    return TrendPoint{count / denominator * 100, ci.lower, ci.upper, count, denominator};
}

Trend proportions_trend(const std::vector<double>& counts, double denominator, Polarity polarity,
                        hwbgen::model::TrendMethod method = hwbgen::model::TrendMethod::proportions) {
    std::vector<TrendPoint> points;
    for (double x : counts) points.push_back(proportion_point(x, denominator));
    TrendRules rules;
    rules.polarity = polarity;
    rules.value_type = hwbgen::model::ValueType::proportion;
    rules.method = method;
    return recent_trend(points, rules);
}

}  // namespace

TEST_CASE("a steadily rising series is increasing, better or worse by polarity", "[derive][trend]") {
    // Equal weights (SE = 2/3.92), slope 2 per period: chi^2 = 4 * 10 * 3.8416 = 153.7 > 9.5495,
    // and any four points of a straight line still rise.
    const auto points = series({10, 12, 14, 16, 18}, 1);
    CHECK(limits_trend(points, Polarity::higher_is_better) == "Increasing and getting better");
    CHECK(limits_trend(points, Polarity::lower_is_better) == "Increasing and getting worse");
    CHECK(limits_trend(points, Polarity::no_judgement) == "Increasing");
}

TEST_CASE("a steadily falling series is decreasing, better or worse by polarity", "[derive][trend]") {
    // The mirror of the rising series: slope -2, the same chi^2 of 153.7.
    const auto points = series({18, 16, 14, 12, 10}, 1);
    CHECK(limits_trend(points, Polarity::higher_is_better) == "Decreasing and getting worse");
    CHECK(limits_trend(points, Polarity::lower_is_better) == "Decreasing and getting better");
    CHECK(limits_trend(points, Polarity::no_judgement) == "Decreasing");
}

TEST_CASE("a flat series shows no significant change", "[derive][trend]") {
    // Slope = sum (t-3) y / 10 = -0.01 with weight 0.9604: chi^2 = 0.0001 * 9.604, far below 9.5495.
    const auto points = series({10, 10.5, 9.8, 10.2, 10.1}, 2);
    CHECK(limits_trend(points, Polarity::higher_is_better) == "No significant change");
    CHECK(limits_trend(points, Polarity::no_judgement) == "No significant change");
}

TEST_CASE("a trend that hangs on one point shows no significant change", "[derive][trend]") {
    // 20, 10, 10, 10, 30: slope 2 and chi^2 153.7, but without the last point the slope is -1.5.
    CHECK(limits_trend(series({20, 10, 10, 10, 30}, 1), Polarity::higher_is_better) == "No significant change");
    // 10, 10, 10, 10, 20: without the last point the slope is 0, which Fingertips' sign count
    // takes as rising, so the trend stands.
    CHECK(limits_trend(series({10, 10, 10, 10, 20}, 1), Polarity::no_judgement) == "Increasing");
}

TEST_CASE("fewer than five points cannot be calculated", "[derive][trend]") {
    CHECK(limits_trend(series({10, 12, 14, 16}, 1), Polarity::higher_is_better) == "Cannot be calculated");
    CHECK(recent_trend({}, TrendRules{}).verdict == "Cannot be calculated");
}

TEST_CASE("a point without limits is passed over, as Fingertips passes it over", "[derive][trend]") {
    auto gap = series({10, 12, 14, 16, 18}, 1);
    gap[2].lower = std::nullopt;
    TrendRules rules;
    rules.needs_counts = false;
    const Trend trend = recent_trend(gap, rules);
    CHECK(trend.verdict == "Increasing");
    CHECK(trend.fingertips_way);
    CHECK(trend.note ==
          "Only 4 of the recent periods have confidence limits; Fingertips' trend "
          "test uses those alone.");
    // With an older point to take its place, the five most recent with limits are tested.
    auto longer = series({8, 10, 12, 14, 16, 18}, 1);
    longer[3].upper = std::nullopt;
    CHECK(recent_trend(longer, rules).note.empty());
}

TEST_CASE("only the five most recent points count", "[derive][trend]") {
    auto points = series({30, 10, 12, 14, 16, 18}, 1);
    CHECK(limits_trend(points, Polarity::higher_is_better) == "Increasing and getting better");
}

TEST_CASE("Fingertips' rows need a count and a denominator in five periods", "[derive][trend]") {
    TrendRules rules;  // needs_counts: a Fingertips row
    const Trend trend = recent_trend(series({10, 12, 14, 16, 18}, 1), rules);
    CHECK(trend.verdict == "Cannot be calculated");
    CHECK(trend.fingertips_way);
    CHECK(trend.note == "Fewer than five periods have a value, a count and a denominator.");
}

TEST_CASE("Fingertips gives no trend for other value types or multi-year periods", "[derive][trend]") {
    std::vector<TrendPoint> points;
    for (double x : {100, 120, 140, 160, 180}) points.push_back(proportion_point(x, 1000));
    TrendRules rules;
    for (const auto type :
         {hwbgen::model::ValueType::indirectly_standardised_ratio,
          hwbgen::model::ValueType::indirectly_standardised_proportion, hwbgen::model::ValueType::years,
          hwbgen::model::ValueType::count, hwbgen::model::ValueType::score, hwbgen::model::ValueType::ratio}) {
        rules.value_type = type;
        CHECK(recent_trend(points, rules).verdict == "Cannot be calculated");
    }
    rules.value_type = hwbgen::model::ValueType::dsr;
    CHECK(recent_trend(points, rules).verdict == "Increasing");
    rules.single_year = false;
    const Trend pooled = recent_trend(points, rules);
    CHECK(pooled.verdict == "Cannot be calculated");
    CHECK(pooled.note == "Fingertips calculates recent trends only for single-year periods.");
}

TEST_CASE("proportions compared by SPC use the chi-squared test for trend", "[derive][trend]") {
    // 100..180 of 1000: chi^2 = N (N sum x t - X sum n t)^2 / (X (N - X) (N sum n t^2 - (sum n t)^2))
    // = 5000 * (5000 * 2200 - 700 * 15000)^2 / (700 * 4300 * (5000 * 55000 - 15000^2)) = 33.2.
    CHECK(proportions_trend({100, 120, 140, 160, 180}, 1000, Polarity::higher_is_better).verdict ==
          "Increasing and getting better");
    CHECK(proportions_trend({100, 120, 140, 160, 180}, 1000, Polarity::lower_is_better).verdict ==
          "Increasing and getting worse");
    CHECK(proportions_trend({180, 160, 140, 120, 100}, 1000, Polarity::lower_is_better).verdict ==
          "Decreasing and getting better");
    CHECK(proportions_trend({180, 160, 140, 120, 100}, 1000, Polarity::no_judgement).verdict == "Decreasing");
}

TEST_CASE("a small change in a proportion is not significant", "[derive][trend]") {
    // 95, 97, 98, 99, 99 of 100: chi^2 about 5, below 9.5495.
    CHECK(proportions_trend({95, 97, 98, 99, 99}, 100, Polarity::higher_is_better).verdict == "No significant change");
}

TEST_CASE("a count equal to its denominator stops the trend, as in Fingertips", "[derive][trend]") {
    const Trend trend = proportions_trend({950, 970, 980, 990, 1000}, 1000, Polarity::lower_is_better);
    CHECK(trend.verdict == "Cannot be calculated");
    CHECK(trend.note == "A period's count equals its denominator, which Fingertips' trend test cannot take.");
}

TEST_CASE("on Fingertips' rows only published limits count, as in Fingertips", "[derive][trend]") {
    std::vector<TrendPoint> points;
    for (double x : {100, 120, 140, 160, 180}) points.push_back(proportion_point(x, 1000));
    TrendRules rules;
    rules.value_type = hwbgen::model::ValueType::proportion;
    CHECK(recent_trend(points, rules).verdict == "Increasing");
    CHECK(recent_trend(points, rules).note.empty());
    for (auto& p : points) p.published_limits = false;  // worked out by hwbgen from the counts
    const Trend none = recent_trend(points, rules);
    CHECK(none.verdict == "No significant change");
    CHECK(none.note ==
          "None of the recent periods has confidence limits from Fingertips (any shown were worked "
          "out by hwbgen), so Fingertips' trend test, which uses them, finds no significant change "
          "whatever the values do.");
    // A local KPI's own worked-out limits do count.
    rules.needs_counts = false;
    CHECK(recent_trend(points, rules).verdict == "Increasing");
}

TEST_CASE("without a value type a Fingertips row's trend says it may not be Fingertips'", "[derive][trend]") {
    std::vector<TrendPoint> points;
    for (double x : {100, 120, 140, 160, 180}) points.push_back(proportion_point(x, 1000));
    const Trend trend = recent_trend(points, TrendRules{});
    CHECK(trend.verdict == "Increasing");
    CHECK_FALSE(trend.fingertips_way);
}

TEST_CASE("local KPIs are green when they meet the target, amber when close, red otherwise", "[derive]") {
    CHECK(target_rag(96, 95, Polarity::higher_is_better, 0.05) == "green");
    CHECK(target_rag(95, 95, Polarity::higher_is_better, 0.05) == "green");
    CHECK(target_rag(92, 95, Polarity::higher_is_better, 0.05) == "amber");
    CHECK(target_rag(90, 100, Polarity::higher_is_better, 0.1) == "amber");  // exactly on the band
    CHECK(target_rag(80, 95, Polarity::higher_is_better, 0.05) == "red");
    CHECK(target_rag(9, 10, Polarity::lower_is_better, 0.05) == "green");
    CHECK(target_rag(10.4, 10, Polarity::lower_is_better, 0.05) == "amber");
    CHECK(target_rag(12, 10, Polarity::lower_is_better, 0.05) == "red");
    CHECK(target_rag(96, 95, Polarity::no_judgement, 0.05) == "green");
    CHECK(target_rag(missing, 95, Polarity::higher_is_better, 0.05) == "red");
}

TEST_CASE("a change between reports is significant when the intervals do not overlap", "[derive]") {
    CHECK(significant_change(Interval{10, 12}, Interval{13, 15}) == true);
    CHECK(significant_change(Interval{10, 12}, Interval{12, 15}) == false);
    CHECK_FALSE(significant_change(std::nullopt, Interval{13, 15}).has_value());
}

TEST_CASE("the recent trend matches what Fingertips published for real series", "[derive][trend]") {
    // Five real series with the marker Fingertips showed (fingertips_published_trends.csv): the
    // chi-squared test for proportions, the weighted test on a crude rate, and a series without
    // limits, where Fingertips finds no change.
    std::map<std::string, std::vector<Row>> cases;
    for (const auto& row : read_reference("fingertips_published_trends.csv")) cases[row.at("case")].push_back(row);
    REQUIRE(cases.size() == 4);
    for (const auto& [name, rows] : cases) {
        INFO(name);
        REQUIRE(rows.size() == 5);
        std::vector<TrendPoint> points;
        for (const auto& r : rows)
            points.push_back({*field(r, "value"), field(r, "lower95"), field(r, "upper95"), field(r, "count"),
                              field(r, "denominator")});
        TrendRules rules;
        rules.value_type = rows[0].at("value_type") == "proportion" ? hwbgen::model::ValueType::proportion
                                                                    : hwbgen::model::ValueType::crude_rate;
        rules.method = rows[0].at("trend_method") == "proportions" ? hwbgen::model::TrendMethod::proportions
                                                                   : hwbgen::model::TrendMethod::limits;
        CHECK(recent_trend(points, rules).verdict == rows[0].at("published_trend"));
    }
}
