#pragma once
/// Loading a place's content and the shared indicators into the model.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "load/parse_cache.hpp"
#include "model/indicator.hpp"
#include "model/strategy.hpp"

namespace hwbgen::load {

/// Ids of the places under content/ (folders holding a place.yaml), sorted.
std::vector<std::string> find_places(const ContentTree& tree);

/// Reads content/<place_id>/: place.yaml, sections/*.yaml and pages/*.yaml. Every problem
/// goes to `diags`; the returned place holds whatever could be read. With a `cache`, files whose
/// bytes it has seen are taken from it instead of being parsed again.
model::Place load_place(const ContentTree& tree, const std::string& place_id, diag::Diagnostics& diags,
                        ParseCache* cache = nullptr);

/// Reads a definitions file. With `lenient`, entries need only a fingertips_id (for checking a
/// download, where polarity and comparison are all that matter).
std::vector<model::IndicatorDefinition> load_definitions(const ContentTree& tree, const std::string& path,
                                                         diag::Diagnostics& diags, bool lenient = false);

/// Reports every file of the default theme (templates/) that the build must not use: links out
/// of the project, pipes, unreadable or oversized files. A place's own templates are checked
/// with the place.
void check_theme_files(const ContentTree& tree, diag::Diagnostics& diags);

/// Reads indicators/definitions.yaml and every indicators/data/*.csv.
model::IndicatorSet load_indicators(const ContentTree& tree, diag::Diagnostics& diags);

}  // namespace hwbgen::load
