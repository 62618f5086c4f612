#include <catch2/catch.hpp>

#include "render/detail/plumbing.hpp"

using namespace hwbgen::render::detail;

TEST_CASE("a site address gives the path its 404 page links from", "[render][plumbing]") {
    CHECK(site_path("https://example.org/jhws") == "/jhws/");
    CHECK(site_path("https://example.org/jhws/") == "/jhws/");
    CHECK(site_path("https://example.org") == "/");
    CHECK(site_path("https://example.org/a/b?x=1#top") == "/a/b/");
}

TEST_CASE("the sitemap lists every page under the site address, escaped", "[render][plumbing]") {
    const auto xml = sitemap_xml(base_url("https://example.org/a&b"), {"", "sections/start-well/"});
    CHECK(xml.find("<loc>https://example.org/a&amp;b/</loc>") != std::string::npos);
    CHECK(xml.find("<loc>https://example.org/a&amp;b/sections/start-well/</loc>") != std::string::npos);
    CHECK(xml.find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">") != std::string::npos);
}

TEST_CASE("robots.txt allows crawling and names the sitemap", "[render][plumbing]") {
    CHECK(robots_txt("https://example.org/jhws/") ==
          "User-agent: *\nAllow: /\n\nSitemap: https://example.org/jhws/sitemap.xml\n");
}

TEST_CASE("a running header's title is a CSS string that cannot end its style element", "[render][plumbing]") {
    CHECK(css_string("Plan on a page") == "\"Plan on a page\"");
    CHECK(css_string("A \"quoted\" \\ title") == "\"A \\22 quoted\\22  \\5c  title\"");
    CHECK(css_string("</style><script>x</script>") == "\"\\3c /style\\3e \\3c script\\3e x\\3c /script\\3e \"");
    CHECK(css_string("two\nlines & more") == "\"two\\0a lines \\26  more\"");
    CHECK(css_string("Café – Board") == "\"Café – Board\"");
}
