#include <catch2/catch.hpp>

#include "derive/indicator_figures.hpp"

using namespace hwbgen;

namespace {

model::IndicatorValue row(const std::string& area, const std::string& period, long sortable, double value) {
    model::IndicatorValue r;
    r.indicator_id = 20602;
    r.area_code = area;
    r.time_period = period;
    r.period_sortable = sortable;
    r.value = value;
    r.sex = "Persons";
    return r;
}

model::IndicatorSet year6() {
    model::IndicatorSet set;
    model::IndicatorDefinition d;
    d.id = "year6-overweight";
    d.fingertips_id = 20602;
    d.value_type = model::ValueType::proportion;
    d.multiplier = 100;
    d.polarity = model::Polarity::lower_is_better;
    set.definitions.push_back(d);
    return set;
}

}  // namespace

TEST_CASE("limits are worked out from count and denominator when a row has none", "[derive]") {
    auto set = year6();
    auto r = row("E1", "2019/20", 20190000, 30);
    r.count = 300;
    r.denominator = 1000;
    set.values.push_back(r);
    derive::complete_limits(set);
    REQUIRE(set.values[0].lower95);
    CHECK(*set.values[0].lower95 == Approx(27.23).epsilon(1e-3));
    CHECK(*set.values[0].upper95 == Approx(32.92).epsilon(1e-3));
    CHECK(set.values[0].limits_computed);
}

TEST_CASE("the latest value is compared with England for the same period, and the series is kept", "[derive]") {
    auto set = year6();
    auto old = row("E1", "2018/19", 20180000, 31);
    auto latest = row("E1", "2019/20", 20190000, 30.6);
    latest.lower95 = 29.5;
    latest.upper95 = 31.7;
    set.values = {latest, old, row(model::england_area_code, "2019/20", 20190000, 35.2),
                  row(model::england_area_code, "2018/19", 20180000, 34.3)};
    model::Place place;
    place.area_code = "E1";
    const auto figures = derive::indicator_figures(place, set);
    REQUIRE(figures.size() == 1);
    const auto& f = figures[0];
    REQUIRE(f.latest);
    CHECK(f.latest->time_period == "2019/20");
    CHECK(*f.england->value == Approx(35.2));
    CHECK(f.compared == "Better");
    CHECK_FALSE(f.published_comparison);
    REQUIRE(f.series.size() == 2);
    CHECK(f.series[0]->time_period == "2018/19");
    CHECK(*f.england_series[0]->value == Approx(34.3));
    CHECK(f.trend == "Cannot be calculated");
}

TEST_CASE("without limits the published comparison and trend are shown, and said to be Fingertips'", "[derive]") {
    auto set = year6();
    auto latest = row("E1", "2019/20", 20190000, 30.6);
    latest.compared_england = "Better";
    latest.recent_trend = "Decreasing and getting better";
    set.values = {latest, row(model::england_area_code, "2019/20", 20190000, 35.2)};
    model::Place place;
    place.area_code = "E1";
    const auto f = derive::indicator_figures(place, set).at(0);
    CHECK(f.compared == "Better");
    CHECK(f.published_comparison);
    CHECK(f.trend == "Decreasing and getting better");
    CHECK(f.published_trend);
}

TEST_CASE("with the ci95-99.8 method, a difference that holds at 99.8% is marked", "[derive]") {
    auto set = year6();
    set.definitions[0].comparison = model::ComparisonMethod::ci95_998;
    auto latest = row("E1", "2019/20", 20190000, 30.6);
    latest.lower95 = 29.5;
    latest.upper95 = 31.7;
    latest.lower998 = 28.9;
    latest.upper998 = 32.4;
    set.values = {latest, row(model::england_area_code, "2019/20", 20190000, 35.2)};
    model::Place place;
    place.area_code = "E1";
    auto f = derive::indicator_figures(place, set).at(0);
    CHECK(f.compared == "Better");
    CHECK(f.significant_998);
    set.values[1].value = 32.0;  // outside the 95% interval, inside the 99.8% one
    f = derive::indicator_figures(place, set).at(0);
    CHECK(f.compared == "Better");
    CHECK_FALSE(f.significant_998);
}

namespace {

// One row of `count` events and the given denominator, under a definition of the given type and
// confidence-interval method; returns its 95% limits as complete_limits works them out.
std::pair<double, double> limits_by(model::ValueType type, model::CiMethod method, double count, double denominator,
                                    double multiplier, std::optional<double> value = std::nullopt) {
    auto set = year6();
    set.definitions[0].value_type = type;
    set.definitions[0].ci_method = method;
    set.definitions[0].multiplier = multiplier;
    auto r = row("E1", "2019/20", 20190000, value.value_or(count / denominator * multiplier));
    r.count = count;
    r.denominator = denominator;
    set.values.push_back(r);
    derive::complete_limits(set);
    if (!set.values[0].lower95) return {-1, -1};
    return {*set.values[0].lower95, *set.values[0].upper95};
}

}  // namespace

