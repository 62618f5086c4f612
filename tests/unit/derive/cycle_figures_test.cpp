// Every figure a cycle's text may cite, worked out over three cycles, the last one annual.
#include <catch2/catch.hpp>

#include <map>

#include "derive/cycle_figures.hpp"
#include "render/detail/figure_text.hpp"
#include "render/detail/views.hpp"

using namespace hwbgen;
using model::Rag;

namespace {

model::Update update(const std::string& id, Rag rag, const std::string& escalation = "") {
    model::Update u;
    u.item = {id, {}};
    u.rag = rag;
    u.escalation = escalation;
    return u;
}

model::Section section(const std::string& id, const std::string& lead, std::vector<std::string> commitments) {
    model::Section s;
    s.id = id;
    s.title = id;
    s.lead = model::Ref{lead, {}};
    model::Priority p;
    p.id = id + "-p";
    for (const auto& c : commitments)
        p.commitments.push_back({c, {}, "Commitment " + c + ".", model::Tier::do_, std::nullopt, ""});
    s.priorities.push_back(p);
    return s;
}

model::Cycle cycle(const std::string& id, std::vector<model::Update> updates, bool annual = false) {
    model::Cycle c;
    c.id = id;
    c.meeting = "Board";
    c.date = id + "-07";
    c.period = "the period to " + id;
    c.annual = annual;
    c.updates = std::move(updates);
    return c;
}

// c1 and c2 in best-start (cfp), c3 in living-well (ie); three cycles, the last annual.
struct Example {
    model::Place place;
    model::IndicatorDefinition definition;
    std::vector<model::IndicatorValue> rows;
    std::vector<derive::IndicatorFigure> figures;
    std::vector<derive::Item> items;
    Example() {
        place.subgroups.push_back({"cfp", {}, "Children and Families Partnership", "", {}, "", {}});
        place.subgroups.push_back({"ie", {}, "Integration Executive", "", {}, "", {}});
        place.sections = {section("best-start", "cfp", {"c1", "c2"}), section("living-well", "ie", {"c3"})};
        place.timetable.push_back({"December", "Best Start for Life", model::Ref{"cfp", {}}});
        place.cycles = {cycle("2023-06", {update("c1", Rag::red), update("c2", Rag::amber)}),
                        cycle("2023-09", {update("c1", Rag::amber), update("c2", Rag::complete),
                                          update("c3", Rag::green, "Act.")}),
                        cycle("2023-12", {update("c1", Rag::red, "Help."), update("c3", Rag::complete)}, true)};
        definition.id = "smoking";
        definition.unit = "%";
        definition.polarity = model::Polarity::higher_is_better;
        rows.resize(3);
        rows[0].time_period = "2021/22", rows[0].value = 60, rows[0].lower95 = 58, rows[0].upper95 = 62;
        rows[1].time_period = "2022/23", rows[1].value = 80, rows[1].lower95 = 78, rows[1].upper95 = 82;
        rows[2].time_period = "2022/23", rows[2].value = 70;
        derive::IndicatorFigure f;
        f.definition = &definition;
        f.latest = &rows[1];
        f.england = &rows[2];
        f.compared = "Better";
        f.series = {&rows[0], &rows[1]};
        figures.push_back(f);
        items = derive::strategy_items(place);
    }
};

std::string value_of(const derive::CycleFigures& figures, const std::string& text) {
    const auto refs = model::find_figures(text);
    REQUIRE(refs.size() == 1);
    const auto v = figures.value(refs[0]);
    if (!v) return "(none)";
    return v->kind == derive::FigureValue::Kind::count ? std::to_string(v->count) : v->text;
}

}  // namespace

TEST_CASE("every figure name has its value in an annual cycle", "[derive][figures]") {
    const Example ex;
    const derive::CycleFigures figures(ex.place, ex.items, ex.figures, 2);
    const std::map<std::string, std::string> expected = {{"((red))", "1"},
                                                         {"((amber))", "0"},
                                                         {"((green))", "0"},
                                                         {"((complete))", "1"},
                                                         {"((not-started))", "0"},
                                                         {"((reported))", "2"},
                                                         {"((escalations))", "1"},
                                                         {"((completed))", "1"},
                                                         {"((moved-up))", "1"},
                                                         {"((moved-down))", "1"},
                                                         {"((new))", "0"},
                                                         {"((not-reported))", "1"},
                                                         {"((significant-changes))", "1"},
                                                         {"((improved))", "1"},
                                                         {"((worsened))", "0"},
                                                         {"((year-meetings))", "3"},
                                                         {"((year-completed))", "2"},
                                                         {"((year-moved-up))", "3"},
                                                         {"((year-moved-down))", "1"},
                                                         {"((year-new))", "1"},
                                                         {"((year-escalations))", "2"},
                                                         {"((meeting))", "Board"},
                                                         {"((date))", "2023-12-07"},
                                                         {"((period))", "the period to 2023-12"},
                                                         {"((previous-date))", "2023-09-07"},
                                                         {"((value of smoking))", "80.0"},
                                                         {"((unit of smoking))", "%"},
                                                         {"((period of smoking))", "2022/23"},
                                                         {"((england of smoking))", "70.0"},
                                                         {"((compared of smoking))", "Better"}};
    // One expectation per name of the catalogue: a new name needs a line here.
    REQUIRE(expected.size() == model::figure_names().size());
    for (const auto& [text, value] : expected) {
        INFO(text);
        CHECK(value_of(figures, text) == value);
    }
}

