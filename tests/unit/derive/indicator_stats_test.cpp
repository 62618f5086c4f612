#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "derive/indicator_stats.hpp"

using namespace hwbgen::derive;
using hwbgen::model::Polarity;

namespace {

// The reference files are plain CSV without quotes: one map per row, by column name.
std::vector<std::map<std::string, std::string>> read_reference(const std::string& name) {
    std::ifstream in(std::string(HWBGEN_SHARED_DATA_DIR) + "/" + name);
    REQUIRE(in);
    std::vector<std::map<std::string, std::string>> rows;
    std::string line;
    std::vector<std::string> header;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> fields;
        std::stringstream s(line);
        for (std::string f; std::getline(s, f, ',');) fields.push_back(f);
        if (!line.empty() && line.back() == ',') fields.push_back("");
        if (header.empty()) {
            header = fields;
            continue;
        }
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < header.size(); ++i) row[header[i]] = i < fields.size() ? fields[i] : "";
        rows.push_back(row);
    }
    return rows;
}

double num(const std::string& s) { return std::stod(s); }

void check_limits(const std::optional<Interval>& got, const std::string& lower, const std::string& upper) {
    if (upper.empty() || upper == "NA") {
        CHECK_FALSE(got);
        return;
    }
    REQUIRE(got);
    if (lower.empty())  // "not defined" in the reference
        CHECK(std::isnan(got->lower));
    else
        CHECK(got->lower == Approx(num(lower)).epsilon(1e-6).margin(1e-12));
    CHECK(got->upper == Approx(num(upper)).epsilon(1e-6));
}

double confidence_of(const std::string& label) { return label == "95%" ? 0.95 : 0.998; }

}  // namespace

TEST_CASE("z values match the normal distribution", "[derive]") {
    CHECK(z_for(0.95) == Approx(1.959963984540054).epsilon(1e-12));
    CHECK(z_for(0.998) == Approx(3.090232306167813).epsilon(1e-12));
}

TEST_CASE("Byar's and Wilson limits reproduce PHEindicatormethods' reference values", "[derive]") {
    for (const auto& row : read_reference("pheim_expected_byars_wilson.csv")) {
        INFO("x=" << row.at("x") << " n=" << row.at("n") << " " << row.at("confidence") << " " << row.at("method"));
        const double confidence = confidence_of(row.at("confidence"));
        if (row.at("method") == "Byars")
            check_limits(byars_limits(num(row.at("x")), confidence), row.at("lowercl"), row.at("uppercl"));
        else
            check_limits(wilson_limits(num(row.at("x")), num(row.at("n")), confidence, 1), row.at("lowercl"),
                         row.at("uppercl"));
    }
}

TEST_CASE("Wilson limits for proportions reproduce the reference values at both multipliers", "[derive]") {
    for (const auto& row : read_reference("pheim_expected_proportion_wilson.csv")) {
        INFO(row.at("Area") << " " << row.at("Numerator") << "/" << row.at("Denominator"));
        const double multiplier = num(row.at("multiplier"));
        const auto x = row.at("Numerator"), n = row.at("Denominator");
        for (const auto& [confidence, lower, upper] :
             {std::make_tuple(0.95, "lower95_0cl", "upper95_0cl"), std::make_tuple(0.998, "lower99_8cl", "upper99_8cl")}) {
            const auto got = x.empty() || n.empty() ? std::nullopt : wilson_limits(num(x), num(n), confidence, multiplier);
            check_limits(got, row.at(lower), row.at(upper));
        }
    }
}

TEST_CASE("crude rate limits are exact under 10 and Byar's from 10, as the reference says", "[derive]") {
    for (const auto& row : read_reference("pheim_expected_rate_byars_exact.csv")) {
        INFO(row.at("Area") << " " << row.at("Numerator") << "/" << row.at("Denominator"));
        const auto x = row.at("Numerator"), n = row.at("Denominator");
        const double multiplier = num(row.at("multiplier"));
        for (const auto& [confidence, lower, upper] :
             {std::make_tuple(0.95, "lower95_0cl", "upper95_0cl"), std::make_tuple(0.998, "lower99_8cl", "upper99_8cl")}) {
            const auto got = x.empty() || n.empty() || x == "NA" || n == "NA"
                                 ? std::nullopt
                                 : crude_rate_limits(num(x), num(n), confidence, multiplier);
            check_limits(got, row.at(lower), row.at(upper));
        }
    }
}

