#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>

#include "render/chart.hpp"
#include "render/csv.hpp"
#include "render/docx.hpp"
#include "render/markdown.hpp"

using namespace hwbgen::render;

TEST_CASE("csv cells that would run as formulas get a leading apostrophe", "[render][csv][security]") {
    CHECK(csv_cell("=HYPERLINK(\"https://x\")") == "\"'=HYPERLINK(\"\"https://x\"\")\"");
    CHECK(csv_cell("+1+1") == "'+1+1");
    CHECK(csv_cell("-1+1") == "'-1+1");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\tx") == "'\tx");
    CHECK(csv_cell("\rx") == "\"'\rx\"");
    CHECK(csv_cell("Leicester, City") == "\"Leicester, City\"");
    CHECK(csv_cell("plain") == "plain");
}

TEST_CASE("negative numbers stay numbers only in numeric columns", "[render][csv][security]") {
    CHECK(csv_cell("-3.2", true) == "-3.2");
    CHECK(csv_cell("-3.2", false) == "'-3.2");
    CHECK(csv_cell("-1+1", true) == "'-1+1");
    CHECK(csv_cell("-inf", true) == "'-inf");
    CHECK(csv_cell("-nan", true) == "'-nan");
}

TEST_CASE("the Markdown twin drops what the HTML drops and keeps safe text as written", "[render][security]") {
    CHECK(markdown_twin("Some *emphasis* and [a link](https://x.org).") ==
          "Some *emphasis* and [a link](https://x.org).");
    const auto twin = markdown_twin(
        "Before <script>alert(1)</script> after.\n\n<iframe src=x></iframe>\n\n[x](javascript:alert(1))");
    CHECK(twin.find("<script") == std::string::npos);
    CHECK(twin.find("<iframe") == std::string::npos);
    CHECK(twin.find("javascript:") == std::string::npos);
    CHECK(twin.find("Before") != std::string::npos);
    CHECK(markdown_twin("![x](/etc/passwd)").find("/etc/passwd") == std::string::npos);
    // Found by fuzz_links: an unwrapped ftp:// link must not link again when the twin is read.
    CHECK(markdown_reach(markdown_twin("Files at ftp://x.org and Ftp://y.org and <ht+tps://z.org>.")).links.empty());
}

TEST_CASE("plain text in a Markdown page cannot become a link or a tag", "[render][security]") {
    CHECK(markdown_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)>");
    CHECK(markdown_text("[x](javascript:alert(1))") == "&#91;x&#93;(javascript:alert(1))");
    CHECK(markdown_text("a \\ b & c") == "a &#92; b & c");
    // Found by fuzz_links: an autolink must not swallow the escape in front of a tag.
    const auto reach = markdown_reach(markdown_text("See https://x.org\\</li> and https://y.org\\<script>"));
    CHECK(reach.raw_html.empty());
    CHECK(markdown_reach(markdown_text("files at ftp://x.org/a, FTP://y.org and javascript://%0aalert(1)"))
              .links.empty());
}

TEST_CASE("pictures are taken out of papers, leaving their alt text", "[render][docx][security]") {
    CHECK(without_pictures("See ![the chart](/etc/passwd) here.") == "See the chart here.");
    CHECK(without_pictures("![a [nested] alt](http://127.0.0.1/x.png \"t\")") == "a [nested] alt");
    CHECK(without_pictures("![ref][r]\n\n[r]: /etc/passwd") == "ref\n\n[r]: /etc/passwd");
    CHECK(without_pictures("Escaped \\![not](a picture)") == "Escaped \\![not](a picture)");
    CHECK(without_pictures("Unclosed ![oops") == "Unclosed !\\[oops");
}

TEST_CASE("a chart axis is finite and short whatever the values", "[render][chart]") {
    for (const auto& [low, high] : std::vector<std::pair<double, double>>{
             {0, 1.7e308}, {-1.7e308, 1.7e308}, {1e300, 1e300}, {NAN, 1}, {0, INFINITY}, {5, 5}, {0, 1e-300}}) {
        INFO(low << " " << high);
        const auto r = nice_range(low, high);
        CHECK(std::isfinite(r.low));
        CHECK(std::isfinite(r.high));
        CHECK(r.step > 0);
    }
    const auto svg = trend_chart_svg("c", "T", "Area", "%", {{"2020", 1.7e308, {}, {}, {}}, {"2021", 1.0, {}, {}, {}}});
    for (const char* bad : {"\"nan", "\"-nan", ">nan", "\"inf", "\"-inf", ">inf", ",nan", ",inf"}) {
        INFO(bad);
        CHECK(svg.find(bad) == std::string::npos);
    }
    CHECK(svg.size() < 20000);
}

TEST_CASE("a paper's pictures are never read or fetched into its Word document", "[render][docx][security]") {
    if (std::system("command -v pandoc > /dev/null 2>&1") != 0) return;  // optional tool
    const int server = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof addr;
    REQUIRE(bind(server, reinterpret_cast<sockaddr*>(&addr), size) == 0);
    REQUIRE(listen(server, 4) == 0);
    REQUIRE(getsockname(server, reinterpret_cast<sockaddr*>(&addr), &size) == 0);
    const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/x.png";
    const std::string md = "# Paper\n\n![a](/etc/passwd) ![b](" + url + ") ![c][r] ![d]\n\n[r]: " + url +
                           "\n[d]: /etc/hostname\n\n<img src=\"" + url + "\">\n";
    std::string error;
    const auto docx = markdown_to_docx(md, "", "2024-06-20", error);
    INFO(error);
    REQUIRE(docx);
    CHECK(docx->find("word/media/") == std::string::npos);
    CHECK(docx->find("root:x:0:0") == std::string::npos);
    CHECK(accept(server, nullptr, nullptr) < 0);  // nobody connected
    close(server);
}

TEST_CASE("pandoc gets bounded processor time, whatever the paper", "[render][docx][security]") {
    if (std::system("command -v pandoc > /dev/null 2>&1") != 0) return;  // optional tool
    // Thousands of backticks in a row take Debian 12's pandoc minutes.
    const auto start = std::chrono::steady_clock::now();
    std::string error;
    CHECK_FALSE(markdown_to_docx("# Paper\n\n" + std::string(20000, '`') + "x\n", "", "2024-06-20", error, 1));
    CHECK(error.find("pandoc needed more than 1 s of processor time") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
    CHECK(markdown_to_docx("# Paper\n\nFine.\n", "", "2024-06-20", error, 30));
}
