// Charts: round axes, and SVG that says in words what it shows, with content escaped.
#include <catch2/catch.hpp>

#include <cmath>

#include "render/chart.hpp"

using namespace hwbgen::render;

namespace {

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// 1, 2 or 5 times a power of ten.
bool round_step(double step) {
    const double fraction = step / std::pow(10, std::floor(std::log10(step)));
    return std::abs(fraction - 1) < 1e-9 || std::abs(fraction - 2) < 1e-9 || std::abs(fraction - 5) < 1e-9;
}

}  // namespace

TEST_CASE("an axis covers the values in round steps", "[render][chart]") {
    for (const auto& [low, high] : {std::pair{0.3, 9.7}, {31.0, 35.2}, {-4.0, 12.5}, {1200.0, 98000.0}, {0.01, 0.04}}) {
        INFO(low << " to " << high);
        const AxisRange r = nice_range(low, high);
        CHECK(r.low <= low);
        CHECK(r.high >= high);
        CHECK(round_step(r.step));
        const double ticks = (r.high - r.low) / r.step;
        CHECK(ticks >= 2);
        CHECK(ticks <= 12);
    }
}

TEST_CASE("an axis for a single value still spans a range around it", "[render][chart]") {
    const AxisRange r = nice_range(40, 40);
    CHECK(r.low < 40);
    CHECK(r.high > 40);
    CHECK(r.step > 0);
}

TEST_CASE("a trend chart is an image with a title and a description of every value", "[render][chart]") {
    const std::vector<ChartPoint> points{{"2018/19", 31.0, 29.9, 32.1, 34.3},
                                         {"2019/20", std::nullopt, std::nullopt, std::nullopt, 35.2},
                                         {"2020/21", 33.5, 32.0, 35.0, 35.8}};
    const std::string svg = trend_chart_svg("c1", "Year 6 overweight", "Testshire", "%", points);
    CHECK(svg.rfind("<svg ", 0) == 0);
    CHECK(svg.find("role=\"img\" aria-labelledby=\"c1-title c1-desc\"") != std::string::npos);
    CHECK(svg.find("<title id=\"c1-title\">Year 6 overweight</title>") != std::string::npos);
    CHECK(svg.find("<desc id=\"c1-desc\">Testshire values; 2018/19: 31.0 (England 34.3); 2020/21: 33.5 (England "
                   "35.8). The same figures are in the table.</desc>") != std::string::npos);
    // A point and an interval for each period with a value (plus the legend's point); none for the gap.
    CHECK(count(svg, "<circle class=\"point\"") == 2 + 1);
    CHECK(count(svg, "<line class=\"ci\"") == 2);
    CHECK(count(svg, "<polyline class=\"benchmark\"") == 1);
}

TEST_CASE("a chart escapes every text it is given", "[render][chart][security]") {
    const std::vector<ChartPoint> points{{"<b>2019</b>", 1.0, std::nullopt, std::nullopt, std::nullopt}};
    const std::string svg = trend_chart_svg("c", "<script>t</script>", "A & B", "<u>", points);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("<u>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;t&lt;/script&gt;") != std::string::npos);
    CHECK(svg.find("A &amp; B") != std::string::npos);
    const std::string bars = bar_chart_svg("b", "<i>t</i>", {{"<em>Red</em>", 2, "rag-red\" onclick=\"x"}});
    CHECK(bars.find("<em>") == std::string::npos);
    CHECK(bars.find("<i>") == std::string::npos);
    CHECK(bars.find("\" onclick") == std::string::npos);
}

TEST_CASE("a bar chart labels every bar with its name and count, so colour is never needed", "[render][chart]") {
    const std::string svg =
        bar_chart_svg("rag", "Progress", {{"Green", 7, "rag-green"}, {"Amber", 3, "rag-amber"}, {"Red", 0, "rag-red"}});
    CHECK(svg.find("role=\"img\" aria-labelledby=\"rag-title rag-desc\"") != std::string::npos);
    CHECK(svg.find("<desc id=\"rag-desc\">Green 7, Amber 3, Red 0.</desc>") != std::string::npos);
    CHECK(count(svg, "<rect class=\"bar ") == 3);
    for (const char* label : {">Green</text>", ">Amber</text>", ">Red</text>", ">7</text>", ">3</text>", ">0</text>"})
        CHECK(svg.find(label) != std::string::npos);
    // A bar of 0 is still drawn, one unit wide, so its row is visible.
    CHECK(svg.find("class=\"bar rag-red\" x=\"150.0\" y=\"80.0\" width=\"1.0\"") != std::string::npos);
}
