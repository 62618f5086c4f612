// Reading cycle files: the board paper's sections in any order, kept in the standard order.
#include <catch2/catch.hpp>

#include "load/load.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const std::string cycle_path = "content/testshire/cycles/2023-12.yaml";

std::string cycle(const std::string& date, const std::string& updates) {
    return "meeting: Health and Wellbeing Board\ndate: " + date + "\nupdates:\n" + updates;
}

}  // namespace

TEST_CASE("a board paper reads its sections in any order and keeps the standard order", "[load]") {
    auto tree = test::minimal_tree();
    tree.add(cycle_path, cycle("2023-12-07", "") +
                             "board_paper:\n  report_of: Director of Public Health\n  title: Update\n"
                             "  headings:\n    recommendations: Recommendation\n"
                             "  background: [Third.]\n  purpose: [First.]\n"
                             "  recommendations:\n    - text: 'It is recommended that:'\n      items: [a, b]\n");
    diag::Diagnostics diags;
    const auto place = load::load_place(tree, "testshire", diags);
    REQUIRE(test::summary(diags).empty());
    const auto& sections = place.cycles.at(0).paper->sections;
    REQUIRE(sections.size() == 12);
    CHECK(sections[0].key == "purpose");
    CHECK(sections[1].heading == "Recommendation");
    CHECK(sections[1].blocks.at(0).items.size() == 2);
    CHECK(sections[2].blocks.at(0).text == "Third.");
}
