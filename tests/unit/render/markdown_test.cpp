#include <catch2/catch.hpp>

#include "render/abbreviations.hpp"
#include "render/markdown.hpp"

using namespace hwbgen::render;

TEST_CASE("content Markdown becomes HTML with tables", "[render]") {
    CHECK(markdown_to_html("Some **bold** text") == "<p>Some <strong>bold</strong> text</p>\n");
    CHECK(markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n").find("<table>") != std::string::npos);
}

TEST_CASE("raw HTML and script in content are dropped", "[render][security]") {
    const auto html = markdown_to_html(
        "Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<iframe src=x>");
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<iframe") == std::string::npos);
    CHECK(html.find("onerror") == std::string::npos);
}

TEST_CASE("javascript: links in content are neutralised", "[render][security]") {
    const auto html = markdown_to_html("[click](javascript:alert(1)) and [ok](https://example.org)");
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("href=\"https://example.org\"") != std::string::npos);
}

TEST_CASE("a one-line item loses its paragraph wrapper", "[render]") {
    CHECK(markdown_inline_to_html("We will *act*.") == "We will <em>act</em>.");
    CHECK(markdown_inline_to_html("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>");
}

TEST_CASE("escape_html escapes every character that matters in text and attributes", "[render][security]") {
    CHECK(escape_html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("the first use of an abbreviation in a page is marked up", "[render]") {
    const std::vector<Abbreviation> terms = {{"HWB", "Health & Wellbeing Board"}, {"ICS", "Integrated Care System"}};
    CHECK(mark_abbreviations("<p>The HWB and the HWB's ICS's plan.</p>", terms) ==
          "<p>The <abbr title=\"Health &amp; Wellbeing Board\">HWB</abbr> and the HWB's "
          "<abbr title=\"Integrated Care System\">ICS's</abbr> plan.</p>");
}

TEST_CASE("abbreviations are not marked inside tags, code or words that merely contain them", "[render]") {
    const std::vector<Abbreviation> terms = {{"HWB", "Board"}};
    CHECK(mark_abbreviations("<a title=\"HWB\" href=\"/HWB\">HWBX</a><code>HWB</code>", terms) ==
          "<a title=\"HWB\" href=\"/HWB\">HWBX</a><code>HWB</code>");
}

TEST_CASE("a Markdown table scrolls in its own named, focusable region", "[render][markdown]") {
    const std::string html = markdown_to_html("| Area <b>x</b> | Value |\n|---|---|\n| North | 1 |\n");
    CHECK(html.rfind("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table: Area x\"><table>",
                     0) == 0);
    CHECK(html.find("</table></div>") != std::string::npos);
}
