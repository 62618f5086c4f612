#include "load/fingertips_csv.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

namespace hwbgen::load {

namespace {

// Where a cell starts in the file, for messages a BI officer can find in a spreadsheet too.
struct CellPos {
    int line = 0;
    int column = 0;
};

struct CsvRow {
    int line = 0;
    std::vector<std::string> fields;
    std::vector<CellPos> at;  ///< one per field
};

// RFC 4180 with the tolerance real downloads need: CR, LF or CRLF, newlines inside quotes.
class CsvSplitter {
public:
    explicit CsvSplitter(const std::string& text) : text_(text) {}

    std::vector<CsvRow> rows() {
        row_ = CsvRow{1, {}, {}};
        start_field();
        for (i_ = 0; i_ < text_.size(); ++i_) step(text_[i_]);
        if (!field_.empty() || !row_.fields.empty()) end_row();
        return std::move(rows_);
    }

private:
    void step(char c) {
        if (quoted_) {
            if (c == '"' && i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
                field_ += text_[++i_];
                column_ += 2;
            } else if (c == '"') {
                quoted_ = false;
                ++column_;
            } else {
                field_ += c;
                advance(c);
            }
        } else if (c == '"') {
            quoted_ = true;
            ++column_;
        } else if (c == ',') {
            ++column_;
            end_field();
            start_field();
        } else if (c == '\n' || c == '\r') {
            advance(c);
            end_row();
        } else {
            field_ += c;
            advance(c);
        }
    }

    // Counts characters, not bytes, and one line break for CR, LF or CRLF.
    void advance(char c) {
        if (c == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') {
            if (!quoted_)
                ++i_;
            else
                return;  // the LF that follows ends the line
        }
        if (c == '\n' || c == '\r') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column_;
        }
    }

    void start_field() { start_ = {line_, column_}; }

    void end_field() {
        row_.fields.push_back(std::move(field_));
        row_.at.push_back(start_);
        field_.clear();
    }

    void end_row() {
        end_field();
        if (!(row_.fields.size() == 1 && row_.fields[0].empty())) rows_.push_back(std::move(row_));
        row_ = CsvRow{line_, {}, {}};
        start_field();
    }

