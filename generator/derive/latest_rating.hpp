#pragma once
/// Where a commitment or project stands now: the rating of the newest cycle that reported it.
#include <optional>
#include <string>

#include "model/cycle.hpp"
#include "model/strategy.hpp"

namespace hwbgen::derive {

struct LatestRating {
    const model::Cycle* cycle = nullptr;    ///< the newest cycle that rated the item
    const model::Update* update = nullptr;  ///< its update of the item
    bool example() const { return update->example || cycle->example; }
};

/// The item's latest rating; nothing when no cycle has rated it. Cycles are in date order.
std::optional<LatestRating> latest_rating(const model::Place& place, const std::string& item_id);

}  // namespace hwbgen::derive
