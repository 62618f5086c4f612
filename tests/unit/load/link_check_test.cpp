#include <catch2/catch.hpp>

#include "load/link_check.hpp"

using namespace hwbgen::load;

namespace {

std::string unsafe(const std::string& text) {
    const auto link = find_unsafe_link(text);
    return link ? link->message : std::string{};
}

}  // namespace

TEST_CASE("https, http, mailto and relative links are allowed", "[load][links]") {
    CHECK(unsafe("[a](https://x.org) [b](http://x.org) [c](mailto:a@b.org) [d](../glossary/) [e](#top)") == "");
    CHECK(unsafe("<https://x.org> and www.x.org and a <b>bold</b> claim") == "");
    CHECK(unsafe("[![logo](logo.png)](https://x.org)") == "");
    CHECK(unsafe("Not a link: javascript:alert(1) in plain text") == "");
}

TEST_CASE("other schemes are refused however they are written", "[load][links]") {
    for (const std::string text :
         {"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))",
          "[x](\njavascript:alert(1))", "[x](<javascript:alert(1)>)", "[x](&#106;avascript:alert(1))",
          "[x](&#x6A;avascript:alert(1))", "[x](&#0000106;avascript:alert(1))", "[x](javascript&colon;alert(1))",
          "[x](java&Tab;script:alert(1))", "<javascript:alert(1)>", "[x][r]\n\n[r]: javascript:alert(1)",
          "[x]\n\n[x]:\n  vbscript:msgbox", "[x](data:text/html,<script>)", "[x](file:///etc/passwd)",
          "![x](javascript:alert(1))", "a bare FTP://files.example.org/x", "bare javascript://%0aalert(1)",
          "<ht+tps://x.org>"}) {
        INFO(text);
        CHECK(unsafe(text).find("is not allowed") != std::string::npos);
    }
    CHECK(unsafe("[x](java&shy;script:alert(1))").find("hides its scheme") != std::string::npos);
}

TEST_CASE("pictures must be files of the site", "[load][links]") {
    CHECK(unsafe("![chart](pictures/chart.png)") == "");
    CHECK(unsafe("![x](/etc/passwd)").find("is not a file of the site") != std::string::npos);
    CHECK(unsafe("![x](http://127.0.0.1:8000/x.png)").find("is not a file of the site") != std::string::npos);
    CHECK(unsafe("![x](../../../../etc/passwd)").find("is not a file of the site") != std::string::npos);
    CHECK(unsafe("![x](pictures/%2E%2e/%2e%2E/etc/passwd)").find("is not a file of the site") != std::string::npos);
    // Pictures by reference: the definition is the picture's address.
    for (const char* text :
         {"![x][p]\n\n[p]: /etc/passwd", "![P]\n\n[p]: http://127.0.0.1:9/x.png",
          "![My  Ref][]\n\n[my ref]:\n  /etc/passwd", "[p]: file.png\n[q]: /etc/passwd\n\n![x][Q]"}) {
        INFO(text);
        CHECK(unsafe(text).find("is not a file of the site") != std::string::npos);
    }
    CHECK(unsafe("![x][p] and [y][q]\n\n[p]: pictures/star.svg\n[q]: https://example.org/") == "");
}

TEST_CASE("an unsafe link is found at its address", "[load][links]") {
    const std::string text = "See [this](javascript:alert(1)).";
    const auto link = find_unsafe_link(text);
    REQUIRE(link);
    CHECK(link->offset == text.find("javascript"));
    CHECK(link->address == "javascript:alert(1)");
}

TEST_CASE("web and email addresses are told apart from anything else", "[load][links]") {
    CHECK(is_web_address("https://www.example.gov.uk/health"));
    CHECK_FALSE(is_web_address("javascript:alert(1)"));
    CHECK_FALSE(is_web_address("https://x.org/\" onmouseover=\"alert(1)"));
    CHECK_FALSE(is_web_address("www.example.org"));
    CHECK(is_email_address("health.board@example.gov.uk"));
    CHECK_FALSE(is_email_address("x@example.org?bcc=y@example.org"));
    CHECK_FALSE(is_email_address("x@example.org\"><script>"));
    CHECK_FALSE(is_email_address("not an email"));
}
