#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "load/load.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const std::string cycle_path = "content/testshire/cycles/2023-12.yaml";

std::string cycle(const std::string& date, const std::string& updates) {
    return "meeting: Health and Wellbeing Board\ndate: " + date + "\nupdates:\n" + updates;
}

// Loads and checks the minimal project with cycle files added; returns every diagnostic.
std::string problems_with(const std::vector<std::pair<std::string, std::string>>& files) {
    auto tree = test::minimal_tree();
    for (const auto& [path, text] : files) tree.add(path, text);
    diag::Diagnostics diags;
    const auto indicators = load::load_indicators(tree, diags);
    const auto place = load::load_place(tree, "testshire", diags);
    if (!diags.has_errors()) check::check_place(place, indicators, diags);
    return test::summary(diags);
}

}  // namespace

TEST_CASE("a cycle updating a known commitment checks cleanly", "[check][cycles]") {
    CHECK(problems_with({{cycle_path, cycle("2023-12-07", "  - item: f1001-manifesto\n    rag: green\n")}}).empty());
}

TEST_CASE("an unknown commitment id is reported where it is written, with a suggestion", "[check][cycles]") {
    CHECK(problems_with({{cycle_path, cycle("2023-12-07", "  - item: f1001-manifest\n    rag: green\n")}}) ==
          cycle_path +
              ":4:11: error: unknown commitment or project 'f1001-manifest' [did you mean 'f1001-manifesto'?]\n");
    CHECK(problems_with({{cycle_path, cycle("2023-12-07", "  - item: zzz\n    rag: green\n")}}) ==
          cycle_path +
              ":4:11: error: unknown commitment or project 'zzz' [known commitments and projects: f1001-manifesto]\n");
}

TEST_CASE("an item updated twice in one cycle", "[check][cycles]") {
    const auto updates = "  - item: f1001-manifesto\n    rag: green\n  - item: f1001-manifesto\n    rag: red\n";
    CHECK(problems_with({{cycle_path, cycle("2023-12-07", updates)}}) ==
          cycle_path + ":6:11: error: 'f1001-manifesto' has two updates in this cycle [merge them into the one at " +
              cycle_path + ":4:11]\n");
}

TEST_CASE("an unknown RAG rating lists the allowed ones", "[check][cycles]") {
    CHECK(problems_with({{cycle_path, cycle("2023-12-07", "  - item: f1001-manifesto\n    rag: gren\n")}}) ==
          cycle_path +
              ":5:10: error: unknown rag 'gren' [did you mean 'green'? use one of: not-started, red, amber, "
              "green, complete]\n");
}

TEST_CASE("a cycle dated before the previous one, or outside its file's month", "[check][cycles]") {
    const std::string earlier = "content/testshire/cycles/2023-11.yaml";
    CHECK(problems_with({{earlier, cycle("2023-11-30", "")}, {cycle_path, cycle("2023-11-20", "")}}) ==
          cycle_path +
              ":2:7: error: cycle 2023-12 is dated 2023-11-20, not after the previous cycle 2023-11 "
              "(2023-11-30) [cycles follow each other: check the date, or the file name of one of them]\n");
    CHECK(problems_with({{cycle_path, cycle("2024-01-11", "")}}) ==
          cycle_path +
              ":2:7: error: the date 2024-01-11 is not in 2023-12, the month the file name gives "
              "[rename the file to 2024-01.yaml, or correct the date]\n");
    CHECK(problems_with({{cycle_path, cycle("7 December 2023", "")}}) ==
          cycle_path +
              ":2:7: error: expected a date like 2022-12-01 for 'date', found '7 December 2023' "
              "[write the meeting's date as year-month-day]\n");
}

TEST_CASE("a cycle file must be named after its month", "[check][cycles]") {
    CHECK(problems_with({{"content/testshire/cycles/december.yaml", cycle("2023-12-07", "")}}) ==
          "content/testshire/cycles/december.yaml:0:0: error: a cycle file must be named after its meeting's month, "
          "like 2022-12.yaml [rename the file to the year and month of the board meeting]\n");
}

TEST_CASE("sub-groups, PLUS groups and appendix links must exist", "[check][cycles]") {
    const std::string text = cycle("2023-12-07",
                                   "  - item: f1001-manifesto\n    rag: red\n    plus_groups:\n      smi: Checks.\n") +
                             "subgroup_updates:\n  - subgroup: cpf\n    summary: Met.\n"
                             "board_paper:\n  report_of: Director\n  title: Update\n"
                             "  appendices:\n    - title: Outcomes\n      link: outcome-report\n";
    CHECK(problems_with({{cycle_path, text}}) ==
          cycle_path + ":7:7: error: unknown PLUS group 'smi' [known PLUS groups: none (add them first)]\n" +
              cycle_path + ":9:15: error: unknown sub-group 'cpf' [did you mean 'cfp'?]\n" + cycle_path +
              ":16:13: error: unknown appendix link 'outcome-report' [did you mean 'outcomes-report'?]\n");
}
