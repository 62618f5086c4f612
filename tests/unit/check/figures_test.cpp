// Figures in prose, as check sees them: every problem at the figure's name, with a hint.
#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "load/load.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const std::string path = "content/testshire/cycles/2023-12.yaml";

std::string problems_in(const std::string& cycle_yaml) {
    auto tree = test::minimal_tree();
    tree.add(path, cycle_yaml);
    diag::Diagnostics diags;
    const auto indicators = load::load_indicators(tree, diags);
    const auto place = load::load_place(tree, "testshire", diags);
    if (!diags.has_errors()) check::check_place(place, indicators, diags);
    return test::summary(diags);
}

std::string with_summary(const std::string& summary, bool annual = false) {
    return "meeting: Board\ndate: 2023-12-07\nannual: " + std::string(annual ? "true" : "false") +
           "\nsummary: |\n  First line.\n" + summary + "updates:\n  - item: f1001-manifesto\n    rag: green\n";
}

}  // namespace

TEST_CASE("known figures in a cycle check cleanly", "[check][figures]") {
    CHECK(problems_in(with_summary("  ((red)) are red, ((green in cfp)) green, on ((date)).\n")).empty());
    CHECK(problems_in(with_summary("  Over the year ((year-completed)).\n", true)).empty());
    CHECK(problems_in(with_summary("  Written as is: \\((red)).\n")).empty());
}

TEST_CASE("an unknown figure is reported at its name inside a block scalar, with did-you-mean", "[check][figures]") {
    CHECK(problems_in(with_summary("  Then ((rde)) are red.\n")) ==
          path + ":6:10: error: unknown figure 'rde' [did you mean 'red'?]\n");
    // On a later line of the block, after other brackets.
    CHECK(problems_in(with_summary("  (a) and ((red)),\n  then ((grene in cfp)).\n")) ==
          path + ":7:10: error: unknown figure 'grene' [did you mean 'green'?]\n");
}

TEST_CASE("a folded block, whose header has a comment with brackets, places figures too", "[check][figures]") {
    const std::string yaml =
        "meeting: Board\ndate: 2023-12-07\nsummary: >  # note (a) ((b\n  One (x) line,\n"
        "  and ((rde)).\nupdates: []\n";
    CHECK(problems_in(yaml) == path + ":5:9: error: unknown figure 'rde' [did you mean 'red'?]\n");
}

TEST_CASE("figures in a quoted board-paper paragraph are placed on their line", "[check][figures]") {
    const std::string yaml =
        "meeting: Board\ndate: 2023-12-07\nboard_paper:\n  report_of: DPH\n  title: T\n"
        "  current_progress:\n    - \"So far ((complete)) and ((amberr)).\"\n";
    CHECK(problems_in(yaml) == path + ":7:34: error: unknown figure 'amberr' [did you mean 'amber'?]\n");
}

TEST_CASE("a figure's section, sub-group or indicator must exist", "[check][figures]") {
    CHECK(problems_in(with_summary("  ((red in cfpp)).\n")).find("unknown section or sub-group 'cfpp'") !=
          std::string::npos);
    CHECK(problems_in(with_summary("  ((value of hpv-mail)).\n")).find("did you mean 'hpv-male'?") !=
          std::string::npos);
    CHECK(problems_in(with_summary("  ((value)).\n")).find("'value' is a figure of an indicator") != std::string::npos);
    CHECK(problems_in(with_summary("  ((completed in cfp)).\n")).find("cannot be narrowed") != std::string::npos);
}

TEST_CASE("a figure with nothing to show is a warning", "[check][figures]") {
    CHECK(problems_in(with_summary("  At ((value of hpv-male)).\n")) ==
          path +
              ":6:8: warning: ((value of hpv-male)) has nothing to show: indicator 'hpv-male' has no value for "
              "E10000099 [the paper shows '(not available)' in its place]\n");
    CHECK(problems_in(with_summary("  After ((previous-date)) in ((period)).\n"))
              .find("((previous-date)) has nothing to show: this is the first cycle") != std::string::npos);
    CHECK(problems_in(with_summary("  In ((period)).\n")).find("the cycle has no 'period'") != std::string::npos);
}

TEST_CASE("year figures need an annual cycle; words need a number", "[check][figures]") {
    CHECK(problems_in(with_summary("  ((year-completed)).\n")).find("only an annual cycle can cite it") !=
          std::string::npos);
    CHECK(problems_in(with_summary("  ((date: day/days)).\n")).find("is not a number") != std::string::npos);
    CHECK(problems_in(with_summary("  ((red: one)).\n")).find("split by one '/'") != std::string::npos);
    CHECK(problems_in(with_summary("  ((red never closed.\n")).find("not closed") != std::string::npos);
}

TEST_CASE("a generated block must exist; a carried paragraph warns until its review line goes", "[check][figures]") {
    const std::string yaml =
        "meeting: Board\ndate: 2023-12-07\nboard_paper:\n  report_of: DPH\n  title: T\n"
        "  current_progress:\n    - generated: progres-at-a-glance\n"
        "    - text: Hand-written.\n      review: carried forward from 2023-06\n";
    CHECK(problems_in(yaml) ==
          path +
              ":7:18: error: unknown generated block 'progres-at-a-glance' [did you mean 'progress-at-a-glance'?]\n" +
              path +
              ":9:15: warning: this paragraph is still marked for review (carried forward from 2023-06) "
              "[read it, bring it up to date for this meeting, then delete its 'review:' line]\n");
}

TEST_CASE("a figure in a field of plain text is reported, not printed as written", "[check][figures]") {
    const std::string yaml =
        "meeting: Board\ndate: 2023-12-07\nupdates:\n  - item: f1001-manifesto\n    rag: red\n"
        "    kpis:\n      - name: Uptake\n        current: ((value of hpv-male))\n"
        "board_paper:\n  report_of: DPH\n  title: Report ((date))\n";
    CHECK(problems_in(yaml) ==
          path +
              ":8:20: error: 'current' is plain text and cannot cite figures [write the words themselves; figures "
              "work in paragraphs, summaries and updates]\n" +
              path +
              ":11:19: error: 'title' is plain text and cannot cite figures [write the words themselves; figures "
              "work in paragraphs, summaries and updates]\n");
}
