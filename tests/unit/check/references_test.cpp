// Checks across a place's files: ids, references to sub-groups, sections, indicators and
// section kinds, each reported where it is written.
#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "load/load.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const std::string section_path = "content/testshire/sections/01-best-start.yaml";
const std::string place_path = "content/testshire/place.yaml";

// Loads and checks the minimal project with one file replaced; returns every diagnostic.
std::string problems_with(const std::string& path, const std::string& text) {
    auto tree = test::minimal_tree();
    tree.add(path, text);
    diag::Diagnostics diags;
    const auto indicators = load::load_indicators(tree, diags);
    const auto place = load::load_place(tree, "testshire", diags);
    if (!diags.has_errors()) check::check_place(place, indicators, diags);
    return test::summary(diags);
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("duplicate ids anywhere in a place are reported with the first use", "[check]") {
    const auto text = replace(test::minimal_section_yaml, "id: f1001-manifesto", "id: first-1001-days");
    CHECK(problems_with(section_path, text) ==
          section_path + ":11:13: error: duplicate id 'first-1001-days' [it is already used at " + section_path +
              ":6:9; every id in a place must be different]\n");
}

TEST_CASE("an unknown indicator gets a did-you-mean hint", "[check]") {
    const auto text = replace(test::minimal_section_yaml, "[hpv-male]", "[hpv-males]");
    CHECK(problems_with(section_path, text) ==
          section_path + ":13:18: error: unknown indicator 'hpv-males' [did you mean 'hpv-male'?]\n");
}

TEST_CASE("an unknown sub-group lists the known ones", "[check]") {
    const auto text = replace(test::minimal_section_yaml, "lead: cfp", "lead: children");
    CHECK(problems_with(section_path, text) ==
          section_path + ":4:7: error: unknown sub-group 'children' [known sub-groups: cfp]\n");
}

TEST_CASE("a sub-group covering an unknown section is reported in place.yaml", "[check]") {
    const auto text = replace(test::minimal_place_yaml, "covers: [best-start]", "covers: [best-stat]");
    CHECK(problems_with(place_path, text) ==
          place_path + ":14:14: error: unknown section 'best-stat' [did you mean 'best-start'?]\n");
}

TEST_CASE("a section's kind must be one the place declares, or a default one", "[check]") {
    const auto text = replace(test::minimal_section_yaml, "kind: life-course", "kind: lifecourse");
    CHECK(problems_with(section_path, text) ==
          section_path + ":3:7: error: unknown section kind 'lifecourse' [did you mean 'life-course'?]\n");
    const auto themed = test::minimal_place_yaml + std::string("section_kinds:\n  - id: theme\n    label: Theme\n");
    CHECK(problems_with(place_path, themed) ==
          section_path + ":3:7: error: unknown section kind 'life-course' [known section kinds: theme]\n");
}

TEST_CASE("every problem is reported, not just the first", "[check]") {
    auto text = replace(test::minimal_section_yaml, "lead: cfp", "lead: nobody");
    text = replace(text, "[hpv-male]", "[nothing]");
    const auto report = problems_with(section_path, text);
    CHECK(report.find("unknown sub-group 'nobody'") != std::string::npos);
    CHECK(report.find("unknown indicator 'nothing'") != std::string::npos);
}

TEST_CASE("ids must be slugs", "[check]") {
    const auto text = replace(test::minimal_section_yaml, "id: best-start", "id: Best Start");
    CHECK(problems_with(section_path, text)
              .find(":1:5: error: invalid section id 'Best Start' [use lower-case letters, digits and hyphens, "
                    "e.g. 'early-years']") != std::string::npos);
}
