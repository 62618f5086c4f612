#include <catch2/catch.hpp>

#include "load/fingertips_csv.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const std::string header =
    "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,"
    "Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,"
    "Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,"
    "Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal";

}  // namespace

TEST_CASE("a Fingertips row is read with its limits and published comparisons", "[load]") {
    const std::string csv = header +
                            "\n92906,\"Admission episodes for alcohol-specific conditions, persons\",E12000004,East "
                            "Midlands region,E10000018,Leicestershire,County & UA (pre 4/19),Persons,All ages,,,"
                            "2019/20,407.0,390.1,424.6,,,2810,,,Decreasing,Better,Lower,20190000,,\n";
    diag::Diagnostics diags;
    const auto rows = load::read_fingertips_csv("x.csv", csv, diags);
    CHECK(test::summary(diags).empty());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].indicator_id == 92906);
    CHECK(rows[0].indicator_name == "Admission episodes for alcohol-specific conditions, persons");
    CHECK(*rows[0].value == Approx(407.0));
    CHECK(*rows[0].upper95 == Approx(424.6));
    CHECK_FALSE(rows[0].lower998);
    CHECK(rows[0].compared_england == "Better");
    CHECK(rows[0].compared_parent == "Lower");
    CHECK(rows[0].period_sortable == 20190000);
    CHECK(rows[0].pos.line == 2);
}

TEST_CASE("quoted newlines, CRLF, short rows and a 27th column are all taken", "[load]") {
    const std::string csv = header + ",Time period range\r\n" +
                            "1,\"Name with\nnewline\",,,E92000001,England,Country,Persons,All ages,,,2019,5.5\r\n" +
                            "1,Plain,,,E10000018,Leicestershire,County,Persons,All ages,,,2019,4.5,4,5,,,,,,,"
                            "Lower,Lower,20190000,,,1y\n";
    diag::Diagnostics diags;
    const auto rows = load::read_fingertips_csv("x.csv", csv, diags);
    CHECK(test::summary(diags).empty());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].indicator_name == "Name with\nnewline");
    CHECK(rows[0].area_type == "Country");
    CHECK_FALSE(rows[0].lower95);
    CHECK(rows[1].pos.line == 4);
    CHECK(*rows[1].lower95 == Approx(4));
}

TEST_CASE("the parent comparison column is found whatever the parent is called", "[load]") {
    std::string other = header;
    other.replace(other.find("Compared to Region value or percentiles"), 39, "Compared to percentiles");
    const std::string csv = other + "\n1,n,,,E1,A,T,Persons,All ages,,,2019,5,,,,,,,,,Similar,Worse,2019,,\n";
    diag::Diagnostics diags;
    const auto rows = load::read_fingertips_csv("x.csv", csv, diags);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].compared_parent == "Worse");
}

TEST_CASE("a non-numeric value skips the row with a warning that says why", "[load]") {
    const std::string csv = header + "\n1,n,,,E1,A,T,Persons,All ages,,,2019,n/a\n";
    diag::Diagnostics diags;
    CHECK(load::read_fingertips_csv("x.csv", csv, diags).empty());
    CHECK(test::summary(diags) == "x.csv:2:0: warning: row skipped: 'Value' is not a number: 'n/a'\n");
}

TEST_CASE("a file without the Fingertips columns is an error", "[load]") {
    diag::Diagnostics diags;
    CHECK(load::read_fingertips_csv("x.csv", "a,b\n1,2\n", diags).empty());
    CHECK(test::summary(diags) ==
          "x.csv:1:1: error: missing column 'Indicator ID' [this does not look like a Fingertips 'download data' "
          "file]\n");
}
