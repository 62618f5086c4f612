#include "updates/history.hpp"

namespace hwbgen::updates {

std::string trimmed(const std::string& text) {
    const char* const space = " \t\r\n";
    const size_t first = text.find_first_not_of(space);
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
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
        if (!trimmed(g.text).empty()) out[g.group.id] = trimmed(g.text);
    return out;
}

}  // namespace

bool same_update(const model::Update& a, const model::Update& b) {
    return a.rag == b.rag && trimmed(a.update) == trimmed(b.update) &&
           trimmed(a.next_steps) == trimmed(b.next_steps) && same_kpis(a.kpis, b.kpis) &&
           actions(a) == actions(b) && trimmed(a.risks) == trimmed(b.risks) &&
           trimmed(a.escalation) == trimmed(b.escalation);
}

}  // namespace hwbgen::updates
