#include <catch2/catch.hpp>

#include "diag/diagnostic.hpp"

using namespace hwbgen::diag;

TEST_CASE("a diagnostic prints its place, the source line, a caret and the hint", "[diag]") {
    const Diagnostic d{Severity::error,
                       {"content/x/sections/01.yaml", 42, 18},
                       "unknown indicator 'hpv-males'",
                       "did you mean 'hpv-male'?"};
    CHECK(format(d, "    indicators: [hpv-males]") ==
          "content/x/sections/01.yaml:42:18: error: unknown indicator 'hpv-males'\n"
          " 42 |     indicators: [hpv-males]\n"
          "    |                  ^\n"
          "hint: did you mean 'hpv-male'?\n");
}

TEST_CASE("a whole-file diagnostic prints no line or column", "[diag]") {
    const Diagnostic d{Severity::warning, {"a.yaml", 0, 0}, "file is empty", ""};
    CHECK(format(d, "") == "a.yaml: warning: file is empty\n");
}

TEST_CASE("did-you-mean suggests a close name and stays quiet for unrelated ones", "[diag]") {
    const std::vector<std::string> names = {"hpv-male", "hpv-female", "year6-overweight"};
    CHECK(did_you_mean("hpv-males", names) == "did you mean 'hpv-male'?");
    CHECK(did_you_mean("smoking", names).empty());
}

TEST_CASE("diagnostics sort by file, line and column and count errors", "[diag]") {
    Diagnostics diags;
    diags.error({"b.yaml", 1, 1}, "second");
    diags.warning({"a.yaml", 9, 1}, "first");
    diags.sort();
    CHECK(diags.all()[0].message == "first");
    CHECK(diags.error_count() == 1);
}

TEST_CASE("a long source line is cut to a window around the column", "[diag]") {
    const std::string line = std::string(100000, 'x') + "!" + std::string(100000, 'y');
    const hwbgen::diag::Diagnostic d{hwbgen::diag::Severity::error, {"f.yaml", 3, 100001}, "bad", ""};
    const std::string out = hwbgen::diag::format(d, line);
    CHECK(out.size() < 400);
    const auto bang = out.find('!');
    const auto caret = out.find('^');
    REQUIRE(bang != std::string::npos);
    REQUIRE(caret != std::string::npos);
    // The caret sits under the '!' on the next line.
    CHECK(caret - out.rfind('\n', caret) == bang - out.rfind('\n', bang));
}
