// Reporting cycles end to end: the example board paper against seed 000, Word output, the
// example-data notice, hostile text, and `hwbgen new-cycle`.
#include <catch2/catch.hpp>

#include <regex>

#include "e2e_support.hpp"

using namespace hwbgen::test;

namespace {

std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
    std::vector<std::string> out;
    const std::regex re(pattern);
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) out.push_back((*it)[1].str());
    return out;
}

// The paper's headings, in order, as seed 000 has them.
const std::vector<std::string> seed_headings = {"Purpose of report",
                                                "Recommendation",
                                                "Background",
                                                "Current Progress",
                                                "Performance Reporting Proposals",
                                                "Communication and Engagement",
                                                "Next Steps/ Future Development",
                                                "Resource Implications",
                                                "Relevant Impact Assessments",
                                                "Equality and Human Rights Implications",
                                                "Crime and Disorder Implications",
                                                "Environmental Implications",
                                                "Partnership Working and associated issues",
                                                "Officers to contact",
                                                "Background papers",
                                                "Appendices"};
// Numbered paragraphs 1-29 and 35-38 of the seed (it skips 30-34).
constexpr size_t seed_paragraphs = 33;

std::string unzip(const fs::path& docx, const std::string& member, const fs::path& work) {
    const fs::path out = work / "unzipped.xml";
    const std::string command = "unzip -p " + docx.string() + " " + member + " > " + out.string();
    REQUIRE(std::system(command.c_str()) == 0);
    return read_file(out);
}

struct ExampleSite {
    TempProject project;
    RunResult result;
    ExampleSite() {
        copy_project(project.root, {"templates", "content", "indicators"});
        result = run_hwbgen("build leicestershire --quiet --root " + project.root.string(), project.root);
    }
    fs::path site() const { return project.root / "site/leicestershire"; }
};

const ExampleSite& example_site() {
    static const ExampleSite site;
    return site;
}

}  // namespace

TEST_CASE("the 2022-12 board paper has seed 000's headings and numbered paragraphs", "[e2e][cycles]") {
    const auto& ex = example_site();
    INFO(ex.result.err);
    REQUIRE(ex.result.code == 0);
    const fs::path dir = ex.site() / "board-papers/2022-12";
    const std::string html = read_file(dir / "index.html");
    const auto main = html.substr(html.find("<div class=\"paper\">"));
    std::vector<std::string> headings = matches(main, "<h[23] id=\"[a-z_-]+\">([^<]+)</h[23]>");
    CHECK(headings == seed_headings);
    CHECK(matches(html, "<li id=\"para-([0-9]+)\"").size() == seed_paragraphs);
    CHECK(matches(html, "<span class=\"marker\">([a-c]\\))</span>") ==
          std::vector<std::string>{"a)", "b)", "c)", "a)", "b)"});

    const std::string md = read_file(dir / "index.md");
    CHECK(matches(md, "\n## ([^\n]+)").size() + matches(md, "\n### ([^\n]+)").size() == seed_headings.size() + 2);
    const auto numbers = matches(md, "\n([0-9]+)\\. ");
    REQUIRE(numbers.size() == seed_paragraphs);
    for (size_t i = 0; i < numbers.size(); ++i) CHECK(numbers[i] == std::to_string(i + 1));
}

TEST_CASE("the board paper's Word document holds the same headings and paragraphs", "[e2e][cycles][docx]") {
    const auto& ex = example_site();
    const fs::path docx = ex.site() / "board-papers/2022-12/board-paper.docx";
    REQUIRE(fs::exists(docx));
    const std::string xml = unzip(docx, "word/document.xml", ex.project.root);
    std::vector<std::string> headings;
    for (const auto& p : matches(xml, "(<w:p>(?:(?!</w:p>).)*?w:val=\"Heading[23]\"(?:(?!</w:p>).)*</w:p>)")) {
        std::string text;
        for (const auto& t : matches(p, "<w:t[^>]*>([^<]*)</w:t>")) text += t;
        headings.push_back(text);
    }
    // The two sub-headings of "Performance Reporting Proposals" are headings too.
    std::vector<std::string> expected = seed_headings;
    expected.insert(expected.begin() + 5, {"Outcomes Report", "Sub-groups"});
    CHECK(headings == expected);
    // Numbered paragraphs are the top level of decimal lists.
    const std::string numbering = unzip(docx, "word/numbering.xml", ex.project.root);
    size_t numbered = 0;
    for (const auto& p : matches(xml, "(<w:p>(?:(?!</w:p>).)*?<w:ilvl w:val=\"0\" />(?:(?!</w:p>).)*</w:p>)")) {
        const auto num = matches(p, "<w:numId w:val=\"([0-9]+)\"");
        if (num.empty()) continue;
        const auto abstract = matches(numbering,
                                      "<w:num w:numId=\"" + num[0] + "\">\\s*<w:abstractNumId w:val=\"([0-9]+)\"");
        REQUIRE(abstract.size() == 1);
        const auto format = matches(numbering,
                                    "<w:abstractNum w:abstractNumId=\"" + abstract[0] +
                                        "\"[^>]*>(?:(?!</w:abstractNum>).)*?<w:numFmt w:val=\"([a-zA-Z]+)\"");
        if (!format.empty() && format[0] == "decimal") ++numbered;
    }
    CHECK(numbered == seed_paragraphs);
}

