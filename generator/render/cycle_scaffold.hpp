#pragma once
/// The starting point of the next reporting cycle's file, for `hwbgen new-cycle`.
#include <string>

#include "model/cycle.hpp"
#include "model/strategy.hpp"

namespace hwbgen::render {

/// YAML for content/<place>/cycles/<cycle_id>.yaml: every commitment and project in the
/// strategy's order with its owner, carrying over the rating, update and next steps it last
/// had, with comments that say what each field means. It builds as it is.
std::string cycle_scaffold(const model::Place& place, const std::string& cycle_id);

/// YAML to append to the cycle_scaffold: the `board_paper:` of the latest cycle before
/// `cycle_id` that has one, carried forward (structure, report of, officers, background papers,
/// appendices, recommendations and paragraphs that cite figures as they were; every other
/// paragraph marked `review:`). Empty when no earlier cycle has a paper. `annual`: whether the
/// new cycle is annual (figures over the year are kept only then).
std::string board_paper_scaffold(const model::Place& place, const std::string& cycle_id, bool annual = false);

}  // namespace hwbgen::render
