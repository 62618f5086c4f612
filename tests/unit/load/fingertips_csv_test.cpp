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
    CHECK(test::summary(diags) == "x.csv:2:38: warning: row skipped: 'Value' is not a number: 'n/a'\n");
}

TEST_CASE("a file without the Fingertips columns is an error", "[load]") {
    diag::Diagnostics diags;
    CHECK(load::read_fingertips_csv("x.csv", "a,b\n1,2\n", diags).empty());
    CHECK(test::summary(diags) ==
          "x.csv:1:1: error: missing column 'Indicator ID' [this does not look like a Fingertips 'download data' "
          "file]\n");
}

namespace {

std::string with_header(std::string from, const std::string& to) {
    std::string h = header;
    h.replace(h.find(from), from.size(), to);
    return h;
}

const std::string row =
    "\n1730,n,E12000004,East Midlands,E06000015,Derby,UA,Persons,All ages,,,2014,34.5,34.3,34.7,,,"
    "87282,252463,,Cannot be calculated,Higher,Higher,20140000,,\n";

}  // namespace

TEST_CASE("a renamed required column is an error at its header cell, naming the column", "[load]") {
    diag::Diagnostics diags;
    const auto rows = load::read_fingertips_csv("x.csv", with_header("Lower CI 95.0 limit", "Lower CI 95 limit") + row,
                                                diags);
    CHECK(rows.empty());
    CHECK(test::summary(diags) ==
          "x.csv:1:132: error: column N is headed 'Lower CI 95 limit' where Fingertips writes 'Lower CI 95.0 limit' "
          "[rename it back to what the download says: hwbgen needs it for limits, comparisons and trends]\n");
}

TEST_CASE("every edited column of a header is reported, optional ones as warnings", "[load]") {
    std::string h = with_header("Count,", "Number of events,");
    h.replace(h.find("Area Name"), 9, "Place");
    h.replace(h.find(",Recent Trend"), 13, "");  // removed altogether
    diag::Diagnostics diags;
    CHECK(load::read_fingertips_csv("x.csv", h + row, diags).empty());
    const std::string s = test::summary(diags);
    CHECK(s.find("x.csv:1:63: warning: column F is headed 'Place' where Fingertips writes 'Area Name'") !=
          std::string::npos);
    CHECK(s.find("error: column R is headed 'Number of events' where Fingertips writes 'Count'") != std::string::npos);
    CHECK(s.find("x.csv:1:1: error: missing column 'Recent Trend'") != std::string::npos);
    CHECK(diags.error_count() == 2);
}

TEST_CASE("a repeated column is an error", "[load]") {
    diag::Diagnostics diags;
    CHECK(load::read_fingertips_csv("x.csv", with_header("New data", "Value") + row, diags).empty());
    CHECK(test::summary(diags).find("error: column Y 'Value' repeats column M") != std::string::npos);
}

TEST_CASE("the 27th column and hwbgen's Example column are known; others are ignored with a warning", "[load]") {
    diag::Diagnostics diags;
    const auto rows = load::read_fingertips_csv("x.csv", header + ",Time period range,Example,Notes" + row, diags);
    REQUIRE(rows.size() == 1);
    CHECK(test::summary(diags) ==
          "x.csv:1:408: warning: column AC 'Notes' is not a Fingertips column and is ignored\n");
}

TEST_CASE("impossible numbers in a row are errors at their cell", "[load]") {
    model::IndicatorDefinition proportion;
    proportion.fingertips_id = 1730;
    proportion.value_type = model::ValueType::proportion;
    const std::string csv = header +
                            "\n1730,n,P,P,A1,A,T,Persons,All ages,,,2014,1,2,1,,,-3,10,,,,,2014,,"
                            "\n1730,n,P,P,A2,A,T,Persons,All ages,,,2014,1,,,,,12,10,,,,,2014,,"
                            "\n1730,n,P,P,A3,A,T,Persons,All ages,,,2014,inf,,,,,1,0,,,,,2014,,"
                            "\n1730,n,P,P,A4,A,T,Persons,All ages,,,2014,1,,,,,some,10,,,,,2014,,\n";
    diag::Diagnostics diags;
    const auto rows = load::read_fingertips_csv("x.csv", csv, diags, {proportion});
    CHECK(rows.size() == 4);
    CHECK(
        test::summary(diags) ==
        "x.csv:2:45: error: 'Lower CI 95.0 limit' (2) is above 'Upper CI 95.0 limit' (1) [the limits may have been "
        "swapped: the lower limit comes first]\n"
        "x.csv:2:51: error: 'Count' is negative: -3 [a count of events cannot be below 0]\n"
        "x.csv:3:49: error: 'Count' (12) is above 'Denominator' (10) on a proportion [a proportion counts part of its "
        "denominator; check the two columns are not swapped]\n"
        "x.csv:4:43: error: 'Value' is not a finite number: 'inf' [write the number itself, or leave the cell empty "
        "when there is none]\n"
        "x.csv:4:53: warning: 'Denominator' is 0: no value or limits can be worked out from this row\n"
        "x.csv:5:49: warning: 'Count' is not a number: 'some'; read as empty\n");
}
