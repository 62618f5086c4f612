// `hwbgen indicators --json` on a real Fingertips download agrees with Fingertips' own verdicts.
#include <catch2/catch.hpp>

#include "e2e_support.hpp"

using namespace hwbgen::test;

namespace {

const fs::path download = source_dir / "tests/fixtures/fingertips/eastmids_cooccurring_mh_substance_CountyUApre419.data.csv";

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

TEST_CASE("hwbgen agrees with Fingertips' Compared to England on every row it gives a verdict", "[e2e][indicators]") {
    TempProject work;
    const auto r = run_hwbgen("indicators --json " + download.string() + " --definitions " +
                                  (source_dir / "tests/fixtures/fingertips/eastmids-definitions.yaml").string(),
                              work.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 87);
    size_t verdicts = 0;
    for (const auto& line : lines) {
        INFO(line);
        const std::string published = field(line, "published_compared_to_england");
        CHECK(field(line, "compared_to_england") == published);
        if (published != "Not compared") ++verdicts;
        CHECK(field(line, "trend") == "Cannot be calculated");
        CHECK(field(line, "published_trend") != "<missing>");
    }
    CHECK(verdicts == 45);
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
    const auto r = run_hwbgen("import-fingertips " + download.string() + " --root " + project.root.string(), project.root);
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
                                  project.root.string(), project.root);
    CHECK(r.code == 1);
    CHECK_FALSE(fs::exists(project.root / "indicators/data/notes.csv"));
}
