// A place's whole site: every page as HTML and Markdown, links relative to each page, with a
// small theme held in memory so the test is about the site, not the default templates.
#include <catch2/catch.hpp>

#include "derive/indicator_figures.hpp"
#include "load/load.hpp"
#include "render/site.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const char* const kinds[] = {"home",      "plan",       "foreword",        "section",     "priority",
                             "page",      "indicators", "indicator",       "principles",  "subgroups",
                             "timetable", "glossary",   "about-data",      "easy-read",   "easy-read-section",
                             "reports",   "report",     "outcomes-report", "board-paper", "accessibility",
                             "not-found", "document",   "search"};

load::MemoryTree site_tree() {
    auto tree = test::minimal_tree();
    for (const char* kind : kinds) {
        tree.add(std::string("templates/html/") + kind + ".mustache", "<h1>{{title}}</h1> The HWB.\n");
        tree.add(std::string("templates/markdown/") + kind + ".mustache", "# {{title}}\n\n\n\n\nThe HWB.\n\n\n");
    }
    tree.add("templates/html/layout.mustache",
             "{{#nav}}[{{title}} {{url}}{{#current}} current{{/current}}]{{/nav}}\n<main>{{{content}}}</main>\n");
    tree.add("templates/markdown/layout.mustache", "\n\n{{{content}}}\n\n");
    tree.add("templates/assets/site.css", "body {}");
    return tree;
}

struct Rendered {
    std::map<std::string, std::string> files;
    std::vector<std::string> order;
    std::string problems;
};

Rendered build_site(const load::MemoryTree& tree) {
    diag::Diagnostics diags;
    const auto indicators = load::load_indicators(tree, diags);
    const auto place = load::load_place(tree, "testshire", diags);
    const auto figures = derive::indicator_figures(place, indicators);
    Rendered r;
    for (auto& f : render::render_place(tree, place, figures, {}, diags)) {
        r.order.push_back(f.path);
        r.files[f.path] = f.bytes;
    }
    r.problems = test::summary(diags);
    return r;
}

}  // namespace

TEST_CASE("every page of a place comes as HTML with a Markdown twin, in a stable order", "[render][site]") {
    const auto r = build_site(site_tree());
    CHECK(r.problems.empty());
    const std::vector<std::string> pages{"",
                                         "plan-on-a-page/",
                                         "sections/best-start/",
                                         "sections/best-start/first-1001-days/",
                                         "indicators/",
                                         "subgroups/",
                                         "glossary/",
                                         "about-data/",
                                         "accessibility/"};
    std::vector<std::string> expected;
    for (const auto& p : pages) {
        expected.push_back(p + "index.html");
        expected.push_back(p + "index.md");
    }
    // The 404 page (no twin), the whole strategy on one page, and the search page listing all.
    for (const char* extra :
         {"404.html", "strategy/index.html", "strategy/index.md", "search/index.html", "search/index.md"})
        expected.push_back(extra);
    // The open data, beside the page that documents it.
    for (const char* data : {"commitments.csv", "commitments.json", "indicators.csv", "indicators.json"})
        expected.push_back(std::string("about-data/") + data);
    expected.push_back("assets/site.css");
    CHECK(r.order == expected);
    CHECK(build_site(site_tree()).files == r.files);
}

TEST_CASE("links are relative to each page, and the current page is marked", "[render][site]") {
    const auto r = build_site(site_tree());
    CHECK(r.files.at("index.html").rfind("[Home ./ current][Best Start for Life ./sections/best-start/]", 0) == 0);
    const auto& priority = r.files.at("sections/best-start/first-1001-days/index.html");
    CHECK(priority.rfind("[Home ../../../][Best Start for Life ../../../sections/best-start/]"
                         "[Indicators ../../../indicators/]",
                         0) == 0);
    CHECK(r.files.at("indicators/index.html").find("[Indicators ../indicators/ current]") != std::string::npos);
}

TEST_CASE("the glossary's abbreviations are explained on first use, except on the glossary", "[render][site]") {
    const auto r = build_site(site_tree());
    CHECK(r.files.at("index.html").find("<abbr title=\"Health and Wellbeing Board\">HWB</abbr>") != std::string::npos);
    CHECK(r.files.at("glossary/index.html").find("<abbr") == std::string::npos);
    CHECK(r.files.at("index.md").find("<abbr") == std::string::npos);
}

TEST_CASE("Markdown twins keep at most one blank line in a row and no blank lines around", "[render][site]") {
    const auto r = build_site(site_tree());
    CHECK(r.files.at("glossary/index.md") == "# Glossary\n\nThe HWB.\n");
}

TEST_CASE("a place's pages, cycles and indicator data each get their pages and files", "[render][site]") {
    auto tree = site_tree();
    tree.add("content/testshire/pages/01-next-steps.yaml", "id: next-steps\ntitle: Next steps\nbody: Soon.\n");
    tree.add("content/testshire/cycles/2023-12.yaml",
             "meeting: Health and Wellbeing Board\ndate: 2023-12-07\nupdates:\n"
             "  - item: f1001-manifesto\n    rag: green\n");
    tree.add("indicators/data/hpv.csv",
             "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,"
             "Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,"
             "Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,"
             "Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal\n"
             "94136,HPV,,,E10000099,Testshire,County,Male,12-13 yrs,,,2021/22,80.5,78.9,82.0,,,,,,,,,20210000,,\n");
    const auto r = build_site(tree);
    INFO(r.problems);
    for (const char* path :
         {"next-steps/index.html", "reports/index.md", "reports/2023-12/index.html",
          "reports/2023-12/outcomes-report/index.md", "indicators/hpv-male/index.html", "indicators/hpv-male/data.csv"})
        CHECK(r.files.count(path) == 1);
    CHECK(r.files.at("reports/2023-12/index.html")
              .find("<h1>Progress report, 7 December 2023 (Health and "
                    "Wellbeing Board)</h1>") != std::string::npos);
}
