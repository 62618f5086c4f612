#pragma once
/// The columns of the Updates sheet, shared by the workbook writer and the reader, so what
/// export writes is what import looks for (by heading, so columns may be moved or hidden).
#include <string>
#include <vector>

#include "model/strategy.hpp"

namespace hwbgen::updates {

enum class Field {
    id,
    title,
    where,
    last_rating,
    last_update,
    last_next_steps,  // for reference
    rating,
    update,
    next_steps,
    kpis,
    plus_group,
    risks,
    escalate,
    escalation,  // to fill
    workbook,    // hidden: whose
};

struct Column {
    Field field;
    std::string heading;
    std::string plus_group;  ///< the PLUS group's id, for Field::plus_group
    double width;            ///< in characters
    bool fill;               ///< unlocked: the lead types here
};

/// The columns in the order export writes them; one per PLUS group of the place.
std::vector<Column> columns(const model::Place& place);

/// The name of the sheet export writes updates on.
extern const char* const updates_sheet;

/// "Yes" / "No", as the escalation drop-down offers them.
extern const char* const yes_word;
extern const char* const no_word;

/// Headings compared the way a person reads them: case, spaces and a trailing '*' ignored.
std::string heading_key(const std::string& heading);

/// "A", "B", ..., "Z", "AA" for 0-based column `index`.
std::string column_letters(int index);

}  // namespace hwbgen::updates

namespace hwbgen::updates {

/// KPIs as the "KPI values" cell shows them: one `name: current value` a line.
std::string kpi_lines(const std::vector<model::Kpi>& kpis);

/// The KPIs a "KPI values" cell gives. A line starting with a `known` KPI's name and a colon
/// is that KPI (its target kept); any other `name: value` line is a new KPI.
std::vector<model::Kpi> read_kpi_lines(const std::string& text, const std::vector<model::Kpi>& known);

/// True when the cell gives at least one KPI value, not just names.
bool has_kpi_values(const std::string& text, const std::vector<model::Kpi>& known);

}  // namespace hwbgen::updates
