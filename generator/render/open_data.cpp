#include "render/open_data.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "derive/indicator_stats.hpp"
#include "derive/latest_rating.hpp"
#include "derive/progress.hpp"
#include "render/csv.hpp"
#include "render/detail/plumbing.hpp"
#include "render/detail/views.hpp"
#include "render/markdown.hpp"

namespace hwbgen::render {

namespace {

using Json = nlohmann::ordered_json;

// One column of a file: its heading, and whether its cells are figures hwbgen wrote (a
// negative number there stays a number; any other text starting with '-' is neutralised).
struct Column {
    const char* name;
    bool numeric = false;
};

const Column commitment_columns[] = {{"section_id"},
                                     {"section"},
                                     {"priority_id"},
                                     {"priority_number"},
                                     {"priority"},
                                     {"type"},
                                     {"id"},
                                     {"text"},
                                     {"tier"},
                                     {"lead"},
                                     {"due"},
                                     {"latest_rating"},
                                     {"rating_cycle"},
                                     {"rating_date"},
                                     {"rating_meeting"},
                                     {"example"},
                                     {"page"}};

const Column indicator_columns[] = {{"indicator_id"},
                                    {"indicator"},
                                    {"unit"},
                                    {"polarity"},
                                    {"area_code"},
                                    {"area_name"},
                                    {"sex"},
                                    {"age"},
                                    {"time_period"},
                                    {"value", true},
                                    {"lower_95", true},
                                    {"upper_95", true},
                                    {"count", true},
                                    {"denominator", true},
                                    {"england_value", true},
                                    {"compared_with_england"},
                                    {"comparison_by"},
                                    {"latest"},
                                    {"recent_trend"},
                                    {"trend_by"},
                                    {"source"},
                                    {"licence"},
                                    {"example"},
                                    {"page"}};

template <size_t N>
std::string csv_header(const Column (&columns)[N]) {
    std::string out;
    for (size_t i = 0; i < N; ++i) out += (i ? "," : "") + std::string(columns[i].name);
    return out + "\n";
}

template <size_t N>
std::string csv_row(const Column (&columns)[N], const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < N; ++i)
        out += (i ? "," : "") + csv_cell(i < cells.size() ? cells[i] : "", columns[i].numeric);
    return out + "\n";
}

// Figures as the download gave them (ten significant digits), not rounded for the page.
std::string figure(const std::optional<double>& v) {
    if (!v || !std::isfinite(*v)) return {};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", *v);
    return buffer;
}

Json json_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

const char* polarity_id(model::Polarity p) {
    switch (p) {
        case model::Polarity::higher_is_better: return "higher is better";
        case model::Polarity::lower_is_better: return "lower is better";
        case model::Polarity::no_judgement: break;
    }
    return "not judged";
}

// A commitment's words as plain text: what the page shows, without the Markdown's marks or any
// HTML (which pages never pass through either).
std::string plain_text(const std::string& markdown) {
    const std::string html = markdown_inline_to_html(markdown);
    std::string out;
    bool in_tag = false;
    for (const char c : html) {
        if (c == '<')
            in_tag = true;
        else if (c == '>')
            in_tag = false;
        else if (!in_tag)
            out += c;
    }
    for (const auto& [entity, c] : {std::pair<std::string, std::string>{"&lt;", "<"},
                                    {"&gt;", ">"},
                                    {"&quot;", "\""},
                                    {"&#39;", "'"},
                                    {"&amp;", "&"}})
        for (size_t at = out.find(entity); at != std::string::npos; at = out.find(entity, at + c.size()))
            out.replace(at, entity.size(), c);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

// A page's address: under site_url when the place has one, else relative to the site's home.
std::string address(const model::Place& place, const std::string& path) {
    return (place.site_url.empty() ? std::string{} : detail::base_url(place.site_url)) + path;
}

std::vector<std::string> commitment_cells(const model::Place& place, const derive::Item& item) {
    const auto rating = derive::latest_rating(place, item.id);
    const auto& s = *item.section;
    const auto& p = *item.priority;
    return {s.id,
            s.title,
            p.id,
            p.number,
            p.title,
            item.is_project ? "Project" : "Commitment",
            item.id,
            item.is_project ? item.text : plain_text(item.text),
            item.is_project ? "" : model::tier_label(item.tier),
            item.owner ? item.owner->name : "",
            [&] {
                for (const auto& c : p.commitments)
                    if (c.id == item.id) return c.due;
                return std::string{};
            }(),
            rating ? model::rag_label(rating->update->rag) : "",
            rating ? rating->cycle->id : "",
            rating ? rating->cycle->date : "",
            rating ? rating->cycle->meeting : "",
            rating && rating->example() ? "true" : "",
            address(place, detail::priority_url(s, p) + (item.is_project ? "#p-" : "#c-") + item.id)};
}

// hwbgen's comparison of one row with England's value for the same period, as the indicator
// page makes it for the latest row: on the row's 95% limits, else Fingertips' own verdict.
std::pair<std::string, std::string> row_comparison(const derive::IndicatorFigure& f, size_t i) {
    const auto& row = *f.series[i];
    if (&row == f.latest) return {f.compared, f.published_comparison ? "Fingertips" : "hwbgen"};
    if (f.definition->comparison == model::ComparisonMethod::none) return {"Not compared", "hwbgen"};
    const auto* england = f.england_series[i];
    if (model::limits_for_comparison(row) && england && england->value)
        return {derive::compare_with_benchmark(row.value, derive::interval_of(row.lower95, row.upper95), england->value,
                                               f.definition->polarity),
                "hwbgen"};
    if (!row.compared_england.empty()) return {row.compared_england, "Fingertips"};
    return {"Not compared", "hwbgen"};
}

std::vector<std::string> indicator_cells(const model::Place& place, const derive::IndicatorFigure& f, size_t i) {
    const auto& d = *f.definition;
    const auto& row = *f.series[i];
    const auto [compared, by] = row_comparison(f, i);
    return {d.id,
            d.name,
            d.unit,
            polarity_id(d.polarity),
            row.area_code,
            row.area_name,
            row.sex,
            row.age,
            row.time_period,
            figure(row.value),
            figure(row.lower95),
            figure(row.upper95),
            figure(row.count),
            figure(row.denominator),
            f.england_series[i] ? figure(f.england_series[i]->value) : "",
            compared,
            by,
            &row == f.latest ? "true" : "",
            f.trend,
            f.published_trend ? "Fingertips" : "hwbgen",
            d.source,
            d.licence,
            row.example || f.example ? "true" : "",
            address(place, detail::indicator_url(d))};
}

// The JSON object of a row: the CSV's cells under the same names, figures as numbers, the
// flags as true/false, and empty cells as null.
template <size_t N>
Json json_row(const Column (&columns)[N], const std::vector<std::string>& cells) {
    Json row = Json::object();
    for (size_t i = 0; i < N; ++i) {
        const std::string name = columns[i].name;
        if (columns[i].numeric)
            row[name] = cells[i].empty() ? Json(nullptr) : Json(std::stod(cells[i]));
        else if (name == "example" || name == "latest")
            row[name] = cells[i] == "true";
        else
            row[name] = json_text(cells[i]);
    }
    return row;
}

Json about(const model::Place& place, const char* what) {
    Json j = Json::object();
    j["place"] = place.name;
    j["area_code"] = json_text(place.area_code);
    j["board"] = place.board;
    j["strategy"] = place.strategy.title;
    j["contents"] = what;
    j["documentation"] = address(place, open_data_folder);
    return j;
}

}  // namespace

std::vector<OpenDataFile> open_data_files(const model::Place& place,
                                          const std::vector<derive::IndicatorFigure>& figures) {
    const std::string dir = open_data_folder;
    std::string items_csv = csv_header(commitment_columns);
    Json items_json = about(place, "Every commitment and project of the strategy with its latest rating");
    items_json["items"] = Json::array();
    for (const auto& item : derive::strategy_items(place)) {
        const auto cells = commitment_cells(place, item);
        items_csv += csv_row(commitment_columns, cells);
        items_json["items"].push_back(json_row(commitment_columns, cells));
    }
    std::string series_csv = csv_header(indicator_columns);
    Json series_json = about(place, "Every indicator's series with its comparison with England and recent trend");
    series_json["rows"] = Json::array();
    for (const auto& f : figures)
        for (size_t i = 0; i < f.series.size(); ++i) {
            const auto cells = indicator_cells(place, f, i);
            series_csv += csv_row(indicator_columns, cells);
            series_json["rows"].push_back(json_row(indicator_columns, cells));
        }
    return {{dir + "commitments.csv", items_csv},
            {dir + "commitments.json", items_json.dump(2) + "\n"},
            {dir + "indicators.csv", series_csv},
            {dir + "indicators.json", series_json.dump(2) + "\n"}};
}

}  // namespace hwbgen::render
