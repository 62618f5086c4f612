// The page of one indicator: latest value, trend chart with its table, comparators, definition.
#include <cmath>
#include <cstdio>
#include <iterator>

#include "derive/indicator_stats.hpp"
#include "render/chart.hpp"
#include "render/csv.hpp"
#include "render/detail/views.hpp"

namespace hwbgen::render::detail {

namespace {

// A value that is not finite is never shown as "nan" or "inf": the loader refuses them, and
// this keeps any that slip through off the page.
std::string number(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? derive::format_value(*v) : std::string{};
}

// Counts and denominators are shown as given, not rounded to one decimal place.
std::string plain(const std::optional<double>& v) {
    if (!v || !std::isfinite(*v)) return {};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", *v);
    return buffer;
}

const char* polarity_words(model::Polarity p) {
    switch (p) {
        case model::Polarity::higher_is_better: return "A higher value is better.";
        case model::Polarity::lower_is_better: return "A lower value is better.";
        case model::Polarity::no_judgement: break;
    }
    return "Higher or lower values are not judged better or worse.";
}

View series_rows(const derive::IndicatorFigure& f) {
    View rows = list_view();
    for (size_t i = 0; i < f.series.size(); ++i) {
        const auto& row = *f.series[i];
        View r;
        r.set("period", row.time_period);
        r.set("value", number(row.value));
        r.set("lower", number(row.lower95));
        r.set("upper", number(row.upper95));
        r.set("england", f.england_series[i] ? number(f.england_series[i]->value) : std::string{});
        rows.push_back(r);
    }
    return rows;
}

std::string chart(const derive::IndicatorFigure& f, const std::string& area_name) {
    std::vector<ChartPoint> points;
    for (size_t i = 0; i < f.series.size(); ++i) {
        const auto& row = *f.series[i];
        points.push_back({row.time_period, row.value, row.lower95, row.upper95,
                          f.england_series[i] ? f.england_series[i]->value : std::nullopt});
    }
    return trend_chart_svg("chart-" + f.definition->id, f.definition->name + ": " + area_name + " and England",
                           area_name, f.definition->unit, points);
}

View comparator_rows(const derive::IndicatorFigure& f) {
    View rows = list_view();
    for (const auto* row : f.comparators) {
        View r;
        r.set("area", row->area_name.empty() ? row->area_code : row->area_name);
        r.set("value", number(row->value));
        const auto england = f.england ? f.england->value : std::nullopt;
        r.set("compared", derive::compare_with_benchmark(row->value, derive::interval_of(row->lower95, row->upper95),
                                                         england, f.definition->polarity));
        // The place itself against this comparator, by the place's own interval.
        const auto& own = *f.latest;
        r.set("place_compared", derive::compare_with_benchmark(own.value, derive::interval_of(own.lower95, own.upper95),
                                                               row->value, f.definition->polarity));
        rows.push_back(r);
    }
    return rows;
}

View measured_by(const SiteContext& ctx, const std::string& id) {
    View list = list_view();
    for (const auto& s : ctx.place.sections)
        for (const auto& p : s.priorities)
            for (const auto& r : p.indicators)
                if (r.id == id) {
                    View v;
                    v.set("title", p.title);
                    v.set("url", priority_url(s, p));
                    list.push_back(v);
                }
    return list;
}

}  // namespace

std::string indicator_url(const model::IndicatorDefinition& d) { return "indicators/" + d.id + "/"; }

View indicator_view(const SiteContext& ctx, const derive::IndicatorFigure& f) {
    const auto& d = *f.definition;
    View v;
    v.set("name", d.name);
    v.set("unit", d.unit);
    v.set("area_name", ctx.place.name);
    v.set("polarity", polarity_words(d.polarity));
    set_text(v, "source", d.source);
    v.set("fingertips", d.fingertips_id.has_value());
    v.set("has_value", f.latest && f.latest->value);
    v.set("period", f.latest ? f.latest->time_period : std::string{});
    v.set("value", f.latest ? number(f.latest->value) : std::string{});
    v.set("england", f.england ? number(f.england->value) : std::string{});
    v.set("compared", f.compared);
    v.set("compared_class", css_class(f.compared));
    v.set("published", f.published_comparison);
    v.set("significant_998", f.significant_998);
    v.set("example", f.example);
    v.set("has_target", d.target.has_value());
    if (d.target) {
        v.set("target_value", derive::format_value(d.target->value));
        set_text(v, "target_source", d.target->source);
        set_text(v, "target_year", d.target->year);
        v.set("target_rag", f.target_rag.empty() ? std::string("not assessed") : f.target_rag);
        v.set("target_met", f.target_rag == "green" ? std::string("met") : std::string("not met"));
    }
    set_text(v, "licence", d.licence);
    v.set("trend", f.trend);
    v.set("published_trend", f.published_trend);
    set_text(v, "trend_note", f.trend_note);
    v.set("rows", series_rows(f));
    v.set("chart_svg", f.series.empty() ? std::string{} : chart(f, ctx.place.name));
    v.set("has_series", !f.series.empty());
    v.set("comparators", comparator_rows(f));
    v.set("has_comparators", !f.comparators.empty());
    const View priorities = measured_by(ctx, d.id);
    v.set("priorities", priorities);
    v.set("has_priorities", !priorities.is_empty_list());
    return v;
}

std::string indicator_csv(const derive::IndicatorFigure& f) {
    std::string out =
        "Indicator,Area Code,Area Name,Sex,Age,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,"
        "Denominator,England value,Example\n";
    for (size_t i = 0; i < f.series.size(); ++i) {
        const auto& r = *f.series[i];
        const std::string fields[] = {f.definition->name,
                                      r.area_code,
                                      r.area_name,
                                      r.sex,
                                      r.age,
                                      r.time_period,
                                      number(r.value),
                                      number(r.lower95),
                                      number(r.upper95),
                                      plain(r.count),
                                      plain(r.denominator),
                                      f.england_series[i] ? number(f.england_series[i]->value) : std::string{},
                                      r.example ? "true" : ""};
        // Columns 6 to 11 are figures hwbgen formatted; the others are text from the download.
        for (size_t k = 0; k < std::size(fields); ++k) out += (k ? "," : "") + csv_cell(fields[k], k >= 6 && k <= 11);
        out += "\n";
    }
    return out;
}

}  // namespace hwbgen::render::detail
