#pragma once
// Reading one content file through the parse cache (or straight, without one).
#include <functional>
#include <optional>
#include <variant>

#include "load/detail/yaml_file.hpp"
#include "load/parse_cache.hpp"
#include "model/cycle.hpp"
#include "model/strategy.hpp"

namespace hwbgen::load::detail {

/// What one file can be read into.
using FileModel = std::variant<model::Place, model::Section, model::Page, model::Cycle>;
using FileReader = std::function<FileModel(const YamlMap&)>;

/// Reads `path` with `read`, or takes it from `cache` when its bytes are those read last time.
/// Diagnostics go to `diags` either way. Nothing comes back when the file could not be parsed.
std::optional<FileModel> read_cached(ParseCache* cache, const ContentTree& tree, const std::string& path,
                                     diag::Diagnostics& diags, const FileReader& read);

}  // namespace hwbgen::load::detail
