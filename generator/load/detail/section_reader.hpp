#pragma once
// Sections (with their priorities, commitments and logic models) and free pages.
#include "load/detail/yaml_map.hpp"

namespace hwbgen::load::detail {

model::Section read_section(const YamlMap& m);
model::Page read_page(const YamlMap& m);

}  // namespace hwbgen::load::detail
