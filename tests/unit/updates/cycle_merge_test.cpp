#include <catch2/catch.hpp>

#include "derive/progress.hpp"
#include "load/load.hpp"
#include "support.hpp"
#include "updates/cycle_merge.hpp"

using namespace hwbgen;

namespace {

// The minimal place with two more commitments after f1001-manifesto.
model::Place three_commitments() {
    auto tree = test::minimal_tree();
    std::string section = test::minimal_section_yaml;
    section.replace(section.find("    indicators:"), 0,
                    "      - id: f1001-hubs\n        text: We will open family hubs.\n"
                    "      - id: f1001-checks\n        text: We will add health checks.\n");
    tree.add("content/testshire/sections/01-best-start.yaml", section);
    diag::Diagnostics diags;
    auto place = load::load_place(tree, "testshire", diags);
    REQUIRE_FALSE(diags.has_errors());
    return place;
}

model::Update update(const std::string& id, model::Rag rag, const std::string& text) {
    model::Update u;
    u.item = {id, {}};
    u.rag = rag;
    u.update = text;
    return u;
}

std::string merged(const std::string& text, const std::vector<model::Update>& changed,
                   const std::vector<model::Update>& kept = {}) {
    const auto place = three_commitments();
    const auto items = derive::strategy_items(place);
    std::string error;
    const auto out = updates::merge_updates(text, changed, kept, place, items, error);
    REQUIRE(out);
    return *out;
}

const std::string file =
    "# Written by hand.\n"
    "meeting: Board\n"
    "date: 2024-02-01\n"
    "updates:\n"
    "  # The first 1001 days\n"
    "  - item: f1001-manifesto   # keep me\n"
    "    rag: red\n"
    "    update: |\n"
    "      Stuck.\n"
    "\n"
    "  # Checks\n"
    "  - item: f1001-checks\n"
    "    rag: amber\n"
    "    update: Slow.\n"
    "board_paper:   # the paper\n"
    "  title: Paper\n";

}  // namespace

TEST_CASE("a changed update replaces its own entry and nothing else", "[updates][merge]") {
    const auto out = merged(file, {update("f1001-checks", model::Rag::green, "Done in two districts.")});
    CHECK(out ==
          "# Written by hand.\n"
          "meeting: Board\n"
          "date: 2024-02-01\n"
          "updates:\n"
          "  # The first 1001 days\n"
          "  - item: f1001-manifesto   # keep me\n"
          "    rag: red\n"
          "    update: |\n"
          "      Stuck.\n"
          "\n"
          "  # Checks\n"
          "  - item: f1001-checks\n"
          "    # We will add health checks.\n"
          "    # Owner: Children and Families Partnership\n"
          "    rag: green\n"
          "    update: |\n"
          "      Done in two districts.\n"
          "board_paper:   # the paper\n"
          "  title: Paper\n");
}

TEST_CASE("a new update goes after the item before it in the strategy", "[updates][merge]") {
    const auto out = merged(file, {update("f1001-hubs", model::Rag::amber, "- Two hubs open\n- One to come")});
    CHECK(out.find("      Stuck.\n"
                   "  - item: f1001-hubs\n"
                   "    # We will open family hubs.\n"
                   "    # Owner: Children and Families Partnership\n"
                   "    rag: amber\n"
                   "    update: |\n"
                   "      - Two hubs open\n"
                   "      - One to come\n"
                   "\n"
                   "  # Checks\n") != std::string::npos);
}

TEST_CASE("merging the same update again changes no byte", "[updates][merge]") {
    const std::vector<model::Update> changed = {update("f1001-manifesto", model::Rag::green, "Launched."),
                                                update("f1001-hubs", model::Rag::amber, "Open.")};
    const auto once = merged(file, changed);
    CHECK(merged(once, changed) == once);
}

TEST_CASE("a file without updates gets a list at its end; an empty flow list is rewritten", "[updates][merge]") {
    const auto u = update("f1001-hubs", model::Rag::green, "Open.");
    CHECK(merged("meeting: Board\ndate: 2024-02-01", {u}) ==
          "meeting: Board\ndate: 2024-02-01\nupdates:\n  - item: f1001-hubs\n    # We will open family hubs.\n"
          "    # Owner: Children and Families Partnership\n    rag: green\n    update: |\n      Open.\n");
    const auto flow = merged("meeting: Board\nupdates: []   # none yet\nboard_paper:\n  title: P\n", {u});
    CHECK(flow.rfind("meeting: Board\nupdates:\n  - item: f1001-hubs\n", 0) == 0);
    CHECK(flow.find("      Open.\nboard_paper:\n  title: P\n") != std::string::npos);
}

TEST_CASE("text a literal block cannot hold is quoted, so it reads back the same", "[updates][merge]") {
    const auto out = merged(file, {update("f1001-checks", model::Rag::green, "  starts indented\tand tabbed")});
    CHECK(out.find("    update: \"  starts indented\\x09and tabbed\"\n") != std::string::npos);
}
