#include <catch2/catch.hpp>

#include "load/load.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const std::string section_path = "content/testshire/sections/01-best-start.yaml";
const std::string place_path = "content/testshire/place.yaml";

// Loads the minimal project with one file replaced; returns every diagnostic. (Checks across
// files are tested under tests/unit/check/.)
std::string problems_with(const std::string& path, const std::string& text) {
    auto tree = test::minimal_tree();
    tree.add(path, text);
    diag::Diagnostics diags;
    load::load_indicators(tree, diags);
    load::load_place(tree, "testshire", diags);
    return test::summary(diags);
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the minimal project loads with no problems", "[load]") {
    const auto tree = test::minimal_tree();
    diag::Diagnostics diags;
    const auto place = load::load_place(tree, "testshire", diags);
    CHECK(test::summary(diags).empty());
    REQUIRE(place.sections.size() == 1);
    const auto& priority = place.sections[0].priorities.at(0);
    CHECK(priority.commitments.at(0).id == "f1001-manifesto");
    CHECK(priority.commitments.at(0).pos.line == 11);
    CHECK(priority.indicators.at(0).pos.column == 18);
    CHECK(place.glossary.at(0).meaning == "Health and Wellbeing Board");
}

TEST_CASE("a byte-order mark and Windows line endings are accepted", "[load]") {
    std::string crlf;
    for (const char c : std::string(test::minimal_section_yaml))
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(problems_with(section_path, "\xEF\xBB\xBF" + crlf).empty());
}

TEST_CASE("an unclosed '[' is reported at the bracket, not where YAML noticed", "[load]") {
    const auto text = replace(test::minimal_section_yaml, "title: Best Start for Life", "title: [Best Start");
    CHECK(problems_with(section_path, text) ==
          section_path +
              ":2:8: error: invalid YAML: this '[' is never closed "
              "[end the list with ']', or quote the text if the '[' is part of it]\n");
}

TEST_CASE("a YAML syntax error is reported at its line and column", "[load]") {
    const auto text = replace(test::minimal_section_yaml, "title: Best Start for Life", "title: Best: Start: x");
    const std::string problems = problems_with(section_path, text);
    INFO(problems);
    CHECK(problems.rfind(section_path + ":2:", 0) == 0);
}

TEST_CASE("an unknown field is reported with the likely intended name", "[load]") {
    const auto text = replace(test::minimal_section_yaml, "    success:", "    sucess:");
    CHECK(problems_with(section_path, text) ==
          section_path + ":8:5: error: unknown field 'sucess' [did you mean 'success'?]\n");
}

TEST_CASE("a missing required field is reported at the item that lacks it", "[load]") {
    const auto text = replace(test::minimal_section_yaml, "        text: We will write a manifesto.\n", "");
    CHECK(problems_with(section_path, text) ==
          section_path + ":11:9: error: missing required field 'text' [add a line 'text: ...']\n");
}

TEST_CASE("a list where text belongs is a type error", "[load]") {
    const auto text = replace(test::minimal_section_yaml, "title: Best Start for Life", "title: [a, b]");
    CHECK(problems_with(section_path, text) == section_path +
                                                   ":2:8: error: expected text for 'title', found a list "
                                                   "[write it on the same line after the colon]\n");
}

TEST_CASE("text where a list belongs is a type error", "[load]") {
    const auto text = replace(test::minimal_section_yaml, "indicators: [hpv-male]", "indicators: hpv-male");
    CHECK(problems_with(section_path, text) == section_path +
                                                   ":13:17: error: expected a list for 'indicators', found text "
                                                   "[write each item on its own line starting with '- ']\n");
}

TEST_CASE("an unknown tier lists the allowed ones", "[load]") {
    const auto text = replace(test::minimal_section_yaml, "        text: We will write a manifesto.\n",
                              "        text: We will write a manifesto.\n        tier: dos\n");
    CHECK(problems_with(section_path, text) ==
          section_path + ":13:15: error: unknown tier 'dos' [did you mean 'do'? use one of: do, sponsor, watch]\n");
}

TEST_CASE("invalid UTF-8 is reported where it starts", "[load]") {
    const auto text = replace(test::minimal_section_yaml, "Best Start", "Best \xC3\x28tart");
    CHECK(problems_with(section_path, text) ==
          section_path +
              ":2:13: error: invalid UTF-8 in file "
              "[save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)]\n");
}

TEST_CASE("an empty file is reported", "[load]") {
    CHECK(problems_with(section_path, "# nothing yet\n\n") ==
          section_path +
              ":0:0: error: file is empty [add the file's fields, or delete the file if it is not needed]\n");
}

TEST_CASE("a file that is a list instead of fields is reported", "[load]") {
    CHECK(problems_with(section_path, "- id: x\n") ==
          section_path +
              ":1:1: error: expected a set of fields at the top of the file, found a list "
              "[start the file with 'name: value' lines]\n");
}

TEST_CASE("every loading problem is reported, across files", "[load]") {
    auto tree = test::minimal_tree();
    tree.add(section_path, replace(test::minimal_section_yaml, "    success:", "    succes:"));
    tree.add(place_path, replace(test::minimal_place_yaml, "vision:", "visoin:"));
    diag::Diagnostics diags;
    load::load_place(tree, "testshire", diags);
    const auto report = test::summary(diags);
    CHECK(report.find(section_path + ":8:5: error: unknown field 'succes'") != std::string::npos);
    CHECK(report.find(place_path + ":7:1: error: unknown field 'visoin' [did you mean 'vision'?]") !=
          std::string::npos);
    CHECK(report.find(place_path + ":1:1: error: missing required field 'vision'") != std::string::npos);
}

TEST_CASE("a success measure may carry sub-points", "[load]") {
    const auto text =
        replace(test::minimal_section_yaml, "      - More babies breastfed.\n",
                "      - text: \"To increase the proportions that:\"\n        items: [Live well, Work]\n");
    auto tree = test::minimal_tree();
    tree.add(section_path, text);
    diag::Diagnostics diags;
    const auto place = load::load_place(tree, "testshire", diags);
    CHECK(test::summary(diags).empty());
    const auto& measure = place.sections.at(0).priorities.at(0).success.at(0);
    CHECK(measure.text == "To increase the proportions that:");
    CHECK(measure.items == std::vector<std::string>{"Live well", "Work"});
}

TEST_CASE("places are the folders under content/ that hold a place.yaml", "[load]") {
    auto tree = test::minimal_tree();
    tree.add("content/README.md", "docs");
    tree.add("content/drafts/notes.txt", "x");
    CHECK(load::find_places(tree) == std::vector<std::string>{"testshire"});
}
