#include <catch2/catch.hpp>

#include "updates/columns.hpp"
#include "updates/detail/xlsx_reader.hpp"
#include "updates/history.hpp"
#include "updates/returned_updates.hpp"
#include "updates/text_rules.hpp"

using namespace hwbgen;
using updates::text_problem;

TEST_CASE("plain Markdown with web and mail links keeps the content rules", "[updates][text]") {
    CHECK(text_problem("- **Done** in 3 < 5 weeks, see [the plan](https://example.org/plan) or "
                       "<mailto:a@example.org> and <https://example.org>")
              .message.empty());
    CHECK(text_problem("[relative](../report/)").message.empty());
}

TEST_CASE("raw HTML and unsafe links are refused, however they are spelt", "[updates][text]") {
    CHECK(text_problem("Hello <script>alert(1)</script>").message == "raw HTML is not allowed ('<script>')");
    CHECK(text_problem("<img src=x onerror=alert(1)>").message.rfind("raw HTML is not allowed", 0) == 0);
    CHECK(text_problem("<!-- hidden -->").message.rfind("raw HTML is not allowed", 0) == 0);
    CHECK(text_problem("[x](javascript:alert(1))").message == "unsafe link 'javascript:alert(1'");
    CHECK(text_problem("[x](JavaScript&#58;alert(1))").message.rfind("unsafe link", 0) == 0);
    CHECK(text_problem("[x]: data:text/html,hi").message.rfind("unsafe link", 0) == 0);
    CHECK(text_problem("<javascript:alert(1)>").message.rfind("unsafe link", 0) == 0);
    CHECK(text_problem("bell\x07").message == "the text holds a control character");
}

TEST_CASE("KPI values are read by the names the strategy gives, colons and all", "[updates][kpis]") {
    const std::vector<model::Kpi> known = {{"HPV: City uptake", "", "90%"}, {"People reached", "", ""}};
    const auto kpis = updates::read_kpi_lines("HPV: City uptake: 61%\n- People reached:\nNew measure: 12", known);
    REQUIRE(kpis.size() == 3);
    CHECK((kpis[0].name == "HPV: City uptake" && kpis[0].current == "61%" && kpis[0].target == "90%"));
    CHECK((kpis[1].name == "People reached" && kpis[1].current.empty()));
    CHECK((kpis[2].name == "New measure" && kpis[2].current == "12"));
    CHECK_FALSE(updates::has_kpi_values("HPV: City uptake: \nPeople reached:", known));
    CHECK(updates::kpi_lines(kpis) == "HPV: City uptake: 61%\nPeople reached: \nNew measure: 12");
}

TEST_CASE("ratings are read in words or as ids, in any case", "[updates][rating]") {
    model::Rag rag;
    CHECK((updates::parse_rating(" amber ", rag) && rag == model::Rag::amber));
    CHECK((updates::parse_rating("Not started", rag) && rag == model::Rag::not_started));
    CHECK((updates::parse_rating("not-started", rag) && rag == model::Rag::not_started));
    CHECK_FALSE(updates::parse_rating("Amber/Green", rag));
}

TEST_CASE("spreadsheet cells: column letters, headings, dates and Office escapes", "[updates][cells]") {
    CHECK(updates::column_letters(0) == "A");
    CHECK(updates::column_letters(25) == "Z");
    CHECK(updates::column_letters(26) == "AA");
    CHECK(updates::heading_key("  Escalate to the  Board? *") == "escalate to the board?");
    CHECK(updates::detail::serial_date(45292, false) == "2024-01-01");
    CHECK(updates::detail::serial_date(45292.5, false) == "2024-01-01 12:00");
    CHECK(updates::detail::serial_date(59, false) == "1900-02-28");
    CHECK(updates::detail::serial_date(0, true) == "1904-01-01");
    CHECK(updates::detail::decode_office_escapes("a_x000D__x000A_b_x1234_") == "a\r\nb_x1234_");
}

TEST_CASE("a paragraph wrapped in YAML flows on one line in a cell; lists and breaks stay", "[updates][text]") {
    CHECK(updates::unwrapped("Peer support has been\nextended to two\n  districts.\n") ==
          "Peer support has been extended to two districts.");
    CHECK(updates::unwrapped("Intro:\n- one\n- two\n  more\n\nNext para\n| a |\n| b |") ==
          "Intro:\n- one\n- two more\n\nNext para\n| a |\n| b |");
    CHECK(updates::unwrapped("hard  \nbreak\n1. first\n2. second") == "hard  \nbreak\n1. first\n2. second");
}
