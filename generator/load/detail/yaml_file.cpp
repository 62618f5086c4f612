#include "load/detail/yaml_file.hpp"

#include "load/source_text.hpp"

namespace hwbgen::load::detail {

void report_problem(const ContentTree& tree, const std::string& path, diag::Diagnostics& diags) {
    const auto problem = tree.problem(path);
    if (problem)
        diags.error({path, 0, 0}, problem->message, problem->hint);
    else
        diags.error({path, 0, 0}, "cannot read file", "check that it exists and is readable");
}

int report_unusable_files(const ContentTree& tree, const std::string& dir, diag::Diagnostics& diags) {
    const auto problems = tree.unusable_files(dir);
    for (const auto& p : problems) diags.error({p.path, 0, 0}, p.message, p.hint);
    return static_cast<int>(problems.size());
}

std::optional<YamlFile> read_yaml(const ContentTree& tree, const std::string& path, diag::Diagnostics& diags) {
    auto bytes = tree.read(path);
    if (!bytes) {
        report_problem(tree, path, diags);
        return std::nullopt;
    }
    const auto text = prepare_text(path, std::move(*bytes), diags);
    if (!text) return std::nullopt;
    YamlFile file{{path, &diags, *text}, {}};
    auto root = parse_yaml_file(file.context, *text);
    if (!root) return std::nullopt;
    file.root = *root;
    return file;
}

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::vector<std::string> yaml_files(const ContentTree& tree, const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& name : tree.files(dir))
        if (ends_with(name, ".yaml") || ends_with(name, ".yml")) out.push_back(dir + "/" + name);
    return out;
}

}  // namespace hwbgen::load::detail
