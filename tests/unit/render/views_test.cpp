// Views: what the templates see of a place, built from a model loaded in memory.
#include <catch2/catch.hpp>

#include <kainjow/mustache.hpp>

#include "derive/indicator_figures.hpp"
#include "load/load.hpp"
#include "render/detail/views.hpp"
#include "support.hpp"

using namespace hwbgen;
using namespace hwbgen::render::detail;

namespace {

const char* const fingertips_header =
    "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,"
    "Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,"
    "Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,"
    "Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal\n";

std::string row(const std::string& code, const std::string& name, const std::string& period, const std::string& value,
                const std::string& low, const std::string& high) {
    return "94136,HPV vaccination,,," + code + "," + name + ",County,Male,12-13 yrs,,," + period + "," + value + "," +
           low + "," + high + ",,,,,,,,," + period.substr(0, 4) + "0000,,\n";
}

// The minimal place with a second priority and two years of HPV figures, loaded and derived.
struct Testshire {
    model::IndicatorSet indicators;
    model::Place place;
    std::vector<derive::IndicatorFigure> figures;

    Testshire() {
        auto tree = test::minimal_tree();
        tree.add("content/testshire/sections/01-best-start.yaml",
                 std::string(test::minimal_section_yaml) +
                     "  - id: school-ready\n    title: Ready for School\n    commitments:\n"
                     "      - id: sr-reading\n        text: We will read *every* day.\n        tier: do\n");
        tree.add("indicators/data/hpv.csv", std::string(fingertips_header) +
                                                row("E92000001", "England", "2021/22", "71.2", "71.0", "71.4") +
                                                row("E10000099", "Testshire", "2020/21", "60.0", "58.0", "62.0") +
                                                row("E92000001", "England", "2020/21", "70.0", "69.8", "70.2") +
                                                row("E10000099", "Testshire", "2021/22", "80.5", "78.9", "82.0"));
        diag::Diagnostics diags;
        indicators = load::load_indicators(tree, diags);
        place = load::load_place(tree, "testshire", diags);
        REQUIRE(test::summary(diags).empty());
        figures = derive::indicator_figures(place, indicators);
    }
    SiteContext context() const { return {place, figures}; }
};

// A view as a template sees it.
std::string show(const View& view, const std::string& text) {
    kainjow::mustache::mustache t(text);
    REQUIRE(t.is_valid());
    return t.render(view);
}

}  // namespace

TEST_CASE("text and Markdown fields come with a has_ flag, since Mustache treats '' as true", "[render][views]") {
    View v;
    set_text(v, "lead", "");
    set_text(v, "due", "2025");
    set_markdown(v, "intro", "Some *words*");
    set_markdown(v, "note", "a *b*", true);
    CHECK(show(v, "{{#has_lead}}L{{/has_lead}}{{#has_due}}{{due}}{{/has_due}}") == "2025");
    CHECK(show(v, "{{{intro_html}}}|{{{intro_md}}}|{{{note_html}}}") ==
          "<p>Some <em>words</em></p>\n|Some *words*|a <em>b</em>");
}

TEST_CASE("addresses, dates and CSS classes are built in one place", "[render][views]") {
    const Testshire t;
    const auto& s = t.place.sections.at(0);
    CHECK(section_url(s) == "sections/best-start/");
    CHECK(priority_url(s, s.priorities.at(1)) == "sections/best-start/school-ready/");
    CHECK(indicator_url(*t.figures.at(0).definition) == "indicators/hpv-male/");
    CHECK(css_class("Not compared") == "not-compared");
    CHECK(long_date("2022-12-01") == "1 December 2022");
    CHECK(long_date("2024-06-30") == "30 June 2024");
    // Anything that is not a whole date is shown as written rather than guessed at.
    CHECK(long_date("2024-06") == "2024-06");
    CHECK(long_date("2024-13-01") == "2024-13-01");
    CHECK(long_date("2024-xx-01") == "2024-xx-01");
}

