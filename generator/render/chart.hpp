#pragma once
/// Accessible SVG charts. A chart is always shown with a table of the same numbers beside it.
#include <optional>
#include <string>
#include <vector>

namespace hwbgen::render {

struct ChartPoint {
    std::string label;  ///< the time period, e.g. "2019/20"
    std::optional<double> value;
    std::optional<double> lower;  ///< 95% confidence limits, when known
    std::optional<double> upper;
    std::optional<double> benchmark;  ///< England's value for the same period
};

/// A line chart of an area's values over time with confidence intervals and England as a dashed
/// line. `id` makes the element ids unique within the page. The SVG has role="img", a <title>
/// and a <desc> that says what the chart shows in words.
std::string trend_chart_svg(const std::string& id, const std::string& title, const std::string& area_name,
                            const std::string& unit, const std::vector<ChartPoint>& points);

/// An axis from `low` to `high` in round steps (1, 2 or 5 times a power of ten), so it reads
/// naturally; covers the values given.
struct AxisRange {
    double low = 0, high = 1, step = 1;
};
AxisRange nice_range(double low, double high);

struct Bar {
    std::string label;
    int value = 0;
    std::string css_class;  ///< colours the bar; the label and value are always written beside it
};

/// A horizontal bar chart of counts, one bar per row, each labelled with its name and count so
/// colour never carries the meaning alone. Same role, <title> and <desc> as the trend chart.
std::string bar_chart_svg(const std::string& id, const std::string& title, const std::vector<Bar>& bars);

}  // namespace hwbgen::render
