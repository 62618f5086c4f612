#include "cli/indicators_command.hpp"

#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/pipeline.hpp"
#include "derive/indicator_figures.hpp"
#include "derive/row_assessment.hpp"
#include "load/fingertips_csv.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"

namespace hwbgen::cli {

namespace {

using Json = nlohmann::ordered_json;  // keys stay in the order written, so output is stable

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json number_or_null(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

void print_row(const derive::RowAssessment& a, std::ostream& out) {
    const auto& r = *a.row;
    const Json row = {{"indicator_id", r.indicator_id},
                      {"area_code", r.area_code},
                      {"sex", text_or_null(r.sex)},
                      {"age", text_or_null(r.age)},
                      {"category", text_or_null(r.category)},
                      {"time_period", text_or_null(r.time_period)},
                      {"value", number_or_null(r.value)},
                      {"lower_ci95", number_or_null(a.lower95)},
                      {"upper_ci95", number_or_null(a.upper95)},
                      {"compared_to_england", text_or_null(a.compared_england)},
                      {"compared_to_england_99_8", text_or_null(a.compared_england_998)},
                      {"compared_to_parent", text_or_null(a.compared_parent)},
                      {"trend", text_or_null(a.trend)},
                      {"trend_fingertips_way", a.trend_fingertips_way},
                      {"trend_note", text_or_null(a.trend_note)},
                      {"published_trend", text_or_null(r.recent_trend)},
                      {"published_compared_to_england", text_or_null(r.compared_england)},
                      {"published_compared_to_parent", text_or_null(r.compared_parent)}};
    // Invalid UTF-8 in a download is replaced, never a reason to stop.
    out << row.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

void print_diagnostics(const diag::Diagnostics& diags, std::ostream& err) {
    for (const auto& d : diags.all()) err << diag::format(d, "");
}

}  // namespace

int run_indicators(const IndicatorsOptions& options, std::ostream& out, std::ostream& err) {
    const load::DiskTree tree("");
    diag::Diagnostics diags;
    std::vector<model::IndicatorDefinition> definitions;
    if (!options.definitions.empty()) definitions = load::load_definitions(tree, options.definitions, diags, true);
    std::vector<model::IndicatorValue> rows;
    for (const auto& file : options.files) {
        const auto bytes = tree.read(file);
        if (!bytes) {
            diags.error({file, 0, 0}, "cannot read file", "check the path");
            continue;
        }
        if (const auto text = load::prepare_text(file, *bytes, diags)) {
            auto more = load::read_fingertips_csv(file, *text, diags, definitions);
            rows.insert(rows.end(), more.begin(), more.end());
        }
    }
    print_diagnostics(diags, err);
    if (diags.has_errors()) return exit_content_error;
    model::IndicatorSet set{definitions, rows};
    derive::complete_limits(set);
    for (const auto& a : derive::assess_rows(set.values, set.definitions)) print_row(a, out);
    return exit_ok;
}

}  // namespace hwbgen::cli