TEST_CASE("directly standardised rates with Dobson limits reproduce the reference values", "[derive]") {
    const double esp2013[] = {5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
                              7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000};
    std::map<std::string, std::vector<AgeBand>> areas;
    for (const auto& row : read_reference("pheim_dsr_inputs_esp2013.csv")) {
        auto& bands = areas[row.at("area")];
        const std::string count = row.at("count");  // one band is missing: no deaths recorded
        bands.push_back({count.empty() ? 0 : num(count), num(row.at("pop")), esp2013[bands.size() % 19]});
    }
    const auto expected = read_reference("pheim_dsr_expected.csv");
    REQUIRE_FALSE(expected.empty());
    for (const auto& row : expected) {
        INFO(row.at("area"));
        REQUIRE(areas.count(row.at("area")));
        const double multiplier = row.at("statistic").find("100000") != std::string::npos ? 100000 : 10000;
        const auto got = dsr_with_dobson(areas.at(row.at("area")), multiplier);
        if (row.at("value").empty() || row.at("value") == "NA") {
            CHECK_FALSE(got);
            continue;
        }
        REQUIRE(got);
        CHECK(got->value == Approx(num(row.at("value"))).epsilon(1e-6));
        check_limits(got->ci95, row.at("lower95_0cl"), row.at("upper95_0cl"));
        check_limits(got->ci998, row.at("lower99_8cl"), row.at("upper99_8cl"));
    }
}

TEST_CASE("comparison with England gives every verdict the Fingertips way", "[derive]") {
    const Interval ci{10, 12};
    CHECK(compare_with_benchmark(11, ci, 9, Polarity::higher_is_better) == "Better");
    CHECK(compare_with_benchmark(11, ci, 9, Polarity::lower_is_better) == "Worse");
    CHECK(compare_with_benchmark(11, ci, 13, Polarity::lower_is_better) == "Better");
    CHECK(compare_with_benchmark(11, ci, 13, Polarity::higher_is_better) == "Worse");
    CHECK(compare_with_benchmark(11, ci, 9, Polarity::no_judgement) == "Higher");
    CHECK(compare_with_benchmark(11, ci, 13, Polarity::no_judgement) == "Lower");
    CHECK(compare_with_benchmark(11, ci, 11.5, Polarity::higher_is_better) == "Similar");
    CHECK(compare_with_benchmark(11, ci, 12, Polarity::higher_is_better) == "Similar");  // on the limit
    CHECK(compare_with_benchmark(11, ci, 10, Polarity::lower_is_better) == "Similar");
    CHECK(compare_with_benchmark(11, std::nullopt, 9, Polarity::higher_is_better) == "Not compared");
    CHECK(compare_with_benchmark(std::nullopt, ci, 9, Polarity::higher_is_better) == "Not compared");
    CHECK(compare_with_benchmark(11, ci, std::nullopt, Polarity::higher_is_better) == "Not compared");
}

namespace {

// Points with 95% limits of value +/- half_width.
std::vector<TrendPoint> series(std::vector<double> values, double half_width) {
    std::vector<TrendPoint> out;
    for (const double v : values) out.push_back({v, v - half_width, v + half_width, std::nullopt, std::nullopt});
    return out;
}

}  // namespace

TEST_CASE("a steadily rising series is increasing, and better or worse by polarity", "[derive][trend]") {
    // Slope 1 a year with SE 0.51: chi-squared = 1 / (0.51^2 / 10) = 38, far above 9.55.
    const auto rising = series({10, 11, 12, 13, 14}, 1);
    CHECK(recent_trend(rising, Polarity::higher_is_better, false) == "Increasing and getting better");
    CHECK(recent_trend(rising, Polarity::lower_is_better, false) == "Increasing and getting worse");
    CHECK(recent_trend(rising, Polarity::no_judgement, false) == "Increasing");
}

