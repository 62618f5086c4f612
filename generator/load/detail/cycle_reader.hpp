#pragma once
// Reporting cycles: progress updates and the board paper of one meeting.
#include <optional>

#include "load/detail/yaml_map.hpp"
#include "model/cycle.hpp"

namespace hwbgen::load::detail {

/// The cycle id (yyyy-mm) a file name gives; nothing when the name is not of that form.
std::optional<std::string> cycle_id_of(const std::string& path);

model::Cycle read_cycle(const YamlMap& m, const std::string& id);

}  // namespace hwbgen::load::detail
