#include "render/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "render/markdown.hpp"

namespace hwbgen::render {

namespace {

constexpr double width = 640, height = 320;
constexpr double left = 64, right = 16, top = 16, bottom = 56;
constexpr int max_ticks = 12;

std::string fixed(double v, int decimals = 1) {
    if (!std::isfinite(v)) v = 0;  // never "nan" in an SVG attribute
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

struct Scale {
    double low = 0, high = 1, step = 1;
    double y(double v) const { return top + (height - top - bottom) * (high - v) / (high - low); }
};

Scale nice_scale(double low, double high) {
    const AxisRange r = nice_range(low, high);
    return {r.low, r.high, r.step};
}

Scale scale_for(const std::vector<ChartPoint>& points) {
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (const auto& p : points)
        for (const auto& v : {p.value, p.lower, p.upper, p.benchmark})
            if (v && std::isfinite(*v)) {
                low = std::min(low, *v);
                high = std::max(high, *v);
            }
    return nice_scale(low, high);
}

double x_of(size_t i, size_t n) {
    const double span = width - left - right;
    return n <= 1 ? left + span / 2 : left + span * (0.05 + 0.9 * static_cast<double>(i) / static_cast<double>(n - 1));
}

std::string axis(const Scale& s, const std::string& unit) {
    std::string out;
    const int decimals = s.step < 1 ? 1 : 0;
    // Ticks are counted, not stepped to the top: with huge values low + step can equal low.
    const double span = (s.high - s.low) / s.step;
    const int ticks = std::isfinite(span) ? std::min(max_ticks, static_cast<int>(std::lround(span))) : 0;
    for (int i = 0; i <= ticks; ++i) {
        const double v = s.low + s.step * i;
        const std::string y = fixed(s.y(v));
        out += "<line class=\"grid\" x1=\"" + fixed(left) + "\" x2=\"" + fixed(width - right) + "\" y1=\"" + y +
               "\" y2=\"" + y + "\"/>\n<text class=\"tick\" x=\"" + fixed(left - 6) + "\" y=\"" + y +
               "\" text-anchor=\"end\" dominant-baseline=\"middle\">" + fixed(v, decimals) + "</text>\n";
    }
    out += "<text class=\"axis-label\" transform=\"translate(14 " + fixed((height - bottom + top) / 2) +
           ") rotate(-90)\" text-anchor=\"middle\">" + escape_html(unit) + "</text>\n";
    return out;
}

std::string intervals_and_points(const Scale& s, const std::vector<ChartPoint>& points) {
    std::string out, line;
    for (size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        const std::string x = fixed(x_of(i, points.size()));
        out += "<text class=\"tick\" x=\"" + x + "\" y=\"" + fixed(height - bottom + 18) +
               "\" text-anchor=\"middle\">" + escape_html(p.label) + "</text>\n";
        if (p.lower && p.upper)
            out += "<line class=\"ci\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + fixed(s.y(*p.lower)) + "\" y2=\"" +
                   fixed(s.y(*p.upper)) + "\"/>\n";
        if (!p.value) continue;
        const std::string y = fixed(s.y(*p.value));
        line += (line.empty() ? "" : " ") + x + "," + y;
        out += "<circle class=\"point\" cx=\"" + x + "\" cy=\"" + y + "\" r=\"5\"/>\n";
    }
    if (!line.empty()) out = "<polyline class=\"series\" points=\"" + line + "\"/>\n" + out;
    return out;
}

std::string benchmark_line(const Scale& s, const std::vector<ChartPoint>& points) {
    std::string line;
    for (size_t i = 0; i < points.size(); ++i)
        if (points[i].benchmark)
            line += (line.empty() ? "" : " ") + fixed(x_of(i, points.size())) + "," + fixed(s.y(*points[i].benchmark));
    if (line.empty()) return {};
    if (line.find(' ') == std::string::npos) {  // one period: draw England as a short bar
        const auto comma = line.find(',');
        const double x = std::stod(line.substr(0, comma));
        line = fixed(x - 40) + line.substr(comma) + " " + fixed(x + 40) + line.substr(comma);
    }
    return "<polyline class=\"benchmark\" points=\"" + line + "\"/>\n";
}

std::string legend(const std::string& area_name) {
    const std::string y = fixed(height - 14);
    return "<circle class=\"point\" cx=\"" + fixed(left + 6) + "\" cy=\"" + y + "\" r=\"5\"/>\n<text x=\"" +
           fixed(left + 16) + "\" y=\"" + y + "\" dominant-baseline=\"middle\">" + escape_html(area_name) +
           " (line: 95% confidence interval)</text>\n<line class=\"benchmark\" x1=\"" + fixed(width - 190) +
           "\" x2=\"" + fixed(width - 160) + "\" y1=\"" + y + "\" y2=\"" + y + "\"/>\n<text x=\"" + fixed(width - 152) +
           "\" y=\"" + y + "\" dominant-baseline=\"middle\">England</text>\n";
}

std::string description(const std::string& area_name, const std::vector<ChartPoint>& points) {
    std::string out = area_name + " values";
    for (const auto& p : points)
        if (p.value)
            out += "; " + p.label + ": " + fixed(*p.value) +
                   (p.benchmark ? " (England " + fixed(*p.benchmark) + ")" : "");
    return out + ". The same figures are in the table.";
}

}  // namespace

std::string trend_chart_svg(const std::string& id, const std::string& title, const std::string& area_name,
                            const std::string& unit, const std::vector<ChartPoint>& points) {
    const Scale s = scale_for(points);
    return "<svg class=\"chart\" viewBox=\"0 0 " + fixed(width, 0) + " " + fixed(height, 0) +
           "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">\n<title id=\"" + id + "-title\">" +
           escape_html(title) + "</title>\n<desc id=\"" + id + "-desc\">" +
           escape_html(description(area_name, points)) + "</desc>\n" + axis(s, unit) + benchmark_line(s, points) +
           intervals_and_points(s, points) + legend(area_name) + "</svg>";
}

AxisRange nice_range(double low, double high) {
    // Values the loader should have refused (not finite, or beyond what a double can span)
    // still give a small fixed axis rather than an endless one.
    if (!std::isfinite(low) || !std::isfinite(high) || !std::isfinite(high - low) || low > high) return {0, 1, 0.2};
    if (high - low < 1e-9) {
        low -= 1;
        high += 1;
    }
    const double raw = (high - low) / 5;
    const double power = std::pow(10, std::floor(std::log10(raw)));
    const double fraction = raw / power;
    const double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    const AxisRange r{std::floor(low / step) * step, std::ceil(high / step) * step, step};
    if (!std::isfinite(r.low) || !std::isfinite(r.high) || !std::isfinite(step) || step <= 0) return {0, 1, 0.2};
    return r;
}

std::string bar_chart_svg(const std::string& id, const std::string& title, const std::vector<Bar>& bars) {
    constexpr double bar_height = 28, gap = 8, label_width = 150, bar_space = 400;
    int most = 1;
    for (const auto& b : bars) most = std::max(most, b.value);
    const double chart_height = static_cast<double>(bars.size()) * (bar_height + gap) + gap;
    std::string desc, body;
    double y = gap;
    for (const auto& b : bars) {
        desc += (desc.empty() ? "" : ", ") + b.label + " " + std::to_string(b.value);
        const double w = bar_space * b.value / most;
        const std::string mid = fixed(y + bar_height / 2);
        body += "<text x=\"" + fixed(label_width - 8) + "\" y=\"" + mid +
                "\" text-anchor=\"end\" dominant-baseline=\"middle\">" + escape_html(b.label) + "</text>\n";
        body += "<rect class=\"bar " + escape_html(b.css_class) + "\" x=\"" + fixed(label_width) + "\" y=\"" +
                fixed(y) + "\" width=\"" + fixed(std::max(w, 1.0)) + "\" height=\"" + fixed(bar_height) + "\"/>\n";
        body += "<text x=\"" + fixed(label_width + std::max(w, 1.0) + 6) + "\" y=\"" + mid +
                "\" dominant-baseline=\"middle\">" + std::to_string(b.value) + "</text>\n";
        y += bar_height + gap;
    }
    return "<svg class=\"chart bar-chart\" viewBox=\"0 0 " + fixed(label_width + bar_space + 50) + " " +
           fixed(chart_height) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">\n<title id=\"" +
           id + "-title\">" + escape_html(title) + "</title>\n<desc id=\"" + id + "-desc\">" + escape_html(desc) +
           ".</desc>\n" + body + "</svg>\n";
}

}  // namespace hwbgen::render
