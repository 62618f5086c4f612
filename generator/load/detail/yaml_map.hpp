#pragma once
// Position-aware reading of YAML mappings: every value read keeps its file, line and column,
// and every problem becomes a diagnostic instead of an exception.
#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/strategy.hpp"

namespace hwbgen::load::detail {

struct FileContext {
    std::string path;
    diag::Diagnostics* diags;
    std::string text;  ///< the file as parsed, to place things inside a value (figures in prose)
};

/// The position of byte `offset` of the file's text; line and column 1-based, as pos_of gives.
diag::SourcePos pos_at(const FileContext& ctx, size_t offset);

/// Reports an unsafe link or picture in a text value (see link_check.hpp) at its own line and
/// column; returns false then.
bool check_links(const FileContext& ctx, const YAML::Node& scalar);

/// The largest number content may hold, either side of zero: far above any real figure, and
/// small enough that sums, charts and text stay exact and finite.
constexpr double max_number = 1e15;

diag::SourcePos pos_of(const FileContext& ctx, const YAML::Mark& mark);

/// Parses a whole YAML file whose top level must be a mapping; reports syntax errors and
/// empty files, returning nothing then.
std::optional<YAML::Node> parse_yaml_file(const FileContext& ctx, const std::string& text);

class YamlMap {
public:
    YamlMap(const FileContext& ctx, const YAML::Node& node);

    diag::SourcePos pos() const;
    /// Position of the value of `key` (or of the key when the value is empty).
    diag::SourcePos value_pos(const char* key) const;
    bool has(const char* key) const { return find(key) != nullptr; }

    std::string text(const char* key, bool required = false) const;
    std::vector<std::string> texts(const char* key) const;
    std::optional<model::Ref> ref(const char* key) const;
    /// A web address (https:// or http://) that a reader follows; reported when it is not one.
    std::string web_address(const char* key) const;
    /// An email address for a mailto: link; reported when it is not one.
    std::string email(const char* key) const;
    std::vector<model::Ref> refs(const char* key) const;
    std::optional<double> number(const char* key) const;
    bool flag(const char* key, bool fallback) const;
    std::optional<YamlMap> map(const char* key, bool required = false) const;
    std::vector<YamlMap> maps(const char* key, bool required = false) const;
    /// Raw access for values that may take several shapes.
    const YAML::Node* node(const char* key) const;

    /// Every key in file order with its position.
    std::vector<std::pair<std::string, diag::SourcePos>> entries() const;

    /// Reports every key not in `allowed`, with a did-you-mean hint.
    void allow_only(const std::vector<std::string>& allowed) const;

    const FileContext& context() const { return *ctx_; }
    void error(const diag::SourcePos& pos, std::string message, std::string hint = {}) const;

private:
    struct Entry {
        std::string key;
        YAML::Node key_node;
        YAML::Node value;
    };
    const Entry* find(const char* key) const;
    std::optional<std::string> scalar(const Entry& e, const char* what) const;

    const FileContext* ctx_;
    YAML::Node node_;
    std::vector<Entry> entries_;
};

/// Reads a text that must be one of `allowed`; reports an unknown value with the choices.
std::optional<std::string> choice(const YamlMap& m, const char* key, const std::vector<std::string>& allowed,
                                  bool required);

}  // namespace hwbgen::load::detail
