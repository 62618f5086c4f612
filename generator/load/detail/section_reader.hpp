#pragma once
// Sections (with their priorities, commitments and logic models) and free pages.
#include "load/detail/yaml_map.hpp"

namespace hwbgen::load::detail {

model::Section read_section(const YamlMap& m);
model::Page read_page(const YamlMap& m);
/// A logic-model project's or a progress update's KPIs: name, current value, target.
std::vector<model::Kpi> read_kpis(const YamlMap& m);
std::vector<model::EasyReadPoint> read_easy_read_points(const YamlMap& m, const char* key);

}  // namespace hwbgen::load::detail
