// Open data and the infographic: built from a place loaded in memory with hostile names.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "derive/indicator_figures.hpp"
#include "load/load.hpp"
#include "render/infographic.hpp"
#include "render/open_data.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const char* const header =
    "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,"
    "Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,"
    "Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,"
    "Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal\n";

std::string row(const std::string& code, const std::string& name, const std::string& period, const std::string& value,
                const std::string& low, const std::string& high) {
    return "94136,HPV,,," + code + "," + name + ",County,Male,12-13 yrs,,," + period + "," + value + "," + low + "," +
           high + ",,,,,,,,," + period.substr(0, 4) + "0000,,\n";
}

// Testshire with a commitment and an indicator whose words a spreadsheet or SVG would misread.
struct Hostile {
    model::IndicatorSet indicators;
    model::Place place;
    std::vector<derive::IndicatorFigure> figures;

    Hostile() {
        auto tree = test::minimal_tree();
        std::string section = test::minimal_section_yaml;
        section.replace(section.find("We will write a manifesto."), 26, "\"=1+2 <b>&</b>\"");
        tree.add("content/testshire/sections/01-best-start.yaml", section);
        std::string definitions = test::minimal_definitions_yaml;
        definitions.replace(definitions.find("name: HPV"), 9, "name: \"@SUM(A1) <script>&\" #");
        tree.add("indicators/definitions.yaml", definitions);
        tree.add("indicators/data/hpv.csv", std::string(header) +
                                                row("E92000001", "England", "2021/22", "71.2", "71.0", "71.4") +
                                                row("E10000099", "Testshire", "2020/21", "-60.0", "-62.0", "-58.0") +
                                                row("E92000001", "England", "2020/21", "70.0", "69.8", "70.2") +
                                                row("E10000099", "Testshire", "2021/22", "80.5", "78.9", "82.0"));
        diag::Diagnostics diags;
        indicators = load::load_indicators(tree, diags);
        place = load::load_place(tree, "testshire", diags);
        INFO(test::summary(diags));
        REQUIRE_FALSE(diags.has_errors());
        figures = derive::indicator_figures(place, indicators);
    }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("open data: four files beside the About the data page", "[render][open-data]") {
    const Hostile h;
    const auto files = render::open_data_files(h.place, h.figures);
    REQUIRE(files.size() == 4);
    CHECK(files[0].path == "about-data/commitments.csv");
    CHECK(files[3].path == "about-data/indicators.json");
    // Formulas are neutralised in text columns; negative figures stay numbers.
    CHECK(has(files[0].bytes, ",'=1+2"));
    CHECK(has(files[2].bytes, ",'@SUM(A1) <script>&,"));
    CHECK(has(files[2].bytes, ",2020/21,-60,-62,-58,"));
    // JSON keeps the text as written (it is data, not a spreadsheet), figures as numbers.
    const auto items = nlohmann::json::parse(files[1].bytes);
    REQUIRE(items["items"].size() == 1);
    CHECK(items["items"][0]["text"] == "=1+2 &");
    CHECK(items["items"][0]["latest_rating"].is_null());
    const auto rows = nlohmann::json::parse(files[3].bytes)["rows"];
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["value"] == -60.0);
    CHECK(rows[0]["latest"] == false);
    CHECK(rows[1]["latest"] == true);
    CHECK(rows[1]["compared_with_england"] == "Better");
    CHECK(rows[1]["england_value"] == 71.2);
}

TEST_CASE("infographic: a tile per indicator, its words escaped, nothing without figures", "[render][infographic]") {
    const Hostile h;
    const auto svg = render::infographic_svg(h.place, h.figures);
    CHECK(has(svg, "<title id=\"title\">Health and wellbeing in Testshire, compared with England</title>"));
    CHECK(has(svg, "@SUM(A1) &lt;script&gt;&amp;"));
    CHECK_FALSE(has(svg, "<script"));
    CHECK(has(svg, ">80.5</text>"));
    CHECK(has(svg, ">Better</text>"));  // the comparison in words, not colour alone
    CHECK(has(svg, ">England: 71.2</text>"));
    CHECK(has(svg, ">Period: 2021/22</text>"));
    CHECK(render::infographic_svg(h.place, {}).empty());
    CHECK(render::infographic_svg(h.place, h.figures) == svg);
}
