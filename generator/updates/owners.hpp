#pragma once
/// Who a workbook goes to: the sub-group or lead that owns each commitment and project.
#include <string>
#include <vector>

#include "derive/progress.hpp"

namespace hwbgen::updates {

/// `--by subgroup`: the sub-group leading the item's section (else the item's own lead);
/// `--by lead`: the item's own lead (else its section's).
enum class Grouping { subgroup, lead };

const char* grouping_id(Grouping by);  ///< "subgroup" or "lead"

/// One workbook's addressee and the items it lists, in the strategy's order.
struct Owner {
    std::string id;    ///< a sub-group id, or "unassigned" for items nobody leads
    std::string name;  ///< as people call it
    std::vector<const derive::Item*> items;
};

/// The id of the owner of `item` under `by`; "unassigned" when it has none.
std::string owner_id(const model::Place& place, const derive::Item& item, Grouping by);

/// Every owner with at least one item, in place.yaml's order of sub-groups, "unassigned" last.
std::vector<Owner> owners(const model::Place& place, const std::vector<derive::Item>& items, Grouping by);

/// The name of the owner with this id ("Children and Families Partnership").
std::string owner_name(const model::Place& place, const std::string& id);

extern const char* const unassigned_owner;

}  // namespace hwbgen::updates
