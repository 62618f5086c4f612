// Board papers that regenerate themselves: new-cycle carries the paper forward, the manager
// sets ratings, and the paper's figures equal the report's in HTML, Markdown and Word.
#include <catch2/catch.hpp>

#include <regex>

#include "e2e_support.hpp"

using namespace hwbgen::test;

namespace {

const std::string sentence =
    R"(Of the (\w+) commitments reported on at this meeting, (\w+) are complete, (\w+) are green, (\w+) are amber and (\w+) (?:is|are) red)";

int number(std::string word) {
    static const std::vector<std::string> words = {"none", "one",   "two",   "three", "four", "five",
                                                   "six",  "seven", "eight", "nine",  "ten"};
    word[0] = char(std::tolower(static_cast<unsigned char>(word[0])));
    if (word == "no") return 0;
    for (size_t i = 0; i < words.size(); ++i)
        if (word == words[i]) return int(i);
    return std::stoi(word);
}

// Text with tags removed and every run of spaces and line breaks made one space.
std::string plain(const std::string& text) {
    const std::string no_tags = std::regex_replace(text, std::regex("<[^>]*>"), " ");
    return std::regex_replace(no_tags, std::regex(R"(\s+)"), " ");
}

// The paper's counts: reported, complete, green, amber, red.
std::vector<int> paper_counts(const std::string& text) {
    std::smatch m;
    const std::string flat = plain(text);
    REQUIRE(std::regex_search(flat, m, std::regex(sentence)));
    std::vector<int> out;
    for (size_t i = 1; i <= 5; ++i) out.push_back(number(m[i].str()));
    return out;
}

// The report page's Markdown table: not started, red, amber, green, complete, total.
std::vector<int> report_counts(const std::string& md) {
    const auto at = md.find("## Progress at a glance");
    REQUIRE(at != std::string::npos);
    std::smatch m;
    const std::string rest = md.substr(at);
    REQUIRE(std::regex_search(rest, m, std::regex(R"(\| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|)")));
    return {std::stoi(m[6]), std::stoi(m[5]), std::stoi(m[4]), std::stoi(m[3]), std::stoi(m[2])};
}

// The report page's HTML table cells, in the same order as report_counts.
std::vector<int> report_counts_html(const std::string& html) {
    auto cell = [&](const std::string& label) {
        std::smatch m;
        REQUIRE(std::regex_search(html, m, std::regex("data-label=\"" + label + "\">(\\d+)<")));
        return std::stoi(m[1]);
    };
    return {cell("Total"), cell("Complete"), cell("Green"), cell("Amber"), cell("Red")};
}

// List items under a Markdown heading of the report, up to the next heading.
int listed_under(const std::string& md, const std::string& heading) {
    const auto at = md.find("\n" + heading + "\n");
    if (at == std::string::npos) return 0;
    const auto end = md.find("\n#", at + heading.size() + 2);
    const std::string part = md.substr(at, end == std::string::npos ? std::string::npos : end - at);
    int n = 0;
    for (size_t i = part.find("\n- "); i != std::string::npos; i = part.find("\n- ", i + 1)) ++n;
    return n;
}

// The paper's changes: completed, moved up, moved down; and its points for escalation.
std::vector<int> paper_changes(const std::string& text) {
    std::smatch m;
    const std::string flat = plain(text);
    REQUIRE(std::regex_search(
        flat, m,
        std::regex(
            R"(Since the previous meeting on [^,]+, (\w+) commitments? (?:was|were) completed, (\w+) moved up a rating and (\w+) moved down)")));
    std::smatch e;
    REQUIRE(std::regex_search(flat, e, std::regex(R"(asked to consider (\w+) points? for escalation)")));
    return {number(m[1].str()), number(m[2].str()), number(m[3].str()), number(e[1].str())};
}

void set_rating(const fs::path& file, const std::string& item, const std::string& rag) {
    std::string yaml = read_file(file);
    const auto at = yaml.find("  - item: " + item + "\n");
    REQUIRE(at != std::string::npos);
    const auto rag_at = yaml.find("    rag: ", at);
    yaml.replace(rag_at, yaml.find('\n', rag_at) - rag_at, "    rag: " + rag);
    write_file(file, yaml);
}

std::string docx_text(const fs::path& docx, const fs::path& work) {
    const fs::path out = work / "document.xml";
    const std::string command = "unzip -p " + docx.string() + " word/document.xml > " + out.string();
    REQUIRE(std::system(command.c_str()) == 0);
    return read_file(out);
}

}  // namespace

