#pragma once
// Reads, cleans and parses one YAML file of the content tree.
#include <optional>

#include "load/content_tree.hpp"
#include "load/detail/yaml_map.hpp"

namespace hwbgen::load::detail {

/// Holds the parsed file; the context must outlive every YamlMap made from it.
struct YamlFile {
    FileContext context;
    YAML::Node root;
};

/// Reports why `path` cannot be read (missing, a link out of the project, too large...).
void report_problem(const ContentTree& tree, const std::string& path, diag::Diagnostics& diags);

/// Reports every file under `dir` that the build must not use, each with its own path; returns
/// how many.
int report_unusable_files(const ContentTree& tree, const std::string& dir, diag::Diagnostics& diags);

std::optional<YamlFile> read_yaml(const ContentTree& tree, const std::string& path, diag::Diagnostics& diags);

/// Files in `dir` ending in .yaml or .yml, as full paths, sorted.
std::vector<std::string> yaml_files(const ContentTree& tree, const std::string& dir);

}  // namespace hwbgen::load::detail
