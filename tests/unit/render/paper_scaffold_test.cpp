// new-cycle's board paper: carried forward from the last one, and read back the same.
#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "load/load.hpp"
#include "render/cycle_scaffold.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const char* const last_paper = R"(meeting: Board
date: 2023-12-07
annual: true
updates:
  - item: f1001-manifesto
    rag: green
board_paper:
  report_of: Director of Public Health
  title: "Update: \"quoted\""
  headings:
    recommendations: Recommendation
  purpose:
    - Hand-written purpose.
  recommendations:
    - text: "It is recommended that:"
      items:
        - The report be noted;
  current_progress:
    - heading: Outcomes
    - |
      ((green: commitment is/commitments are)) green,
      over two lines.
    - generated: progress-at-a-glance
    - text: By group
      groups:
        - title: CFP
          items: [One thing.]
      after: |
        | a | b |
        |---|---|
    - "In the year ((year-completed)) were completed."
  officers:
    - name: A Person
      email: a@example.org
  background_papers:
    - "Report of 1 May"
  appendices:
    - title: Outcomes Report
      link: outcomes-report
)";

struct Carried {
    diag::Diagnostics diags;
    model::Place place;
    std::string yaml;
    Carried() {
        auto tree = test::minimal_tree();
        tree.add("content/testshire/cycles/2023-12.yaml", last_paper);
        const auto before = load::load_place(tree, "testshire", diags);
        yaml = render::cycle_scaffold(before, "2024-06") + render::board_paper_scaffold(before, "2024-06");
        tree.add("content/testshire/cycles/2024-06.yaml", yaml);
        place = load::load_place(tree, "testshire", diags);
        const auto indicators = load::load_indicators(tree, diags);
        if (!diags.has_errors()) check::check_place(place, indicators, diags);
    }
};

}  // namespace

TEST_CASE("the carried paper reads back with its structure, and only hand-written paragraphs marked",
          "[render][papers]") {
    const Carried c;
    INFO(c.yaml);
    REQUIRE(c.place.cycles.size() == 2);
    const auto& paper = *c.place.cycles[1].paper;
    CHECK(paper.title == "Update: \"quoted\"");
    CHECK(paper.sections[1].heading == "Recommendation");
    CHECK(paper.sections[0].blocks[0].review == "carried forward from 2023-12");
    const auto& recommendation = paper.sections[1].blocks[0];
    CHECK(recommendation.review.empty());
    CHECK(recommendation.items == std::vector<std::string>{"The report be noted;"});
    const auto& progress = paper.sections[3].blocks;
    REQUIRE(progress.size() == 5);
    CHECK(progress[0].heading == "Outcomes");
    CHECK(progress[1].text == "((green: commitment is/commitments are)) green,\nover two lines.");
    CHECK(progress[1].review.empty());
    CHECK(progress[2].generated == "progress-at-a-glance");
    CHECK(progress[3].groups[0].items == std::vector<std::string>{"One thing."});
    CHECK(progress[3].after == "| a | b |\n|---|---|");
    CHECK(progress[3].review == "carried forward from 2023-12");
    // The new cycle is not annual: the year figure is kept as text and the paragraph marked.
    CHECK(progress[4].text == "In the year \\((year-completed)) were completed.");
    CHECK(progress[4].review.find("over the year") != std::string::npos);
    CHECK(paper.officers[0].email == "a@example.org");
    CHECK(paper.background_papers == std::vector<std::string>{"Report of 1 May"});
    CHECK(paper.appendices[0].link == "outcomes-report");
    // It checks with no errors; each marked paragraph is one warning.
    CHECK(!c.diags.has_errors());
    size_t warnings = 0;
    for (const auto& d : c.diags.all()) warnings += d.message.find("marked for review") != std::string::npos;
    CHECK(warnings == 3);
}

TEST_CASE("with no earlier paper there is nothing to carry", "[render][papers]") {
    auto tree = test::minimal_tree();
    diag::Diagnostics diags;
    const auto place = load::load_place(tree, "testshire", diags);
    CHECK(render::board_paper_scaffold(place, "2024-06").empty());
}
