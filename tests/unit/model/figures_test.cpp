#include <catch2/catch.hpp>

#include "model/figures.hpp"

using namespace hwbgen::model;

TEST_CASE("figure references are read with their target and words", "[model][figures]") {
    const auto refs = find_figures("A ((red)), ((green in cfp)), ((value of hpv-male)) and ((red: is/are)).");
    REQUIRE(refs.size() == 4);
    CHECK(refs[0].name == "red");
    CHECK(refs[0].begin == 2);
    CHECK(refs[0].end == 9);
    CHECK(refs[0].name_offset == 4);
    CHECK(refs[1].preposition == "in");
    CHECK(refs[1].target == "cfp");
    CHECK(refs[2].preposition == "of");
    CHECK(refs[2].target == "hpv-male");
    CHECK(refs[3].has_forms);
    CHECK(refs[3].singular == "is");
    CHECK(refs[3].plural == "are");
    for (const auto& r : refs) CHECK(r.problem.empty());
}

TEST_CASE("ordinary brackets, escaped brackets and Mustache are text", "[model][figures]") {
    CHECK(find_figures("(see (a)) and ((1)) and \\((red)) and {{red}} and [x](y)").empty());
    const auto nested = find_figures("(((red)) are red)");
    REQUIRE(nested.size() == 1);
    CHECK(nested[0].begin == 1);
}

TEST_CASE("a figure may wrap onto the next line but not past a paragraph", "[model][figures]") {
    const auto refs = find_figures("((completed: commitment\nwas/commitments were))");
    REQUIRE(refs.size() == 1);
    CHECK(refs[0].singular == "commitment was");
    const auto broken = find_figures("((red\n\n))");
    REQUIRE(broken.size() == 1);
    CHECK(!broken[0].problem.empty());
}

TEST_CASE("every catalogue name is found, period by its preposition", "[model][figures]") {
    CHECK(figure_names().size() == 30);
    for (const auto& n : figure_names())
        CHECK(find_figure_name(n.name, n.target == FigureTarget::indicator ? "of" : "") == &n);
    CHECK(find_figure_name("period")->target == FigureTarget::none);
    CHECK(find_figure_name("period", "of")->target == FigureTarget::indicator);
    CHECK(find_figure_name("nope") == nullptr);
}