    const std::string& text_;
    std::vector<CsvRow> rows_;
    CsvRow row_;
    std::string field_;
    CellPos start_;
    bool quoted_ = false;
    std::size_t i_ = 0;
    int line_ = 1, column_ = 1;
};

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA.
std::string column_letter(std::size_t index) {
    std::string letters;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

// The parent comparison column is named after the parent area type ("Compared to Region value
// or percentiles", "Compared to percentiles"); this stands for it.
const std::string parent_column = "Compared to <parent> value or percentiles";

struct StandardColumn {
    std::string name;
    bool required;  ///< the verdicts need it: missing is an error, not a warning
};

// The 26 columns of a download, in Fingertips' order.
const std::vector<StandardColumn>& standard_columns() {
    static const std::vector<StandardColumn> columns = {{"Indicator ID", true},
                                                        {"Indicator Name", false},
                                                        {"Parent Code", true},
                                                        {"Parent Name", false},
                                                        {"Area Code", true},
                                                        {"Area Name", false},
                                                        {"Area Type", false},
                                                        {"Sex", true},
                                                        {"Age", true},
                                                        {"Category Type", true},
                                                        {"Category", true},
                                                        {"Time period", true},
                                                        {"Value", true},
                                                        {"Lower CI 95.0 limit", true},
                                                        {"Upper CI 95.0 limit", true},
                                                        {"Lower CI 99.8 limit", true},
                                                        {"Upper CI 99.8 limit", true},
                                                        {"Count", true},
                                                        {"Denominator", true},
                                                        {"Value note", false},
                                                        {"Recent Trend", true},
                                                        {"Compared to England value or percentiles", true},
                                                        {parent_column, true},
                                                        {"Time period Sortable", true},
                                                        {"New data", false},
                                                        {"Compared to goal", false}};
    return columns;
}

// Columns that are not among the 26 but are known: newer downloads add the range; hwbgen's own
// example files mark made-up rows.
const std::vector<std::string> extra_columns = {"Time period range", "Example"};

bool is_parent_comparison(const std::string& name) {
    return name.rfind("Compared to ", 0) == 0 && name != "Compared to England value or percentiles" &&
           name != "Compared to goal";
}

std::string standard_name_of(const std::string& cell) {
    if (is_parent_comparison(cell)) return parent_column;
    for (const auto& c : standard_columns())
        if (c.name == cell) return c.name;
    for (const auto& e : extra_columns)
        if (e == cell) return e;
    return {};
}

class Columns {
public:
    Columns(const std::string& path, const CsvRow& header, diag::Diagnostics& diags) {
        std::vector<std::size_t> unknown;
        for (std::size_t i = 0; i < header.fields.size(); ++i) {
            const std::string cell = trimmed(header.fields[i]);
            const std::string name = standard_name_of(cell);
            if (name.empty()) {
                if (!cell.empty()) unknown.push_back(i);
            } else if (index_.count(name)) {
                diags.error(pos(path, header, i),
                            "column " + column_letter(i) + " '" + cell + "' repeats column " +
                                column_letter(index_[name]),
                            "keep one of them: hwbgen cannot tell which to read");
                ok_ = false;
            } else {
                index_[name] = i;
            }
        }
        if (!looks_like_download()) {
            for (const char* core : {"Indicator ID", "Area Code", "Time period", "Value"})
                if (!index_.count(core)) {
                    diags.error({path, 1, 1}, std::string("missing column '") + core + "'",
                                "this does not look like a Fingertips 'download data' file");
                    break;
                }
            ok_ = false;
            return;
        }
        check_missing(path, header, unknown, diags);
    }

    bool ok() const { return ok_; }
    bool has(const std::string& name) const { return index_.count(name) > 0; }
    std::optional<std::size_t> index(const std::string& name) const {
        const auto it = index_.find(name);
        if (it == index_.end()) return std::nullopt;
        return it->second;
    }
    std::string get(const CsvRow& row, const std::string& name) const {
        const auto i = index(name);
        if (!i || *i >= row.fields.size()) return {};
        return row.fields[*i];
    }

private:
    static diag::SourcePos pos(const std::string& path, const CsvRow& row, std::size_t i) {
        return {path, row.at[i].line, row.at[i].column};
    }

    // Half the standard columns or more: then a missing one is an edit, not another kind of file.
    bool looks_like_download() const {
        std::size_t present = 0;
        for (const auto& c : standard_columns()) present += index_.count(c.name);
        return present * 2 >= standard_columns().size();
    }

    // The header cell that most likely stands where `name` was: a near spelling, else an
    // unknown cell in the column Fingertips puts it in.
    static std::optional<std::size_t> renamed_as(const std::string& name, std::size_t standard_index,
                                                 const CsvRow& header, std::vector<std::size_t>& unknown) {
        std::vector<std::string> spellings;
        spellings.reserve(unknown.size());
        for (const auto i : unknown) spellings.push_back(lower(trimmed(header.fields[i])));
        const std::string guess = diag::closest_match(lower(name), spellings);
        for (std::size_t k = 0; k < unknown.size(); ++k)
            if ((!guess.empty() && spellings[k] == guess) || (guess.empty() && unknown[k] == standard_index)) {
                const std::size_t i = unknown[k];
                unknown.erase(unknown.begin() + static_cast<long>(k));
                return i;
            }
        return std::nullopt;
    }

    void check_missing(const std::string& path, const CsvRow& header, std::vector<std::size_t>& unknown,
                       diag::Diagnostics& diags) {
        const auto& columns = standard_columns();
        for (std::size_t s = 0; s < columns.size(); ++s) {
            const auto& c = columns[s];
            if (index_.count(c.name)) continue;
            const std::string shown = c.name == parent_column
                                          ? "Compared to Region value or percentiles' (named after the parent"
                                          : c.name;
            const std::string effect = c.required ? "hwbgen needs it for limits, comparisons and trends"
                                                  : "it is optional; its contents are left out";
            diag::Diagnostic d{c.required ? diag::Severity::error : diag::Severity::warning, {path, 1, 1}, {}, {}};
            if (const auto i = renamed_as(c.name == parent_column ? "Compared to Region value or percentiles" : c.name,
                                          s, header, unknown)) {
                d.pos = pos(path, header, *i);
                d.message = "column " + column_letter(*i) + " is headed '" + trimmed(header.fields[*i]) +
                            "' where Fingertips writes '" + shown + "'";
                d.hint = "rename it back to what the download says: " + effect;
            } else {
                d.message = "missing column '" + shown + "'";
                d.hint = "download the data again from Fingertips, or put the column back: " + effect;
            }
            if (c.required) ok_ = false;
            diags.add(std::move(d));
        }
        for (const auto i : unknown)
            diags.warning(pos(path, header, i), "column " + column_letter(i) + " '" + trimmed(header.fields[i]) +
                                                    "' is not a Fingertips column and is ignored");
    }

    std::map<std::string, std::size_t> index_;
    bool ok_ = true;
};

// A number as Fingertips writes it; spaces a spreadsheet adds around it are allowed.
std::optional<double> number(const std::string& text) {
    const std::string s = trimmed(text);
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

// Reads one row's cells and says what is wrong with them, at the cell.
class RowReader {
public:
    RowReader(const std::string& path, const Columns& columns, const CsvRow& row, diag::Diagnostics& diags)
        : path_(path), columns_(columns), row_(row), diags_(diags) {}

    diag::SourcePos at(const std::string& name) const {
        const auto i = columns_.index(name);
        if (!i || *i >= row_.at.size()) return {path_, row_.line, 1};
        return {path_, row_.at[*i].line, row_.at[*i].column};
    }

    std::string text(const std::string& name) const { return columns_.get(row_, name); }

    // A number cell: empty is missing; text is read as missing with a warning; a number that is
    // not finite is an error, as no limit or verdict can be made of it.
    std::optional<double> number_cell(const std::string& name) {
        const std::string s = text(name);
        if (trimmed(s).empty()) return std::nullopt;
        const auto v = number(s);
        if (!v) {
            diags_.warning(at(name), "'" + name + "' is not a number: '" + s + "'; read as empty");
            return std::nullopt;
        }
        if (!std::isfinite(*v)) {
            diags_.error(at(name), "'" + name + "' is not a finite number: '" + s + "'",
                         "write the number itself, or leave the cell empty when there is none");
            return std::nullopt;
        }
        // Beyond what any real figure reaches, and what sums and chart axes handle exactly.
        if (std::fabs(*v) > 1e15) {
            diags_.error(at(name),
                         "'" + name + "' is out of range: '" + s + "' (the limit is 1e15 either side of zero)",
                         "check the cell: no indicator value is this large");
            return std::nullopt;
        }
        return v;
    }

    void error(const std::string& name, const std::string& message, const std::string& hint) {
        diags_.error(at(name), message, hint);
    }
    void warning(const std::string& name, const std::string& message) { diags_.warning(at(name), message); }

private:
    const std::string& path_;
    const Columns& columns_;
    const CsvRow& row_;
    diag::Diagnostics& diags_;
};

// A problem that makes the row unusable: it is skipped, the rest of the file still counts.
bool skip_row(RowReader& r) {
    if (number(r.text("Indicator ID")) == std::nullopt) {
        r.warning("Indicator ID", "row skipped: 'Indicator ID' is not a number: '" + r.text("Indicator ID") + "'");
        return true;
    }
    if (trimmed(r.text("Area Code")).empty()) {
        r.warning("Area Code", "row skipped: 'Area Code' is empty");
        return true;
    }
    const std::string value = r.text("Value");
    if (!trimmed(value).empty() && !number(value)) {
        r.warning("Value", "row skipped: 'Value' is not a number: '" + value + "'");
        return true;
    }
    return false;
}

// A value outside its own limits is not checked: Fingertips publishes some values rounded (17
// beside limits of 17.03 to 17.07, in a real download), so it would warn on untouched files.
void check_limits(RowReader& r, const std::optional<double>& lower, const std::optional<double>& upper,
                  const std::string& lower_name, const std::string& upper_name) {
    if (lower && upper && *lower > *upper) {
        r.error(lower_name,
                "'" + lower_name + "' (" + r.text(lower_name) + ") is above '" + upper_name + "' (" +
                    r.text(upper_name) + ")",
                "the limits may have been swapped: the lower limit comes first");
    }
}

void check_counts(RowReader& r, const model::IndicatorValue& v, bool proportion) {
    if (v.count && *v.count < 0)
        r.error("Count", "'Count' is negative: " + r.text("Count"), "a count of events cannot be below 0");
    if (v.denominator && *v.denominator < 0)
        r.error("Denominator", "'Denominator' is negative: " + r.text("Denominator"),
                "a population or number of cases cannot be below 0");
    if (v.denominator && *v.denominator == 0)
        r.warning("Denominator", "'Denominator' is 0: no value or limits can be worked out from this row");
    if (proportion && v.count && v.denominator && *v.denominator > 0 && *v.count > *v.denominator)
        r.error("Count",
                "'Count' (" + r.text("Count") + ") is above 'Denominator' (" + r.text("Denominator") +
                    ") on a proportion",
                "a proportion counts part of its denominator; check the two columns are not swapped");
}

model::IndicatorValue to_value(RowReader& r, const std::set<long>& proportions) {
    model::IndicatorValue v;
    v.indicator_id = std::atol(trimmed(r.text("Indicator ID")).c_str());
    v.indicator_name = r.text("Indicator Name");
    v.area_code = trimmed(r.text("Area Code"));
    v.area_name = r.text("Area Name");
    v.area_type = r.text("Area Type");
    v.parent_code = trimmed(r.text("Parent Code"));
    v.sex = r.text("Sex");
    v.age = r.text("Age");
    v.category_type = r.text("Category Type");
    v.category = r.text("Category");
    v.time_period = r.text("Time period");
    v.time_period_range = trimmed(r.text("Time period range"));
    v.period_sortable = std::atol(r.text("Time period Sortable").c_str());
    v.value = r.number_cell("Value");
    v.lower95 = r.number_cell("Lower CI 95.0 limit");
    v.upper95 = r.number_cell("Upper CI 95.0 limit");
    v.lower998 = r.number_cell("Lower CI 99.8 limit");
    v.upper998 = r.number_cell("Upper CI 99.8 limit");
    v.count = r.number_cell("Count");
    v.denominator = r.number_cell("Denominator");
    v.value_note = r.text("Value note");
    v.recent_trend = r.text("Recent Trend");
    v.compared_england = r.text("Compared to England value or percentiles");
    v.compared_parent = r.text(parent_column);
    // Not a Fingertips column: example series made up for demonstration are marked in it.
    v.example = r.text("Example") == "true";
    check_limits(r, v.lower95, v.upper95, "Lower CI 95.0 limit", "Upper CI 95.0 limit");
    check_limits(r, v.lower998, v.upper998, "Lower CI 99.8 limit", "Upper CI 99.8 limit");
    check_counts(r, v, proportions.count(v.indicator_id) > 0);
    return v;
}

std::set<long> proportion_ids(const std::vector<model::IndicatorDefinition>& definitions) {
    std::set<long> ids;
    for (const auto& d : definitions)
        if (d.fingertips_id && d.value_type == model::ValueType::proportion) ids.insert(*d.fingertips_id);
    return ids;
}

}  // namespace

std::vector<model::IndicatorValue> read_fingertips_csv(const std::string& path, const std::string& text,
                                                       diag::Diagnostics& diags,
                                                       const std::vector<model::IndicatorDefinition>& definitions) {
    std::vector<model::IndicatorValue> out;
    const auto rows = CsvSplitter(text).rows();
    if (rows.empty()) {
        diags.error({path, 0, 0}, "file is empty", "download the data again from Fingertips");
        return out;
    }
    const Columns columns(path, rows[0], diags);
    if (!columns.ok()) return out;
    const auto proportions = proportion_ids(definitions);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        RowReader reader(path, columns, rows[i], diags);
        if (skip_row(reader)) continue;
        out.push_back(to_value(reader, proportions));
        out.back().pos = {path, rows[i].line, 1};
    }
    return out;
}

}  // namespace hwbgen::load