TEST_CASE("a carried-forward paper shows the new cycle's figures in every format", "[e2e][papers]") {
    TempProject project;
    copy_project(project.root, {"templates", "content", "indicators"});
    const std::string root = " --root " + project.root.string();
    auto r = run_hwbgen("new-cycle leicestershire 2024-06" + root, project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const fs::path file = project.root / "content/leicestershire/cycles/2024-06.yaml";
    const std::string carried = read_file(file);
    CHECK(carried.find("board_paper:") != std::string::npos);
    CHECK(carried.find("- generated: progress-at-a-glance") != std::string::npos);
    CHECK(carried.find("review: \"carried forward from 2023-12\"") != std::string::npos);
    set_rating(file, "f1001-manifesto", "red");
    set_rating(file, "f1001-joined-up-services", "green");
    set_rating(file, "sr-parent-understanding", "complete");
    set_rating(file, "pfl-emotional-mental-health", "complete");  // red in 2023-12
    set_rating(file, "fcc-carers-strategy", "amber");             // green in 2023-12

    r = run_hwbgen("check leicestershire" + root, project.root);
    CHECK(r.code == 0);
    CHECK(r.err.find("warning: this paragraph is still marked for review (carried forward from 2023-12)") !=
          std::string::npos);

    r = run_hwbgen("build leicestershire --quiet" + root, project.root);
    REQUIRE(r.code == 0);
    const fs::path site = project.root / "site/leicestershire";
    const auto report = report_counts(read_file(site / "reports/2024-06/index.md"));
    CHECK(report == report_counts_html(read_file(site / "reports/2024-06/index.html")));
    CHECK(paper_counts(read_file(site / "board-papers/2024-06/index.md")) == report);
    const std::string paper_html = read_file(site / "board-papers/2024-06/index.html");
    CHECK(paper_counts(paper_html) == report);
    // The carried appendices point at the new cycle's pages.
    CHECK(paper_html.find("href=\"../../reports/2024-06/outcomes-report/\"") != std::string::npos);
    // Changes and escalations: the paper's figures against the report's lists.
    const std::string report_md = read_file(site / "reports/2024-06/index.md");
    const int completed = listed_under(report_md, "### Completed"),
              moved = listed_under(report_md, "### RAG rating changed");
    const auto changes = paper_changes(read_file(site / "board-papers/2024-06/index.md"));
    CHECK(changes[0] == completed);
    CHECK(completed == 1);
    CHECK(changes[1] + changes[2] == moved + completed);  // completion is a move up
    CHECK(changes[2] == 1);
    CHECK(changes[3] == listed_under(report_md, "## Points for escalation to the board"));
    CHECK(changes == paper_changes(paper_html));
    const fs::path docx = site / "board-papers/2024-06/board-paper.docx";
    if (fs::exists(docx)) {
        const std::string word = docx_text(docx, project.root);
        CHECK(paper_counts(word) == report);
        CHECK(paper_changes(word) == changes);
    }

    // One rating changes; the paper's sentence follows with no edit to the paper.
    const std::string before = read_file(site / "board-papers/2024-06/index.md");
    set_rating(file, "f1001-manifesto", "amber");
    REQUIRE(run_hwbgen("build leicestershire --quiet" + root, project.root).code == 0);
    const std::string after = read_file(site / "board-papers/2024-06/index.md");
    const auto now = paper_counts(after);
    const auto then = paper_counts(before);
    CHECK(now[3] == then[3] + 1);  // amber
    CHECK(now[4] == then[4] - 1);  // red
    CHECK(now == report_counts(read_file(site / "reports/2024-06/index.md")));
}

TEST_CASE("the example annual paper cites the year and places its blocks between numbered paragraphs",
          "[e2e][papers]") {
    TempProject project;
    copy_project(project.root, {"templates", "content", "indicators"});
    REQUIRE(run_hwbgen("build leicestershire --quiet --root " + project.root.string(), project.root).code == 0);
    const std::string md = read_file(project.root / "site/leicestershire/board-papers/2023-12/index.md");
    CHECK(paper_counts(md) == report_counts(read_file(project.root / "site/leicestershire/reports/2023-12/index.md")));
    CHECK(plain(md).find("Over the year, 3 commitments were completed across 2 meetings") != std::string::npos);
    CHECK(md.find("((") == std::string::npos);
    // Paragraph 4, the progress block, then paragraph 5: numbering carries on around it.
    const auto p4 = md.find("\n4. "), block = md.find("### Progress at a glance"), p5 = md.find("\n5. ");
    CHECK((p4 < block && block < p5));
    const std::string html = read_file(project.root / "site/leicestershire/board-papers/2023-12/index.html");
    CHECK(html.find("<ol class=\"paragraphs\" start=\"5\">") != std::string::npos);
    CHECK(html.find("aria-labelledby=\"rag-chart-title") != std::string::npos);
}
