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
