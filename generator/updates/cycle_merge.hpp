#pragma once
/// Putting returned updates into a cycle file's text: each changed update replaces its own
/// entry, new ones go in the strategy's order, and every other byte stays as it was.
#include <optional>
#include <string>
#include <vector>

#include "derive/progress.hpp"

namespace hwbgen::updates {

/// The cycle file's `original` text (through prepare_text) with `changed` merged in. `kept` are the
/// updates the file holds now, used only when its `updates:` list must be written whole (a
/// flow list or none). Nothing, with `error` set, when the text cannot be laid out.
std::optional<std::string> merge_updates(const std::string& original, const std::vector<model::Update>& changed,
                                         const std::vector<model::Update>& kept, const model::Place& place,
                                         const std::vector<derive::Item>& items, std::string& error);

}  // namespace hwbgen::updates
