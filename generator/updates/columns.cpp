#include "updates/columns.hpp"

#include <cctype>

namespace hwbgen::updates {

const char* const updates_sheet = "Updates";
const char* const yes_word = "Yes";
const char* const no_word = "No";

std::vector<Column> columns(const model::Place& place) {
    std::vector<Column> out = {
        {Field::id, "ID", "", 22, false},
        {Field::title, "Commitment or project", "", 40, false},
        {Field::where, "Section and priority", "", 24, false},
        {Field::last_rating, "Last rating", "", 12, false},
        {Field::last_update, "Last update", "", 40, false},
        {Field::last_next_steps, "Last next steps", "", 30, false},
        {Field::rating, "Rating", "", 13, true},
        {Field::update, "Update", "", 50, true},
        {Field::next_steps, "Next steps", "", 36, true},
        {Field::kpis, "KPI values", "", 30, true},
    };
    for (const auto& g : place.plus_groups) out.push_back({Field::plus_group, "PLUS group: " + g.name, g.id, 30, true});
    out.push_back({Field::risks, "Risks and mitigations", "", 36, true});
    out.push_back({Field::escalate, "Escalate to the board?", "", 12, true});
    out.push_back({Field::escalation, "Reason for escalation", "", 36, true});
    out.push_back({Field::workbook, "Workbook", "", 10, false});
    return out;
}

std::string heading_key(const std::string& heading) {
    std::string out;
    for (const char c : heading) {
        const bool space = std::isspace(static_cast<unsigned char>(c));
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '*')) out.pop_back();
    return out;
}

std::string column_letters(int index) {
    std::string out;
    for (int n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), char('A' + (n - 1) % 26));
    return out;
}

}  // namespace hwbgen::updates

namespace hwbgen::updates {

namespace {

std::string trim(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t");
    return a == std::string::npos ? std::string{} : s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t nl = text.find('\n', start);
        std::string line = trim(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) line = trim(line.substr(2));
        if (!line.empty()) out.push_back(line);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

// The known KPI this line names (the longest name that starts it, then a colon).
const model::Kpi* known_kpi(const std::string& line, const std::vector<model::Kpi>& known, size_t& value_at) {
    const model::Kpi* best = nullptr;
    for (const auto& k : known) {
        const std::string name = trim(k.name);
        if (name.empty() || line.size() <= name.size() || lower(line.substr(0, name.size())) != lower(name)) continue;
        const size_t colon = line.find_first_not_of(' ', name.size());
        if (colon == std::string::npos || line[colon] != ':') continue;
        if (!best || name.size() > trim(best->name).size()) {
            best = &k;
            value_at = colon + 1;
        }
    }
    return best;
}

model::Kpi kpi_of_line(const std::string& line, const std::vector<model::Kpi>& known) {
    size_t value_at = 0;
    if (const auto* k = known_kpi(line, known, value_at)) return {k->name, trim(line.substr(value_at)), k->target};
    if (!line.empty() && line.back() == ':') return {trim(line.substr(0, line.size() - 1)), "", ""};
    const size_t colon = line.rfind(": ");
    if (colon == std::string::npos) return {line, "", ""};
    return {trim(line.substr(0, colon)), trim(line.substr(colon + 2)), ""};
}

}  // namespace

std::string kpi_lines(const std::vector<model::Kpi>& kpis) {
    std::string out;
    for (const auto& k : kpis) out += (out.empty() ? "" : "\n") + trim(k.name) + ": " + trim(k.current);
    return out;
}

std::vector<model::Kpi> read_kpi_lines(const std::string& text, const std::vector<model::Kpi>& known) {
    std::vector<model::Kpi> out;
    for (const auto& line : lines_of(text)) out.push_back(kpi_of_line(line, known));
    return out;
}

bool has_kpi_values(const std::string& text, const std::vector<model::Kpi>& known) {
    for (const auto& k : read_kpi_lines(text, known))
        if (!k.current.empty()) return true;
    return false;
}

}  // namespace hwbgen::updates
