#pragma once
/// The starting point of the next reporting cycle's file, for `hwbgen new-cycle`.
#include <string>

#include "model/strategy.hpp"

namespace hwbgen::render {

/// YAML for content/<place>/cycles/<cycle_id>.yaml: every commitment and project in the
/// strategy's order with its owner, carrying over the rating, update and next steps it last
/// had, with comments that say what each field means. It builds as it is.
std::string cycle_scaffold(const model::Place& place, const std::string& cycle_id);

}  // namespace hwbgen::render
