// Broken inputs: each folder under tests/errors/ holds files laid over the minimal fixture and
// the exact stderr expected. A failed build must exit 1 and leave the previous site untouched.
#include <catch2/catch.hpp>

#include <algorithm>

#include "e2e_support.hpp"

using namespace hwbgen::test;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("each broken input gets its exact message, exit 1, and the old site is kept", "[e2e][errors]") {
    // Counted, so an emptied or renamed folder cannot pass having checked nothing: after adding
    // or removing a case, change this number.
    const size_t expected_cases = 10;
    std::vector<fs::path> cases;
    for (fs::directory_iterator it(source_dir / "tests/errors"), end; it != end; ++it) {
        INFO("every entry of tests/errors/ is a case folder: " << it->path());
        REQUIRE(fs::is_directory(it->path()));
        REQUIRE(fs::is_directory(it->path() / "input"));
        REQUIRE(fs::is_regular_file(it->path() / "expected.stderr"));
        cases.push_back(it->path());
    }
    REQUIRE(cases.size() == expected_cases);
    std::sort(cases.begin(), cases.end());
    for (const fs::path& case_dir : cases) {
        DYNAMIC_SECTION("case " << case_dir.filename().string()) {
            TempProject project;
            copy_project(project.root, {"templates"});
            copy_tree(source_dir / "tests/fixtures/minimal", project.root);
            REQUIRE(run_hwbgen("build --quiet --root " + project.root.string(), project.root).code == 0);
            const auto before = read_tree(project.root / "site");

            copy_tree(case_dir / "input", project.root);
            const auto r = run_hwbgen("build --root " + project.root.string(), project.root);
            CHECK(r.code == 1);
            CHECK(replace_all(r.err, project.root.string(), "ROOT") == read_file(case_dir / "expected.stderr"));
            CHECK(read_tree(project.root / "site") == before);
        }
    }
}

TEST_CASE("an unknown place on the command line is a usage error with a suggestion", "[e2e][errors]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    const auto r = run_hwbgen("build minimul --root " + project.root.string(), project.root);
    CHECK(r.code == 2);
    CHECK(r.err == "hwbgen: error: no place 'minimul' under content/\nhint: did you mean 'minimal'?\n");
}

TEST_CASE("a bad option is a usage error", "[e2e][errors]") {
    TempProject project;
    CHECK(run_hwbgen("build --no-such-option", project.root).code == 2);
    CHECK(run_hwbgen("", project.root).code == 2);
}

TEST_CASE("hostile content cannot inject markup or script", "[e2e][security]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    const fs::path section = project.root / "content/minimal/sections/01-start-well.yaml";
    std::string text = read_file(section);
    text = replace_all(text, "title: School readiness", "title: \"<script>alert('t')</script>\"");
    text = replace_all(text, "Children who are ready for school do better.",
                       "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](https://example.org/)");
    text = replace_all(text, "We will help families find *free* childcare.", "\"\\\"><svg onload=alert(4)>\"");
    write_file(section, text);
    const auto r = run_hwbgen("build --quiet --root " + project.root.string(), project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    size_t pages = 0;
    for (const auto& [path, written] : read_tree(project.root / "site/minimal")) {
        if (path.find(".html") == std::string::npos) continue;
        INFO(path);
        ++pages;
        // The search page's own script is the one script the theme brings.
        const auto bytes = replace_all(written, "<script src=\"../assets/search.js\" defer></script>", "");
        CHECK(bytes.find("<script") == std::string::npos);
        CHECK(bytes.find("<img src=x") == std::string::npos);
        CHECK(bytes.find("<svg onload") == std::string::npos);
        CHECK(bytes.find("onerror") == std::string::npos);
        CHECK(bytes.find("javascript:") == std::string::npos);
    }
    // Every page was searched: as many as the reviewed golden site of the same fixture holds.
    size_t golden_pages = 0;
    for (const auto& [path, bytes] : read_tree(source_dir / "tests/golden/minimal"))
        golden_pages += path.find(".html") != std::string::npos;
    CHECK(golden_pages >= 10);
    CHECK(pages == golden_pages);
    const auto page = read_file(project.root / "site/minimal/sections/start-well/school-readiness/index.html");
    CHECK(page.find("&lt;script&gt;alert(&apos;t&apos;)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("a project without templates gets one clear error, not one per page", "[e2e][errors]") {
    TempProject project;
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    const auto r = run_hwbgen("build --root " + project.root.string(), project.root);
    CHECK(r.code == 1);
    CHECK(r.err ==
          "templates/html/layout.mustache: error: the theme has no page layout\n"
          "hint: run hwbgen in the project folder (the one holding templates/), or give --root\n"
          "1 error; the previous site was left as it was\n");
    CHECK(!fs::exists(project.root / "site/minimal"));
}
