#include "updates/owners.hpp"

namespace hwbgen::updates {

const char* const unassigned_owner = "unassigned";

const char* grouping_id(Grouping by) { return by == Grouping::subgroup ? "subgroup" : "lead"; }

std::string owner_id(const model::Place& place, const derive::Item& item, Grouping by) {
    if (by == Grouping::subgroup && item.section && item.section->lead)
        for (const auto& s : place.subgroups)
            if (s.id == item.section->lead->id) return s.id;
    return item.owner ? item.owner->id : unassigned_owner;
}

std::string owner_name(const model::Place& place, const std::string& id) {
    for (const auto& s : place.subgroups)
        if (s.id == id) return s.name;
    return "Items with no lead";
}

std::vector<Owner> owners(const model::Place& place, const std::vector<derive::Item>& items, Grouping by) {
    std::vector<Owner> out;
    for (const auto& s : place.subgroups) out.push_back({s.id, s.name, {}});
    out.push_back({unassigned_owner, owner_name(place, unassigned_owner), {}});
    for (const auto& item : items) {
        const std::string id = owner_id(place, item, by);
        for (auto& o : out)
            if (o.id == id) o.items.push_back(&item);
    }
    std::vector<Owner> kept;
    for (auto& o : out)
        if (!o.items.empty()) kept.push_back(std::move(o));
    return kept;
}

}  // namespace hwbgen::updates