TEST_CASE("a priority page shows its commitments, success measures, neighbours and indicators", "[render][views]") {
    const Testshire t;
    const auto ctx = t.context();
    const auto& s = t.place.sections.at(0);
    const View first = priority_view(ctx, s, 0);
    CHECK(show(first, "{{title}} in {{section_title}} ({{section_url}}); led by {{lead}}") ==
          "First 1001 Critical days in Best Start for Life (sections/best-start/); led by Children and Families "
          "Partnership");
    CHECK(show(first, "{{#commitments}}{{id}}: {{{text_html}}}{{/commitments}}") ==
          "f1001-manifesto: We will write a manifesto.");
    CHECK(show(first, "{{#success}}{{{text_html}}}{{/success}}") == "More babies breastfed.");
    CHECK(show(first, "{{#previous}}P{{/previous}}{{#next}}next: {{title}} {{url}}{{/next}}") ==
          "next: Ready for School sections/best-start/school-ready/");
    CHECK(show(first,
               "{{#indicator_table.rows}}{{name}}: {{value}} against {{england}}, {{compared}}"
               "{{/indicator_table.rows}}") ==
          "HPV vaccination coverage for one dose (12 to 13 year old) (Male): 80.5 against 71.2, Better");

    const View second = priority_view(ctx, s, 1);
    CHECK(show(second, "{{#previous}}previous: {{title}}{{/previous}}{{#next}}N{{/next}}") ==
          "previous: First 1001 Critical days");
    CHECK(show(second,
               "{{#commitments}}{{{text_html}}} [{{tier}}]{{/commitments}}{{#has_indicators}}I{{/has_indicators}}") ==
          "We will read <em>every</em> day. [Do]");
}

TEST_CASE("the home and section views list every section and priority with their counts", "[render][views]") {
    const Testshire t;
    const auto ctx = t.context();
    CHECK(show(home_view(ctx),
               "{{vision}}|{{#kinds}}{{#sections}}{{title}}:{{#priorities}} {{title}} "
               "({{commitment_count}}/{{success_count}}){{/priorities}}{{/sections}}{{/kinds}}") ==
          "Everyone thrives|Best Start for Life: First 1001 Critical days (1/1) Ready for School (1/0)");
    CHECK(show(section_view(ctx, t.place.sections.at(0)), "{{title}}, {{kind}}, led by {{lead}}") ==
          "Best Start for Life, Life-course stage, led by Children and Families Partnership");
}

TEST_CASE("an indicator's page and its CSV hold the place's series with England beside it", "[render][views]") {
    const Testshire t;
    const auto& f = t.figures.at(0);
    REQUIRE(f.latest != nullptr);
    CHECK(show(indicator_view(t.context(), f), "{{name}}|{{#has_value}}{{value}}{{/has_value}}|{{compared}}") ==
          "HPV vaccination coverage for one dose (12 to 13 year old) (Male)|80.5|Better");
    const std::string csv = indicator_csv(f);
    CHECK(csv.rfind("Indicator,Area Code,Area Name,Sex,Age,Time period,Value,", 0) == 0);
    CHECK(csv.find("\nHPV vaccination coverage for one dose (12 to 13 year old) (Male),E10000099,Testshire,Male,"
                   "12-13 yrs,2020/21,60.0,58.0,62.0,,,70.0,\n") != std::string::npos);
    CHECK(csv.find(",2021/22,80.5,78.9,82.0,,,71.2,\n") != std::string::npos);
}

TEST_CASE("the glossary and contacts views carry only what is given", "[render][views]") {
    Testshire t;
    t.place.contacts.push_back({"Sam Lee", "", "sam@example.org", ""});
    const auto ctx = t.context();
    CHECK(show(glossary_view(ctx), "{{#terms}}{{term}}={{meaning}};{{/terms}}") == "HWB=Health and Wellbeing Board;");
    CHECK(show(View("contacts", contact_list(t.place.contacts)),
               "{{#contacts}}{{name}}{{#has_role}}, {{role}}{{/has_role}}{{#has_email}} <{{email}}>{{/has_email}}"
               "{{#has_phone}} tel{{/has_phone}}{{/contacts}}") == "Sam Lee <sam@example.org>");
}
