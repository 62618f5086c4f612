// `hwbgen indicators --json` on a real Fingertips download agrees with Fingertips' own verdicts.
#include <catch2/catch.hpp>

#include "e2e_support.hpp"

using namespace hwbgen::test;

namespace {

const fs::path download = source_dir /
                          "tests/fixtures/fingertips/eastmids_cooccurring_mh_substance_CountyUApre419.data.csv";

// The string value of "key" in one JSON line (our own output: flat, no nested objects).
std::string field(const std::string& line, const std::string& key) {
    const auto at = line.find("\"" + key + "\":");
    if (at == std::string::npos) return "<missing>";
    const auto start = at + key.size() + 3;
    if (line.compare(start, 4, "null") == 0) return "null";
    return line.substr(start + 1, line.find('"', start + 1) - start - 1);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

}  // namespace

TEST_CASE("hwbgen reproduces every comparison Fingertips published in a real download", "[e2e][indicators]") {
    TempProject work;
    const auto r = run_hwbgen("indicators --json " + download.string() + " --definitions " +
                                  (source_dir / "tests/fixtures/fingertips/eastmids-definitions.yaml").string(),
                              work.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 87);
    size_t england = 0, parent = 0, trends_agreed = 0, trends_unreproducible = 0;
    for (const auto& line : lines) {
        INFO(line);
        // Row by row: Better/Similar/Worse/Higher/Lower and "Not compared" alike.
        CHECK(field(line, "compared_to_england") == field(line, "published_compared_to_england"));
        CHECK(field(line, "compared_to_parent") == field(line, "published_compared_to_parent"));
        england += field(line, "published_compared_to_england") != "Not compared";
        parent += field(line, "published_compared_to_parent") != "Not compared";
        // The download holds one period per area: a trend needs five, so only Fingertips'
        // "Cannot be calculated" can be reproduced; its other verdicts came from its history.
        CHECK(field(line, "trend") == "Cannot be calculated");
        if (field(line, "published_trend") == "Cannot be calculated") {
            ++trends_agreed;
        } else {
            ++trends_unreproducible;
            CHECK(field(line, "trend_note") == "Fewer than five periods have a value, a count and a denominator.");
        }
    }
    CHECK(england == 45);
    CHECK(parent == 40);
    CHECK(trends_agreed == 54);
    CHECK(trends_unreproducible == 33);
}

TEST_CASE("hwbgen indicators reproduces the Campylobacter download's comparisons and trends", "[e2e][indicators]") {
    // A second real download: a crude rate over three years, compared with England and with
    // the regions, with Fingertips' trend on the latest year (derive's published_downloads test
    // checks the same rows and their limits in detail).
    const fs::path fixtures = source_dir / "tests/fixtures/fingertips";
    TempProject work;
    const auto r = run_hwbgen("indicators --json " +
                                  (fixtures / "campylobacter_crude_rate_CountyUA.data.csv").string() +
                                  " --definitions " + (fixtures / "campylobacter-definitions.yaml").string(),
                              work.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 242);
    std::size_t decided = 0, trends = 0;
    for (const auto& line : lines) {
        INFO(line);
        CHECK(field(line, "compared_to_england") == field(line, "published_compared_to_england"));
        CHECK(field(line, "compared_to_parent") == field(line, "published_compared_to_parent"));
        decided += field(line, "published_compared_to_england") != "Not compared";
        if (field(line, "published_trend") == "null") continue;
        CHECK(field(line, "trend") == field(line, "published_trend"));
        ++trends;
    }
    CHECK(decided == 205);
    CHECK(trends == 52);
}

TEST_CASE("a region, whose parent is England, is not compared with its parent", "[e2e][indicators]") {
    TempProject work;
    const auto r = run_hwbgen("indicators --json " + download.string(), work.root);
    REQUIRE(r.code == 0);
    size_t regions = 0;
    for (const auto& line : lines_of(r.out))
        if (field(line, "area_code") == "E12000004") {
            ++regions;
            CHECK(field(line, "compared_to_parent") == "Not compared");
        }
    CHECK(regions == 7);
}

TEST_CASE("an edited header stops hwbgen indicators with the columns named", "[e2e][indicators]") {
    TempProject work;
    std::string text = read_file(download);
    text.replace(text.find("Upper CI 95.0 limit"), 19, "Upper 95");
    write_file(work.root / "edited.csv", text);
    const auto r = run_hwbgen("indicators --json " + (work.root / "edited.csv").string(), work.root);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("edited.csv:1:152: error: column O is headed 'Upper 95' where Fingertips writes 'Upper CI 95.0 "
                     "limit'") != std::string::npos);
}

TEST_CASE("without definitions, comparisons read Higher, Similar or Lower", "[e2e][indicators]") {
    TempProject work;
    const auto r = run_hwbgen("indicators --json " + download.string(), work.root);
    REQUIRE(r.code == 0);
    for (const auto& line : lines_of(r.out)) {
        const std::string verdict = field(line, "compared_to_england");
        CHECK((verdict == "Higher" || verdict == "Similar" || verdict == "Lower" || verdict == "Not compared"));
    }
}

TEST_CASE("a file that is not a Fingertips download is an error with its position", "[e2e][indicators]") {
    TempProject work;
    write_file(work.root / "bad.csv", "Area,Value\nE1,5\n");
    const auto r = run_hwbgen("indicators --json " + (work.root / "bad.csv").string(), work.root);
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.csv:1:1: error: missing column 'Indicator ID'") != std::string::npos);
}

TEST_CASE("import-fingertips copies a download and says what it feeds and ignores", "[e2e][indicators]") {
    TempProject project;
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    write_file(project.root / "indicators/definitions.yaml",
               "indicators:\n  - id: unemployment\n    name: Unemployment\n    fingertips_id: 91126\n"
               "    unit: \"%\"\n    polarity: no-judgement\n");
    const auto r = run_hwbgen("import-fingertips " + download.string() + " --root " + project.root.string(),
                              project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("  feeds unemployment: 11 rows\n") != std::string::npos);
    CHECK(r.out.find("  ignored 11 rows of indicator 11202 (Violent crime - violence offences per 1,000 population): "
                     "no definition has fingertips_id 11202\n") != std::string::npos);
    CHECK(read_file(project.root / "indicators/data" / download.filename()) == read_file(download));
}

TEST_CASE("import-fingertips refuses a file that is not a download and copies nothing", "[e2e][indicators]") {
    TempProject project;
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    write_file(project.root / "notes.csv", "a,b\n");
    const auto r = run_hwbgen("import-fingertips " + (project.root / "notes.csv").string() + " --root " +
                                  project.root.string(),
                              project.root);
    CHECK(r.code == 1);
    CHECK_FALSE(fs::exists(project.root / "indicators/data/notes.csv"));
}
