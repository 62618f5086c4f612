#pragma once
// Bounds on what one YAML file may make hwbgen do, checked right after parsing and before any
// of it is read into the model.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>

#include "load/detail/yaml_map.hpp"

namespace hwbgen::load::detail {

/// Values in one file, counted as hwbgen walks them: an alias (*name) counts its anchor's
/// values again each time it is used, so a small file of nested aliases cannot make the
/// model (and the pages) grow into gigabytes.
constexpr size_t max_values_per_file = 200000;
/// Lists and sets of fields nest at most this deep (content needs fewer than ten).
constexpr int max_nesting_depth = 32;
/// The longest single text, in bytes (a whole Markdown page is far shorter).
constexpr size_t max_text_bytes = size_t{256} * 1024;

/// Reports the first broken limit (values, nesting, text length, a NUL character) at the
/// value where it broke; returns false then, and the file should not be read further.
bool within_limits(const FileContext& ctx, const YAML::Node& root);

/// For a YAML error about an unclosed flow list or set of fields ("end of sequence flow not
/// found"), the position of the '[' or '{' that was never closed; 0:0 when none is found.
diag::SourcePos unclosed_bracket(const FileContext& ctx, const std::string& text, size_t error_offset);

}  // namespace hwbgen::load::detail
