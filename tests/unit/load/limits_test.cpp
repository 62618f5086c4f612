#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "load/load.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const std::string page_path = "content/testshire/pages/02-hostile.yaml";

std::string problems_with_page(const std::string& text) {
    auto tree = test::minimal_tree();
    tree.add(page_path, text);
    diag::Diagnostics diags;
    load::load_place(tree, "testshire", diags);
    return test::summary(diags);
}

bool mentions(const std::string& problems, const std::string& what) {
    INFO(problems);
    return problems.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("aliases that would expand past the limit stop the file at once", "[load][limits]") {
    std::string text =
        "id: laughs\ntitle: Laughs\nbody: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i <= 9; ++i) {
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
        text += "]\n";
    }
    const auto problems = problems_with_page(text);
    CHECK(mentions(problems, "error: the file holds more than 200,000 values once its aliases (*name) are expanded"));
    CHECK_FALSE(mentions(problems, "unknown field"));  // the file was not read further
}

TEST_CASE("nesting past the limit is an error at the value", "[load][limits]") {
    const std::string deep = std::string(40, '[') + std::string(40, ']');
    CHECK(mentions(problems_with_page("id: deep\ntitle: " + deep + "\nbody: x\n"),
                   page_path + ":2:40: error: values nest more than 32 levels deep"));
    const std::string deeper = std::string(3000, '[') + std::string(3000, ']');
    CHECK(mentions(problems_with_page("id: deep\ntitle: " + deeper + "\nbody: x\n"), "levels deep"));
}

TEST_CASE("a NUL character in text is an error, not changed text", "[load][limits]") {
    CHECK(mentions(problems_with_page("id: nul\ntitle: \"a\\0b\"\nbody: x\n"),
                   page_path + ":2:8: error: text contains a NUL character"));
    CHECK(mentions(problems_with_page(std::string("id: nul\ntitle: a\0b\nbody: x\n", 25)),
                   page_path + ":2:9: error: the file contains a NUL byte"));
}

TEST_CASE("a text over the length limit is an error naming the limit", "[load][limits]") {
    CHECK(mentions(problems_with_page("id: long\ntitle: T\nbody: " + std::string(300000, 'x') + "\n"),
                   page_path + ":3:7: error: text is longer than the limit of 262,144 bytes"));
}

TEST_CASE("numbers must be finite and in range", "[load][limits]") {
    auto tree = test::minimal_tree();
    std::string defs = *tree.read("indicators/definitions.yaml");
    for (const auto& [value, message] : std::vector<std::pair<std::string, std::string>>{
             {"nan", "expected a finite number for 'multiplier', found 'nan'"},
             {"inf", "expected a finite number for 'multiplier', found 'inf'"},
             {"1e300", "number out of range for 'multiplier': '1e300'"}}) {
        auto t = test::minimal_tree();
        std::string d = defs;
        const auto at = d.find("polarity:");
        REQUIRE(at != std::string::npos);
        d.insert(at, "multiplier: " + value + "\n    ");
        t.add("indicators/definitions.yaml", d);
        diag::Diagnostics diags;
        load::load_indicators(t, diags);
        CHECK(mentions(test::summary(diags), message));
    }
}

TEST_CASE("an unsafe link is reported at its own line and column", "[load][links]") {
    CHECK(mentions(problems_with_page("id: x\ntitle: T\nbody: |\n  First line.\n  See [this](javascript:alert(1)).\n"),
                   page_path + ":5:14: error: link with the scheme 'javascript:' is not allowed"));
    CHECK(mentions(problems_with_page("id: x\ntitle: \"[a](vbscript:x)\"\nbody: x\n"),
                   page_path + ":2:13: error: link with the scheme 'vbscript:' is not allowed"));
}

TEST_CASE("an id over 80 characters is a positioned error", "[check][limits]") {
    auto tree = test::minimal_tree();
    tree.add(page_path, "id: " + std::string(300, 'a') + "\ntitle: T\nbody: x\n");
    diag::Diagnostics diags;
    const auto indicators = load::load_indicators(tree, diags);
    const auto place = load::load_place(tree, "testshire", diags);
    check::check_place(place, indicators, diags);
    CHECK(mentions(test::summary(diags),
                   page_path + ":1:5: error: page id is 300 characters long, over the limit of 80"));
}
