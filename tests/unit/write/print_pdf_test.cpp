// The contents page's numbers: read from qpdf's JSON of a first print, filled into the page.
#include <catch2/catch.hpp>

#include "write/print_pdf.hpp"

using namespace hwbgen::write;

namespace {

// qpdf --json=2 of a three-page PDF whose named destinations sit on pages 1 and 3, one of them
// through an indirect array, as chromium writes them.
const char* const qpdf_json = R"({
  "version": 2,
  "pages": [
    {"object": "6 0 R", "pageposfrom1": 1},
    {"object": "7 0 R", "pageposfrom1": 2},
    {"object": "9 0 R", "pageposfrom1": 3}
  ],
  "qpdf": [
    {"jsonversion": 2},
    {
      "trailer": {"value": {"/Root": "1 0 R"}},
      "obj:1 0 R": {"value": {"/Dests": "2 0 R", "/Type": "/Catalog"}},
      "obj:2 0 R": {"value": {"/part-1": ["6 0 R", "/XYZ", 12, 800, 0], "/part-2": "3 0 R",
                              "/nowhere": ["99 0 R", "/XYZ", 0, 0, 0]}},
      "obj:3 0 R": {"value": ["9 0 R", "/XYZ", 12, 800, 0]}
    }
  ]
})";

}  // namespace

TEST_CASE("named destinations give the page each part starts on", "[write][print]") {
    const auto pages = destination_pages(qpdf_json);
    CHECK(pages == std::map<std::string, int>{{"part-1", 1}, {"part-2", 3}});
    CHECK(destination_pages("not json").empty());
    CHECK(destination_pages(R"({"pages": [], "qpdf": [{}, {}]})").empty());
}

TEST_CASE("contents entries get their page numbers; others stay as they were", "[write][print]") {
    const std::string html =
        "<li><a href=\"#part-1\">A</a><span class=\"contents-page\" data-page-of=\"part-1\"></span>"
        "<li><a href=\"#part-9\">B</a><span class=\"contents-page\" data-page-of=\"part-9\"></span>"
        "<p data-page-of=\"part-1\">kept</p>";
    CHECK(fill_contents_pages(html, {{"part-1", 2}}) ==
          "<li><a href=\"#part-1\">A</a><span class=\"contents-page\" data-page-of=\"part-1\">2</span>"
          "<li><a href=\"#part-9\">B</a><span class=\"contents-page\" data-page-of=\"part-9\"></span>"
          "<p data-page-of=\"part-1\">kept</p>");
    CHECK(fill_contents_pages("no contents", {{"part-1", 2}}) == "no contents");
}
