#include "cli/indicators_command.hpp"

#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "cli/pipeline.hpp"
#include "derive/indicator_figures.hpp"
#include "derive/row_assessment.hpp"
#include "load/fingertips_csv.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"

namespace hwbgen::cli {

namespace {

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string json_text(const std::string& s) { return s.empty() ? "null" : json_string(s); }

std::string json_number(const std::optional<double>& v) {
    if (!v) return "null";
    // The shortest form that reads back as the same number.
    char buffer[32];
    for (int digits = 15; digits <= 17; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, *v);
        if (std::strtod(buffer, nullptr) == *v) break;
    }
    return buffer;
}

void print_row(const derive::RowAssessment& a, std::ostream& out) {
    const auto& r = *a.row;
    out << "{\"indicator_id\":" << r.indicator_id << ",\"area_code\":" << json_string(r.area_code)
        << ",\"sex\":" << json_text(r.sex) << ",\"age\":" << json_text(r.age)
        << ",\"category\":" << json_text(r.category) << ",\"time_period\":" << json_text(r.time_period)
        << ",\"value\":" << json_number(r.value) << ",\"lower_ci95\":" << json_number(a.lower95)
        << ",\"upper_ci95\":" << json_number(a.upper95)
        << ",\"compared_to_england\":" << json_text(a.compared_england)
        << ",\"compared_to_england_99_8\":" << json_text(a.compared_england_998)
        << ",\"compared_to_parent\":" << json_text(a.compared_parent) << ",\"trend\":" << json_text(a.trend)
        << ",\"published_trend\":" << json_text(r.recent_trend)
        << ",\"published_compared_to_england\":" << json_text(r.compared_england)
        << ",\"published_compared_to_parent\":" << json_text(r.compared_parent) << "}\n";
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
            auto more = load::read_fingertips_csv(file, *text, diags);
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