TEST_CASE("a steadily falling series is decreasing", "[derive][trend]") {
    const auto falling = series({14, 13, 12, 11, 10}, 1);
    CHECK(recent_trend(falling, Polarity::lower_is_better, false) == "Decreasing and getting better");
    CHECK(recent_trend(falling, Polarity::higher_is_better, false) == "Decreasing and getting worse");
    CHECK(recent_trend(falling, Polarity::no_judgement, false) == "Decreasing");
}

TEST_CASE("a flat or noisy series shows no significant change", "[derive][trend]") {
    CHECK(recent_trend(series({10, 10, 10, 10, 10}, 1), Polarity::higher_is_better, false) == "No significant change");
    // A small rise with wide intervals: chi-squared = 0.1^2 / (2.55^2 / 10) = 0.015.
    CHECK(recent_trend(series({10, 10.1, 10.2, 10.3, 10.4}, 5), Polarity::higher_is_better, false) ==
          "No significant change");
}

TEST_CASE("a trend that hangs on one point is not significant", "[derive][trend]") {
    // Without the last point the slope is negative, so the rise is not robust.
    CHECK(recent_trend(series({12, 11.5, 11, 10.5, 30}, 0.5), Polarity::higher_is_better, false) ==
          "No significant change");
}

TEST_CASE("fewer than five points, or a point without limits, cannot be calculated", "[derive][trend]") {
    CHECK(recent_trend(series({10, 11, 12, 13}, 1), Polarity::higher_is_better, false) == "Cannot be calculated");
    auto gap = series({10, 11, 12, 13, 14}, 1);
    gap[2].lower.reset();
    CHECK(recent_trend(gap, Polarity::higher_is_better, false) == "Cannot be calculated");
}

TEST_CASE("only the five most recent points count", "[derive][trend]") {
    auto points = series({30, 20, 10, 11, 12, 13, 14}, 1);
    CHECK(recent_trend(points, Polarity::higher_is_better, false) == "Increasing and getting better");
}

TEST_CASE("proportions use the chi-squared test for trend on counts", "[derive][trend]") {
    // 50 -> 70 out of 100: T = 50, Var = 0.6*0.4*1000 = 240, chi-squared = 10.4 > 9.55.
    std::vector<TrendPoint> points;
    for (const double x : {50, 55, 60, 65, 70}) points.push_back({x, std::nullopt, std::nullopt, x, 100});
    CHECK(recent_trend(points, Polarity::higher_is_better, true) == "Increasing and getting better");
    // A point with count = denominator is taken without dividing by zero.
    std::vector<TrendPoint> full;
    for (const double x : {96, 97, 98, 99, 100}) full.push_back({x, std::nullopt, std::nullopt, x, 100});
    CHECK(recent_trend(full, Polarity::higher_is_better, true) == "No significant change");
}

TEST_CASE("local KPIs are green when they meet the target, amber when close", "[derive]") {
    CHECK(target_rag(96, 95, Polarity::higher_is_better, 0.05) == "green");
    CHECK(target_rag(92, 95, Polarity::higher_is_better, 0.05) == "amber");
    CHECK(target_rag(69, 95, Polarity::higher_is_better, 0.05) == "red");
    CHECK(target_rag(30, 35, Polarity::lower_is_better, 0.05) == "green");
    CHECK(target_rag(36, 35, Polarity::lower_is_better, 0.05) == "amber");
}

TEST_CASE("a change is significant when the two intervals do not overlap", "[derive]") {
    CHECK(significant_change(Interval{10, 12}, Interval{12.5, 14}) == true);
    CHECK(significant_change(Interval{10, 12}, Interval{7, 9.5}) == true);
    CHECK(significant_change(Interval{10, 12}, Interval{11, 13}) == false);
    CHECK(significant_change(Interval{10, 12}, Interval{12, 13}) == false);  // touching limits overlap
    CHECK_FALSE(significant_change(std::nullopt, Interval{12, 13}).has_value());
}
