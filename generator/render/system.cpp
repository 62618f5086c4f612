// The system page: the places, and each indicator they share, side by side with England.
#include "render/system.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "render/chart.hpp"
#include "render/detail/theme.hpp"
#include "render/detail/views.hpp"
#include "render/markdown.hpp"

namespace hwbgen::render {

using namespace detail;

namespace {

// No place folder can have this name (ids are lower-case letters, digits and hyphens), so the
// system page gets the default theme with no place's own templates over it.
const char* const no_place = ".system";

std::string fixed(double v, int decimals = 1) {
    if (!std::isfinite(v)) v = 0;  // never "nan" in an SVG attribute
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

std::string number(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? derive::format_value(*v) : std::string{};
}

// "Better" -> "better than England", so the chart's words carry the comparison, not its colours.
std::string compared_words(const std::string& compared) {
    if (compared == "Better" || compared == "Worse" || compared == "Higher" || compared == "Lower") {
        std::string word = compared;
        word[0] = static_cast<char>(word[0] - 'A' + 'a');
        return word + " than England";
    }
    if (compared == "Similar") return "similar to England";
    if (compared.empty() || compared == "Not compared") return "not compared with England";
    return "compared with England: " + compared;  // Fingertips' own words, e.g. "Better 95%"
}

// ---- The chart: one row per place, its value as a dot with its 95% confidence interval, and
// England for the same period as a dashed mark on the same row.

struct Dot {
    std::string label;
    std::string period;
    std::optional<double> value, lower, upper, england;
    std::string compared;
};

constexpr double width = 640, side = 16, row_height = 64, top = 8;

struct Scale {
    double low = 0, high = 1, step = 1;
    double x(double v) const { return side + (width - 2 * side) * (v - low) / (high - low); }
};

// Round tick steps (1, 2 or 5 times a power of ten), as on the indicator pages' charts.
Scale scale_for(const std::vector<Dot>& dots) {
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (const auto& d : dots)
        for (const auto& v : {d.value, d.lower, d.upper, d.england})
            if (v && std::isfinite(*v)) {
                low = std::min(low, *v);
                high = std::max(high, *v);
            }
    if (!(low <= high)) low = 0, high = 1;
    const AxisRange r = nice_range(low, high);  // the indicator charts' axis, which cannot loop
    return {r.low, r.high, r.step};
}

std::string line(const char* css, double x1, double x2, double y1, double y2) {
    return "<line class=\"" + std::string(css) + "\" x1=\"" + fixed(x1) + "\" x2=\"" + fixed(x2) + "\" y1=\"" +
           fixed(y1) + "\" y2=\"" + fixed(y2) + "\"/>\n";
}

std::string text(double x, double y, const std::string& words, const char* anchor = "start") {
    return "<text x=\"" + fixed(x) + "\" y=\"" + fixed(y) + "\" text-anchor=\"" + anchor +
           "\" dominant-baseline=\"middle\">" + escape_html(words) + "</text>\n";
}

std::string dot_label(const Dot& d) {
    return d.label + ": " + number(d.value) + ", " + compared_words(d.compared) + " (" + d.period + ")";
}

std::string description(const std::vector<Dot>& dots) {
    std::string out;
    for (const auto& d : dots)
        out += (out.empty() ? "" : "; ") + dot_label(d) +
               (d.england ? ". England " + number(d.england) : std::string{});
    return out + ". The same figures are in the table.";
}

std::string comparison_chart_svg(const std::string& id, const std::string& title, const std::string& unit,
                                 const std::vector<Dot>& dots) {
    const Scale s = scale_for(dots);
    const double axis_y = top + row_height * static_cast<double>(dots.size()) + 8;
    const double height = axis_y + 92;
    std::string body;
    const int decimals = s.step < 1 ? 1 : 0;
    const double span = (s.high - s.low) / s.step;  // ticks counted, so huge values cannot loop
    const long ticks = std::isfinite(span) ? std::min(12L, std::lround(span)) : 0;
    for (long i = 0; i <= ticks; ++i) {
        const double v = s.low + s.step * static_cast<double>(i);
        body += line("grid", s.x(v), s.x(v), top, axis_y);
        body += text(s.x(v), axis_y + 16, fixed(v, decimals), "middle");
    }
    body += text(width / 2, axis_y + 40, unit, "middle");
    for (size_t i = 0; i < dots.size(); ++i) {
        const auto& d = dots[i];
        const double y = top + row_height * static_cast<double>(i);
        body += text(side, y + 16, dot_label(d));
        if (d.england) body += line("benchmark", s.x(*d.england), s.x(*d.england), y + 28, y + 60);
        if (d.lower && d.upper) body += line("ci", s.x(*d.lower), s.x(*d.upper), y + 44, y + 44);
        if (d.value)
            body += "<circle class=\"point compared-" + css_class(d.compared) + "\" cx=\"" + fixed(s.x(*d.value)) +
                    "\" cy=\"" + fixed(y + 44) + "\" r=\"6\"/>\n";
    }
    const double legend_y = axis_y + 72;
    body += "<circle class=\"point\" cx=\"" + fixed(side + 6) + "\" cy=\"" + fixed(legend_y) + "\" r=\"6\"/>\n";
    body += text(side + 18, legend_y, "Place (line: 95% confidence interval)");
    body += line("benchmark", width - 210, width - 210, legend_y - 12, legend_y + 12);
    body += text(width - 200, legend_y, "England, same period");
    return "<svg class=\"chart system-chart\" viewBox=\"0 0 " + fixed(width, 0) + " " + fixed(height, 0) +
           "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">\n<title id=\"" + id + "-title\">" +
           escape_html(title) + "</title>\n<desc id=\"" + id + "-desc\">" + escape_html(description(dots)) +
           "</desc>\n" + body + "</svg>";
}

// ---- The views.

const derive::IndicatorFigure* figure_for(const SystemPlace& p, const std::string& indicator_id) {
    for (const auto& f : *p.figures)
        if (f.definition->id == indicator_id) return &f;
    return nullptr;
}

bool has_value(const derive::IndicatorFigure* f) { return f && f->latest && f->latest->value; }

View places_view(const std::vector<SystemPlace>& places) {
    View list = list_view();
    for (const auto& p : places) {
        const auto& place = *p.place;
        View v;
        v.set("name", place.name);
        v.set("url", place.id + "/");
        v.set("board", place.board);
        v.set("strategy_title", place.strategy.title);
        v.set("strategy_years", place.strategy.years);
        set_text(v, "strategy_status", place.strategy.status);
        list.push_back(v);
    }
    return list;
}

View shared_indicator(const model::IndicatorDefinition& d, const std::vector<SystemPlace>& places) {
    View rows = list_view();
    std::vector<Dot> dots;
    bool published = false, example = false;
    for (const auto& p : places) {
        const auto* f = figure_for(p, d.id);
        if (!has_value(f)) continue;
        const auto& row = *f->latest;
        const auto england = f->england ? f->england->value : std::nullopt;
        View r;
        r.set("place", p.place->name);
        r.set("url", p.place->id + "/" + indicator_url(d));
        r.set("period", row.time_period);
        r.set("value", number(row.value));
        set_text(r, "lower", number(row.lower95));
        set_text(r, "upper", number(row.upper95));
        r.set("has_limits", row.lower95 && row.upper95);
        set_text(r, "england", number(england));
        r.set("compared", f->compared);
        r.set("compared_class", css_class(f->compared));
        r.set("published", f->published_comparison);
        r.set("example", f->example);
        rows.push_back(r);
        dots.push_back({p.place->name, row.time_period, row.value, row.lower95, row.upper95, england, f->compared});
        published = published || f->published_comparison;
        example = example || f->example;
    }
    View v;
    v.set("id", d.id);
    v.set("name", d.name);
    v.set("unit", d.unit);
    v.set("rows", rows);
    v.set("has_published", published);
    v.set("example", example);
    v.set("chart_svg", comparison_chart_svg("chart-" + d.id, d.name + ": each place and England", d.unit, dots));
    return v;
}

View shared_view(const std::vector<SystemPlace>& places) {
    View list = list_view();
    if (places.empty()) return list;
    // Definitions in the order of indicators/definitions.yaml, as every place's figures are.
    for (const auto& f : *places.front().figures) {
        size_t with_value = 0;
        for (const auto& p : places) with_value += has_value(figure_for(p, f.definition->id)) ? 1 : 0;
        if (with_value >= 2) list.push_back(shared_indicator(*f.definition, places));
    }
    return list;
}

View system_view(const model::System& system, const std::vector<SystemPlace>& places) {
    View v;
    v.set("title", system.name);
    v.set("system_name", system.name);
    set_text(v, "short_name", system.short_name);
    set_markdown(v, "intro", system.intro);
    v.set("root", std::string("./"));
    v.set("places", places_view(places));
    v.set("place_count", std::to_string(places.size()));
    v.set("one_place", places.size() == 1);
    const View shared = shared_view(places);
    v.set("shared", shared);
    v.set("has_shared", !shared.is_empty_list());
    return v;
}

// Blank lines left by template sections that render nothing: at most one in a row.
std::string tidy_markdown(const std::string& md) {
    std::string out;
    size_t newlines = 0;
    for (const char c : md) {
        newlines = c == '\n' ? newlines + 1 : 0;
        if (newlines <= 2) out += c;
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace

std::vector<OutputFile> render_system(const load::ContentTree& tree, const model::System& system,
                                      const std::vector<SystemPlace>& places, diag::Diagnostics& diags) {
    std::vector<OutputFile> out;
    const Theme theme(tree, no_place, diags);
    if (diags.has_errors()) return out;
    const View view = system_view(system, places);
    // The stylesheet first and the page last, so a reader never gets the new page without it.
    // Pictures come with the picture gallery (render/easy_read.hpp), not with this page.
    for (const auto& asset : theme.assets())
        if (asset.path.rfind("pictures/", 0) != 0) out.push_back({"assets/" + asset.path, asset.bytes});
    out.push_back({"index.md", tidy_markdown(theme.render("markdown/system", view, diags))});
    out.push_back({"index.html", theme.render("html/system", view, diags)});
    return out;
}

}  // namespace hwbgen::render
