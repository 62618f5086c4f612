#include "load/fingertips_csv.hpp"

#include <cstdlib>
#include <map>
#include <optional>

namespace hwbgen::load {

namespace {

struct CsvRow {
    int line = 0;
    std::vector<std::string> fields;
};

// RFC 4180 with the tolerance real downloads need: CR, LF or CRLF, newlines inside quotes.
std::vector<CsvRow> split_csv(const std::string& text) {
    std::vector<CsvRow> rows;
    CsvRow row{1, {}};
    std::string field;
    bool quoted = false;
    int line = 1;
    const auto end_row = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        if (!(row.fields.size() == 1 && row.fields[0].empty())) rows.push_back(std::move(row));
        row = CsvRow{line, {}};
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else if (c == '"') quoted = false;
            else {
                if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            end_row();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.fields.empty()) end_row();
    return rows;
}

std::optional<double> number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

class Columns {
public:
    explicit Columns(const std::vector<std::string>& header) {
        for (size_t i = 0; i < header.size(); ++i) {
            index_[header[i]] = i;
            // The second comparison column is named after the parent area type.
            if (header[i].rfind("Compared to ", 0) == 0 && header[i] != "Compared to England value or percentiles" &&
                header[i] != "Compared to goal" && !index_.count("#parent"))
                index_["#parent"] = i;
        }
    }
    bool has(const std::string& name) const { return index_.count(name) > 0; }
    std::string get(const CsvRow& row, const std::string& name) const {
        const auto it = index_.find(name);
        if (it == index_.end() || it->second >= row.fields.size()) return {};
        return row.fields[it->second];
    }

private:
    std::map<std::string, size_t> index_;
};

const char* const required_columns[] = {"Indicator ID", "Area Code", "Time period", "Value"};

model::IndicatorValue to_value(const Columns& c, const CsvRow& row) {
    model::IndicatorValue v;
    v.indicator_id = std::atol(c.get(row, "Indicator ID").c_str());
    v.indicator_name = c.get(row, "Indicator Name");
    v.area_code = c.get(row, "Area Code");
    v.area_name = c.get(row, "Area Name");
    v.area_type = c.get(row, "Area Type");
    v.parent_code = c.get(row, "Parent Code");
    v.sex = c.get(row, "Sex");
    v.age = c.get(row, "Age");
    v.category_type = c.get(row, "Category Type");
    v.category = c.get(row, "Category");
    v.time_period = c.get(row, "Time period");
    v.period_sortable = std::atol(c.get(row, "Time period Sortable").c_str());
    v.value = number(c.get(row, "Value"));
    v.lower95 = number(c.get(row, "Lower CI 95.0 limit"));
    v.upper95 = number(c.get(row, "Upper CI 95.0 limit"));
    v.lower998 = number(c.get(row, "Lower CI 99.8 limit"));
    v.upper998 = number(c.get(row, "Upper CI 99.8 limit"));
    v.count = number(c.get(row, "Count"));
    v.denominator = number(c.get(row, "Denominator"));
    v.value_note = c.get(row, "Value note");
    v.recent_trend = c.get(row, "Recent Trend");
    v.compared_england = c.get(row, "Compared to England value or percentiles");
    v.compared_parent = c.get(row, "#parent");
    // Not a Fingertips column: example series made up for demonstration are marked in it.
    v.example = c.get(row, "Example") == "true";
    return v;
}

// A problem with one row: the row is skipped, the rest of the file still counts.
std::optional<std::string> row_problem(const Columns& c, const CsvRow& row) {
    if (number(c.get(row, "Indicator ID")) == std::nullopt) return "'Indicator ID' is not a number";
    if (c.get(row, "Area Code").empty()) return "'Area Code' is empty";
    const std::string value = c.get(row, "Value");
    if (!value.empty() && !number(value)) return "'Value' is not a number: '" + value + "'";
    return std::nullopt;
}

}  // namespace

std::vector<model::IndicatorValue> read_fingertips_csv(const std::string& path, const std::string& text,
                                                       diag::Diagnostics& diags) {
    std::vector<model::IndicatorValue> out;
    const auto rows = split_csv(text);
    if (rows.empty()) {
        diags.error({path, 0, 0}, "file is empty", "download the data again from Fingertips");
        return out;
    }
    const Columns columns(rows[0].fields);
    for (const char* name : required_columns)
        if (!columns.has(name)) {
            diags.error({path, 1, 1}, std::string("missing column '") + name + "'",
                        "this does not look like a Fingertips 'download data' file");
            return out;
        }
    for (size_t i = 1; i < rows.size(); ++i) {
        if (const auto problem = row_problem(columns, rows[i])) {
            diags.warning({path, rows[i].line, 0}, "row skipped: " + *problem);
            continue;
        }
        out.push_back(to_value(columns, rows[i]));
        out.back().pos = {path, rows[i].line, 0};
    }
    return out;
}

}  // namespace hwbgen::load
