// Publishing: what a site needs beyond its pages (canonical links, sitemap, robots.txt, Open
// Graph, 404 page, favicon, the search page that lists every page).
#include <catch2/catch.hpp>

#include "e2e_support.hpp"

using namespace hwbgen::test;

namespace {

// The minimal fixture, with `site_url` added to its place.yaml when given.
void minimal_project(const fs::path& root, const std::string& site_url) {
    copy_project(root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", root);
    if (site_url.empty()) return;
    const fs::path place = root / "content/minimal/place.yaml";
    write_file(place, "site_url: " + site_url + "\n" + read_file(place));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("with site_url, pages have canonical links and Open Graph, and the site a sitemap", "[e2e][publish]") {
    TempProject project;
    minimal_project(project.root, "https://example.org/minimal");
    const auto r = run_hwbgen("build --quiet --root " + project.root.string(), project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const fs::path site = project.root / "site/minimal";
    const auto page = read_file(site / "sections/start-well/index.html");
    CHECK(has(page, "<link rel=\"canonical\" href=\"https://example.org/minimal/sections/start-well/\">"));
    CHECK(has(page, "<meta property=\"og:url\" content=\"https://example.org/minimal/sections/start-well/\">"));
    CHECK(has(page, "<meta property=\"og:title\" content=\"Start Well – Joint Health and Wellbeing Strategy\">"));
    CHECK(has(page, "<meta property=\"og:description\""));
    const auto sitemap = read_file(site / "sitemap.xml");
    size_t pages = 0;
    for (const auto& [path, bytes] : read_tree(site))
        if (path.size() >= 10 && path.compare(path.size() - 10, 10, "index.html") == 0) {
            ++pages;
            const std::string dir = path.substr(0, path.size() - 10);
            CHECK(has(sitemap, "<loc>https://example.org/minimal/" + dir + "</loc>"));
        }
    CHECK(pages > 20);
    CHECK(read_file(site / "robots.txt") ==
          "User-agent: *\nAllow: /\n\nSitemap: https://example.org/minimal/sitemap.xml\n");
    // The 404 page is served at any depth, so its links start at the site's path.
    const auto missing = read_file(site / "404.html");
    CHECK(has(missing, "href=\"/minimal/assets/style.css\""));
    CHECK(has(missing, "<meta name=\"robots\" content=\"noindex\">"));
    CHECK_FALSE(has(missing, "rel=\"canonical\""));
}

TEST_CASE("without site_url, links stay relative and no sitemap is written", "[e2e][publish]") {
    TempProject project;
    minimal_project(project.root, "");
    const auto r = run_hwbgen("build --quiet --root " + project.root.string(), project.root);
    REQUIRE(r.code == 0);
    const fs::path site = project.root / "site/minimal";
    CHECK_FALSE(fs::exists(site / "sitemap.xml"));
    CHECK_FALSE(fs::exists(site / "robots.txt"));
    const auto page = read_file(site / "sections/start-well/school-readiness/index.html");
    CHECK_FALSE(has(page, "canonical"));
    CHECK(has(page,
              "<title>School readiness – Joint Health and Wellbeing Strategy – Minimal Borough Health and Wellbeing "
              "Board</title>"));
    CHECK(has(page, "<link rel=\"icon\" href=\"../../../assets/favicon.svg\" type=\"image/svg+xml\">"));
    CHECK(has(page, "<form class=\"site-search\" action=\"../../../search/\" method=\"get\" role=\"search\""));
    CHECK(fs::exists(site / "assets/favicon.svg"));
    CHECK(has(read_file(site / "404.html"), "href=\"./assets/style.css\""));
    // Without JavaScript the search box leads to a page that lists every page of the site.
    const auto search = read_file(site / "search/index.html");
    size_t pages = 0;
    for (const auto& [path, bytes] : read_tree(site))
        if (path.size() >= 10 && path.compare(path.size() - 10, 10, "index.html") == 0 && path != "search/index.html") {
            ++pages;
            CHECK(has(search, "<a href=\"../" + path.substr(0, path.size() - 10) + "\">"));
        }
    CHECK(pages > 20);
}

TEST_CASE("a site_url that is not a web address is an error", "[e2e][publish][errors]") {
    TempProject project;
    minimal_project(project.root, "\"javascript:alert(1)\"");
    const auto r = run_hwbgen("build --quiet --root " + project.root.string(), project.root);
    CHECK(r.code == 1);
    CHECK(has(r.err,
              "error: 'site_url' must be a web address starting https:// or http://, found 'javascript:alert(1)'"));
    CHECK_FALSE(fs::exists(project.root / "site/minimal"));
}
