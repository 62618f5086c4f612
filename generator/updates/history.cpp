#include "updates/history.hpp"

#include <cctype>

namespace hwbgen::updates {

std::string trimmed(const std::string& text) {
    const char* const space = " \t\r\n";
    const size_t first = text.find_first_not_of(space);
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

namespace {

// A line that starts a block of its own, so the line break before it matters.
bool starts_block(const std::string& line) {
    const size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos || first >= 4) return true;  // blank, or indented code
    const char c = line[first];
    if (std::string("#>|").find(c) != std::string::npos) return true;
    if ((c == '-' || c == '*' || c == '+') && (first + 1 == line.size() || line[first + 1] == ' ')) return true;
    size_t digits = first;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    return digits > first && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
}

bool ends_hard(const std::string& line) {
    return line.empty() || line.back() == '\\' || (line.size() >= 2 && line.compare(line.size() - 2, 2, "  ") == 0) ||
           line.find_first_not_of(' ') == std::string::npos || line.find_first_not_of(' ') >= 4 ||
           line[line.find_first_not_of(' ')] == '|' || line[line.find_first_not_of(' ')] == '#';
}

}  // namespace

std::string unwrapped(const std::string& markdown) {
    std::string out, line;
    bool first = true, previous_hard = true;
    const std::string text = markdown + "\n";
    for (const char c : text) {
        if (c != '\n') {
            line += c;
            continue;
        }
        if (!first) out += previous_hard || starts_block(line) ? "\n" : " ";
        out += previous_hard || starts_block(line) ? line : line.substr(line.find_first_not_of(' '));
        previous_hard = ends_hard(line);
        first = false;
        line.clear();
    }
    return trimmed(out);
}

UpdatesByItem updates_before(const model::Place& place, const std::string& cycle_id) {
    UpdatesByItem out;
    for (const auto& cycle : place.cycles)
        if (cycle.id < cycle_id)
            for (const auto& u : cycle.updates) out[u.item.id] = &u;
    return out;
}

UpdatesByItem updates_in(const model::Place& place, const std::string& cycle_id) {
    UpdatesByItem out;
    for (const auto& cycle : place.cycles)
        if (cycle.id == cycle_id)
            for (const auto& u : cycle.updates) out.emplace(u.item.id, &u);
    return out;
}

UpdatesByItem updated_in(const model::Place& place, const std::string& cycle_id) {
    const auto before = updates_before(place, cycle_id);
    UpdatesByItem out;
    for (const auto& [id, u] : updates_in(place, cycle_id)) {
        const auto b = before.find(id);
        if (b == before.end() || !same_update(*u, *b->second)) out.emplace(id, u);
    }
    return out;
}

namespace {

bool same_kpis(const std::vector<model::Kpi>& a, const std::vector<model::Kpi>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (trimmed(a[i].name) != trimmed(b[i].name) || trimmed(a[i].current) != trimmed(b[i].current) ||
            trimmed(a[i].target) != trimmed(b[i].target))
            return false;
    return true;
}

// PLUS-group actions by group, empty ones left out: an empty cell and a missing key agree.
std::map<std::string, std::string> actions(const model::Update& u) {
    std::map<std::string, std::string> out;
    for (const auto& g : u.plus_groups)
        if (!trimmed(g.text).empty()) out[g.group.id] = unwrapped(g.text);
    return out;
}

}  // namespace

bool same_update(const model::Update& a, const model::Update& b) {
    return a.rag == b.rag && unwrapped(a.update) == unwrapped(b.update) &&
           unwrapped(a.next_steps) == unwrapped(b.next_steps) && same_kpis(a.kpis, b.kpis) &&
           actions(a) == actions(b) && unwrapped(a.risks) == unwrapped(b.risks) &&
           unwrapped(a.escalation) == unwrapped(b.escalation);
}

}  // namespace hwbgen::updates
