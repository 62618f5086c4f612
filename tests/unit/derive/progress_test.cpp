#include <catch2/catch.hpp>

#include "derive/progress.hpp"

using namespace hwbgen;

namespace {

model::Update update(const std::string& id, model::Rag rag) {
    model::Update u;
    u.item = {id, {}};
    u.rag = rag;
    return u;
}

// A place with one section (led by a sub-group), two commitments and a project.
model::Place place_with_items() {
    model::Place place;
    place.subgroups.push_back({"cfp", {}, "Children and Families Partnership", "", {}, "", {}});
    model::Section s;
    s.id = "best-start";
    s.title = "Best Start for Life";
    s.lead = model::Ref{"cfp", {}};
    model::Priority p;
    p.id = "first-1001-days";
    p.commitments.push_back({"c1", {}, "First.", model::Tier::do_, std::nullopt, ""});
    p.commitments.push_back({"c2", {}, "Second.", model::Tier::unassigned, std::nullopt, ""});
    p.projects.push_back({"p1", {}, "A project", "", {}, "", std::nullopt});
    s.priorities.push_back(p);
    place.sections.push_back(s);
    return place;
}

}  // namespace

TEST_CASE("items follow the strategy and take their section's sub-group", "[derive][progress]") {
    const auto place = place_with_items();
    const auto items = derive::strategy_items(place);
    REQUIRE(items.size() == 3);
    CHECK(items[0].id == "c1");
    CHECK(items[0].tier == model::Tier::do_);
    CHECK(items[2].is_project);
    CHECK(items[2].owner == &place.subgroups[0]);
}

TEST_CASE("RAG counts, overall and by section and sub-group", "[derive][progress]") {
    auto place = place_with_items();
    model::Cycle c;
    c.id = "2023-12";
    c.updates = {update("c1", model::Rag::green), update("c2", model::Rag::green), update("p1", model::Rag::red)};
    place.cycles.push_back(c);
    const auto items = derive::strategy_items(place);
    const auto progress = derive::cycle_progress(place, items, 0);
    CHECK(progress.overall.total() == 3);
    CHECK(progress.overall.by_rag[size_t(model::Rag::green)] == 2);
    CHECK(progress.overall.by_rag[size_t(model::Rag::red)] == 1);
    REQUIRE(progress.by_section.size() == 1);
    CHECK(progress.by_section[0].counts.total() == 3);
    REQUIRE(progress.by_subgroup.size() == 1);
    CHECK(progress.by_subgroup[0].group == &place.subgroups[0]);
    CHECK(progress.previous == nullptr);
    for (const auto& p : progress.items) CHECK(p.change == derive::Change::none);
}

TEST_CASE("changes between two cycles: moved, completed, added and dropped", "[derive][progress]") {
    auto place = place_with_items();
    model::Cycle before, after;
    before.id = "2023-06";
    before.updates = {update("c1", model::Rag::amber), update("c2", model::Rag::green)};
    after.id = "2023-12";
    after.updates = {update("c1", model::Rag::complete), update("p1", model::Rag::red)};
    place.cycles = {before, after};
    const auto items = derive::strategy_items(place);
    auto progress = derive::cycle_progress(place, items, 1);
    REQUIRE(progress.items.size() == 2);
    CHECK(progress.items[0].change == derive::Change::completed);
    CHECK(progress.items[0].previous->rag == model::Rag::amber);
    CHECK(progress.items[1].change == derive::Change::added);
    REQUIRE(progress.dropped.size() == 1);
    CHECK(progress.dropped[0]->id == "c2");

    place.cycles[1].updates[0].rag = model::Rag::red;
    progress = derive::cycle_progress(place, items, 1);
    CHECK(progress.items[0].change == derive::Change::moved);
}

TEST_CASE("the last year a Fingertips period covers", "[derive][progress]") {
    CHECK(derive::period_end_year("2019") == 2019);
    CHECK(derive::period_end_year("2020/21") == 2021);
    CHECK(derive::period_end_year("2018 - 20") == 2020);
    CHECK(derive::period_end_year("2017/18 - 19/20") == 2020);
    CHECK(derive::period_end_year("Mar 2021") == 2021);
    CHECK(derive::period_end_year("") == 0);
}

TEST_CASE("indicator changes: only where the 95% intervals part, judged by polarity", "[derive][progress]") {
    model::IndicatorDefinition d;
    d.id = "smoking";
    d.polarity = model::Polarity::lower_is_better;
    auto row = [](const std::string& period, double value, double lower, double upper) {
        model::IndicatorValue v;
        v.time_period = period;
        v.value = value;
        v.lower95 = lower;
        v.upper95 = upper;
        return v;
    };
    const std::vector<model::IndicatorValue> rows = {row("2019", 15, 14, 16), row("2020", 12, 11, 13),
                                                     row("2021", 11.5, 10.5, 12.5), row("2023", 9, 8, 10)};
    derive::IndicatorFigure f;
    f.definition = &d;
    for (const auto& r : rows) f.series.push_back(&r);
    model::Cycle c;
    c.date = "2020-12-03";  // knows 2019 and 2020: they differ
    auto changes = derive::indicator_changes({f}, c);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].after->time_period == "2020");
    CHECK(changes[0].direction == "improved");
    c.date = "2022-12-01";  // knows up to 2021: 2020 and 2021 overlap
    CHECK(derive::indicator_changes({f}, c).empty());
}
