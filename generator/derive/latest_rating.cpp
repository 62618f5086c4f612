#include "derive/latest_rating.hpp"

namespace hwbgen::derive {

std::optional<LatestRating> latest_rating(const model::Place& place, const std::string& item_id) {
    for (auto cycle = place.cycles.rbegin(); cycle != place.cycles.rend(); ++cycle)
        for (const auto& u : cycle->updates)
            if (u.item.id == item_id) return LatestRating{&*cycle, &u};
    return std::nullopt;
}

}  // namespace hwbgen::derive