TEST_CASE("counts narrow to a section or a sub-group", "[derive][figures]") {
    const Example ex;
    const derive::CycleFigures figures(ex.place, ex.items, ex.figures, 1);
    CHECK(value_of(figures, "((complete in best-start))") == "1");
    CHECK(value_of(figures, "((green in ie))") == "1");
    CHECK(value_of(figures, "((reported in cfp))") == "2");
    CHECK(value_of(figures, "((escalations in living-well))") == "1");
    CHECK(value_of(figures, "((escalations in cfp))") == "0");
}

TEST_CASE("a first cycle has no previous date and no changes", "[derive][figures]") {
    const Example ex;
    const derive::CycleFigures figures(ex.place, ex.items, ex.figures, 0);
    CHECK(value_of(figures, "((previous-date))") == "(none)");
    CHECK(value_of(figures, "((moved-up))") == "0");
    CHECK(value_of(figures, "((value of unknown))") == "(none)");
}

TEST_CASE("figures are worded the GOV.UK way in the paper's text", "[render][figures]") {
    const Example ex;
    const derive::CycleFigures figures(ex.place, ex.items, ex.figures, 2);
    using render::detail::with_figures;
    CHECK(with_figures("((reported)) reported; ((red)) of ((reported)) is red.", &figures) ==
          "Two reported; one of 2 is red.");
    CHECK(with_figures("*Example.* ((red: commitment is/commitments are)) red.", &figures) ==
          "*Example.* One commitment is red.");
    CHECK(with_figures("So ((amber: item is/items are)) amber; ((amber)) are.", &figures) ==
          "So no items are amber; 0 are.");
    CHECK(with_figures("((green)) are green.", &figures) == "None are green.");
    CHECK(with_figures("Met on ((date)), after ((previous-date)).", &figures) ==
          "Met on 7 December 2023, after 7 September 2023.");
    CHECK(with_figures("We are ((compared of smoking)) at ((value of smoking))((unit of smoking)).", &figures) ==
          "We are better than England at 80.0%.");
    CHECK(with_figures("- ((moved-up)) moved up\n\n((year-meetings)) meetings", &figures) ==
          "- One moved up\n\nThree meetings");
    CHECK(with_figures("as\n((year-moved-up)) went up", &figures) == "as\n3 went up");
    CHECK(with_figures("Kept: \\((red)).", &figures) == "Kept: \\((red)).");
}

TEST_CASE("numbers in words and in digits", "[render][figures]") {
    using namespace render::detail;
    CHECK(number_in_words(0) == "zero");
    CHECK(number_in_words(21) == "twenty-one");
    CHECK(number_in_words(100) == "one hundred");
    CHECK(number_in_words(123) == "one hundred and twenty-three");
    CHECK(number_in_words(2005) == "two thousand and five");
    CHECK(number_in_words(34567) == "thirty-four thousand five hundred and sixty-seven");
    CHECK(number_in_digits(1234567) == "1,234,567");
    CHECK(starts_sentence("Done. ", 6));
    CHECK(!starts_sentence("Of the ", 7));
    CHECK(starts_sentence("1. ", 3));
}

TEST_CASE("each generated block shows its part of the cycle", "[render][figures]") {
    const Example ex;
    const derive::CycleFigures figures(ex.place, ex.items, ex.figures, 2);
    const render::detail::SiteContext ctx{ex.place, ex.figures};
    using render::detail::generated_block_view;
    auto glance = generated_block_view(ctx, figures, "progress-at-a-glance");
    CHECK(glance.get("is_progress_at_a_glance")->is_true());
    CHECK(glance.get("is_changes")->is_false());
    CHECK(glance.get("total")->string_value() == "2");
    CHECK(glance.get("chart_svg")->string_value().find("<svg") != std::string::npos);
    auto escalations = generated_block_view(ctx, figures, "escalations");
    CHECK(escalations.get("escalations")->list_value().size() == 1);
    auto changes = generated_block_view(ctx, figures, "changes");
    CHECK(changes.get("completed")->list_value().size() == 1);
    CHECK(changes.get("moved")->list_value().size() == 1);
    CHECK(changes.get("dropped")->list_value().size() == 1);
    auto indicators = generated_block_view(ctx, figures, "indicator-changes");
    REQUIRE(indicators.get("indicator_changes")->list_value().size() == 1);
    CHECK(indicators.get("indicator_changes")->list_value()[0].get("direction")->string_value() == "improved");
    auto timetable = generated_block_view(ctx, figures, "timetable");
    REQUIRE(timetable.get("timetable")->list_value().size() == 1);
    CHECK(timetable.get("timetable")->list_value()[0].get("subject")->string_value() == "Best Start for Life");
}