TEST_CASE("every page built from an example cycle says so", "[e2e][cycles]") {
    const auto& ex = example_site();
    for (const auto* page : {"reports/2023-12/index.html", "reports/2023-12/outcomes-report/index.html",
                             "board-papers/2023-12/index.html", "reports/2023-12/index.md"}) {
        INFO(page);
        CHECK(read_file(ex.site() / page).find("Example data.") != std::string::npos);
    }
    CHECK(read_file(ex.site() / "board-papers/2022-12/index.html").find("Example data.") == std::string::npos);
    const std::string report = read_file(ex.site() / "reports/2023-12/index.html");
    CHECK(report.find("What changed since the previous report") != std::string::npos);
    CHECK(report.find("Points for escalation to the board") != std::string::npos);
    CHECK(read_file(ex.site() / "reports/index.html").find("reports/2022-12/") != std::string::npos);
}

TEST_CASE("hostile text in updates and papers is escaped or removed", "[e2e][cycles]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    const auto r = run_hwbgen("build --quiet --root " + project.root.string(), project.root);
    REQUIRE(r.code == 0);
    for (const auto* page : {"reports/2024-06/index.html", "board-papers/2024-06/index.html"}) {
        const std::string html = read_file(project.root / "site/minimal" / page);
        INFO(page);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("javascript:") == std::string::npos);
        CHECK(html.find("<b>") == std::string::npos);
    }
}

TEST_CASE("without pandoc the build says so and still writes HTML and Markdown", "[e2e][cycles][docx]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    const fs::path err = project.root / "err.txt";
    const std::string command = "PATH=/nonexistent " + std::string(HWBGEN_BINARY) + " build --quiet --root " +
                                project.root.string() + " 2> " + err.string();
    const int status = std::system(command.c_str());
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(read_file(err).find("pandoc is not installed") != std::string::npos);
    // Nor is chromium there: one warning for the build, and no page links to a PDF.
    const std::string warned = read_file(err);
    const size_t first = warned.find("warning: PDFs were not written: chromium");
    CHECK(first != std::string::npos);
    CHECK(warned.find("PDFs were not written", first + 20) == std::string::npos);
    CHECK(read_file(project.root / "site/minimal/index.html").find(".pdf\"") == std::string::npos);
    CHECK(fs::exists(project.root / "site/minimal/board-papers/2024-06/index.html"));
    CHECK(fs::exists(project.root / "site/minimal/board-papers/2024-06/index.md"));
    CHECK(!fs::exists(project.root / "site/minimal/board-papers/2024-06/board-paper.docx"));
}

TEST_CASE("new-cycle carries the last updates over, builds as it is, and never overwrites", "[e2e][cycles]") {
    TempProject project;
    copy_project(project.root, {"templates", "content", "indicators"});
    const std::string args = "new-cycle leicestershire 2024-03 --root " + project.root.string();
    auto r = run_hwbgen(args, project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const fs::path file = project.root / "content/leicestershire/cycles/2024-03.yaml";
    const std::string scaffold = read_file(file);
    // Carried over from 2023-12: the rating, the update, and the mark that it was made up.
    const auto at = scaffold.find("  - item: f1001-breastfeeding\n");
    REQUIRE(at != std::string::npos);
    const std::string entry = scaffold.substr(at, scaffold.find("  - item:", at + 10) - at);
    CHECK(entry.find("rag: green") != std::string::npos);
    CHECK(entry.find("Breastfeeding peer support has been extended") != std::string::npos);
    CHECK(entry.find("example: true") != std::string::npos);
    // Never reported: listed as not started, in the strategy's order.
    CHECK(scaffold.find("  - item: f1001-manifesto\n") < at);
    CHECK(scaffold.find("item: f1001-manifesto\n    # We will embed") != std::string::npos);

    r = run_hwbgen("build leicestershire --quiet --root " + project.root.string(), project.root);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(fs::exists(project.root / "site/leicestershire/reports/2024-03/index.html"));

    r = run_hwbgen(args, project.root);
    CHECK(r.code == 1);
    CHECK(r.err.find("already exists") != std::string::npos);
    CHECK(read_file(file) == scaffold);

    r = run_hwbgen("new-cycle leicestershire 2023-01 --root " + project.root.string(), project.root);
    CHECK(r.code == 1);
    CHECK(r.err.find("would come before the latest cycle 2024-03") != std::string::npos);
    CHECK(!fs::exists(project.root / "content/leicestershire/cycles/2023-01.yaml"));
}