TEST_CASE("a crude rate follows its ci_method, even below 10 events", "[derive]") {
    using model::CiMethod;
    using model::ValueType;
    // 4 events in 10,000 per 100,000. Exact: chi-squared limits 1.0899 and 10.2416 events;
    // Byar's: 4 (1 - 1/36 - 1.96/6)^3 = 1.0765 and 5 (1 - 1/45 + 1.96/sqrt(45))^3 = 10.2409.
    const auto by_default = limits_by(ValueType::crude_rate, CiMethod::by_value_type, 4, 10000, 100000);
    CHECK(by_default.first == Approx(10.899).epsilon(1e-3));
    const auto exact = limits_by(ValueType::crude_rate, CiMethod::exact_poisson, 4, 10000, 100000);
    CHECK(exact.first == Approx(by_default.first));
    const auto byars = limits_by(ValueType::crude_rate, CiMethod::byars, 4, 10000, 100000);
    CHECK(byars.first == Approx(10.765).epsilon(1e-3));
    CHECK(byars.second == Approx(102.409).epsilon(1e-3));
    // Wilson on a crude rate is what the definition asked for: count over denominator.
    const auto wilson = limits_by(ValueType::crude_rate, CiMethod::wilson, 4, 10000, 100000);
    CHECK(wilson.first > 0);
    CHECK(limits_by(ValueType::crude_rate, CiMethod::none, 4, 10000, 100000).first == -1);
}

TEST_CASE("standardised values scale limits on the observed count by value / count", "[derive]") {
    using model::CiMethod;
    using model::ValueType;
    // An indirectly standardised ratio: 120 observed, 100 expected, value 120. Byar's on 120:
    // 99.50 and 143.5, so the ratio's limits are the same numbers.
    const auto isr = limits_by(ValueType::indirectly_standardised_ratio, CiMethod::by_value_type, 120, 100, 100, 120.0);
    CHECK(isr.first == Approx(99.50).epsilon(1e-3));
    CHECK(isr.second == Approx(143.50).epsilon(1e-3));
    // An indirectly standardised proportion of 6.0% from 120 observed: limits 6.0 * (99.50 / 120).
    const auto isp = limits_by(ValueType::indirectly_standardised_proportion, CiMethod::by_value_type, 120, 2000, 100,
                               6.0);
    CHECK(isp.first == Approx(6.0 * 99.50 / 120).epsilon(1e-3));
    // Dobson on a rate without age bands: Byar's on the count times rate / count; none under 10.
    const auto dobson = limits_by(ValueType::dsr, CiMethod::dobson, 120, 50000, 100000, 250.0);
    CHECK(dobson.first == Approx(250 * 99.50 / 120).epsilon(1e-3));
    CHECK(limits_by(ValueType::dsr, CiMethod::dobson, 9, 50000, 100000, 20.0).first == -1);
    CHECK(limits_by(ValueType::dsr, CiMethod::by_value_type, 120, 50000, 100000, 250.0).first == -1);
}

TEST_CASE("a period of several years is not a single year", "[derive]") {
    auto r = row("E1", "2019/20", 20190000, 1);
    CHECK(derive::single_year_period(r));
    r.time_period = "2019";
    CHECK(derive::single_year_period(r));
    for (const char* pooled : {"2017 - 19", "2017-19", "2016/17 - 18/19"}) {
        r.time_period = pooled;
        CHECK_FALSE(derive::single_year_period(r));
    }
    r.time_period = "2019/20";
    r.time_period_range = "3y";
    CHECK_FALSE(derive::single_year_period(r));
    r.time_period_range = "1y";
    CHECK(derive::single_year_period(r));
}

TEST_CASE("a series without published limits finds no change, as Fingertips, and says why", "[derive]") {
    auto set = year6();
    for (int year = 2015; year <= 2019; ++year) {
        auto r = row("E1", std::to_string(year) + "/" + std::to_string(year - 1999), year * 10000, 0);
        r.count = 100 + 20 * (year - 2015);
        r.denominator = 1000;
        r.value = *r.count / 10.0;
        set.values.push_back(r);
    }
    derive::complete_limits(set);
    model::Place place;
    place.area_code = "E1";
    auto f = derive::indicator_figures(place, set).at(0);
    CHECK(f.trend == "No significant change");
    CHECK_FALSE(f.published_trend);
    CHECK(f.trend_note.find("None of the recent periods has confidence limits from Fingertips") == 0);
    set.values.back().recent_trend = "Increasing and getting worse";
    f = derive::indicator_figures(place, set).at(0);
    CHECK(f.published_trend);
    CHECK(f.trend_note.empty());
}
