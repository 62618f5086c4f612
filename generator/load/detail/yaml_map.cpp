#include "load/detail/yaml_map.hpp"

#include <yaml-cpp/depthguard.h>

#include <cmath>

#include "load/detail/yaml_limits.hpp"
#include "load/link_check.hpp"

namespace hwbgen::load::detail {

diag::SourcePos pos_of(const FileContext& ctx, const YAML::Mark& mark) {
    if (mark.line < 0) return {ctx.path, 0, 0};
    return {ctx.path, mark.line + 1, mark.column + 1};
}

diag::SourcePos pos_at(const FileContext& ctx, size_t offset) {
    diag::SourcePos p{ctx.path, 1, 1};
    for (size_t i = 0; i < offset && i < ctx.text.size(); ++i) {
        if (ctx.text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

namespace {

const char* shape(const YAML::Node& n) {
    if (n.IsSequence()) return "a list";
    if (n.IsMap()) return "a set of fields";
    if (n.IsNull()) return "nothing";
    return "text";
}

std::string trim_end(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
}

bool blank(const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '#') {
            i = text.find('\n', i);
            if (i == std::string::npos) break;
        } else if (c != ' ' && c != '\t' && c != '\n') {
            return false;
        }
    }
    return true;
}

// yaml-cpp notices an unclosed '[' or '{' only where the file ends or the next key begins;
// the user needs the bracket itself.
void report_syntax_error(const FileContext& ctx, const std::string& text, const YAML::Exception& e) {
    const bool unclosed = e.msg.find("end of sequence flow not found") != std::string::npos ||
                          e.msg.find("end of map flow not found") != std::string::npos;
    const auto opener = unclosed && e.mark.pos >= 0 ? unclosed_bracket(ctx, text, static_cast<size_t>(e.mark.pos))
                                                    : diag::SourcePos{ctx.path, 0, 0};
    if (opener.line > 0) {
        const bool list = e.msg.find("sequence") != std::string::npos;
        ctx.diags->error(opener,
                         list ? "invalid YAML: this '[' is never closed" : "invalid YAML: this '{' is never closed",
                         list ? "end the list with ']', or quote the text if the '[' is part of it"
                              : "end it with '}', or quote the text if the '{' is part of it");
        return;
    }
    ctx.diags->error(pos_of(ctx, e.mark), "invalid YAML: " + e.msg,
                     "check the indentation (spaces, not tabs) and quote text containing ': '");
}

}  // namespace

std::optional<YAML::Node> parse_yaml_file(const FileContext& ctx, const std::string& text) {
    if (blank(text)) {
        ctx.diags->error({ctx.path, 0, 0}, "file is empty",
                         "add the file's fields, or delete the file if it is not needed");
        return std::nullopt;
    }
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard against running out of stack, far beyond hwbgen's limit.
        ctx.diags->error(pos_of(ctx, e.mark),
                         "values nest more than " + std::to_string(max_nesting_depth) + " levels deep",
                         "content never needs this many levels; check the indentation and brackets");
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        report_syntax_error(ctx, text, e);
        return std::nullopt;
    }
    if (!within_limits(ctx, root)) return std::nullopt;
    if (!root.IsMap()) {
        ctx.diags->error(pos_of(ctx, root.Mark()),
                         std::string("expected a set of fields at the top of the file, found ") + shape(root),
                         "start the file with 'name: value' lines");
        return std::nullopt;
    }
    return root;
}

YamlMap::YamlMap(const FileContext& ctx, const YAML::Node& node) : ctx_(&ctx), node_(node) {
    for (const auto& kv : node_) {
        Entry e{kv.first.Scalar(), kv.first, kv.second};
        if (find(e.key.c_str()))
            error(pos_of(ctx, kv.first.Mark()), "duplicate field '" + e.key + "'",
                  "remove one of the two; only one value can be kept");
        else
            entries_.push_back(std::move(e));
    }
}

namespace {

// Where `fragment` of a value starting at `mark` is in the file: found by searching the file
// from the value on, since quoting and folding make offsets inside the value differ.
diag::SourcePos locate(const FileContext& ctx, const YAML::Mark& mark, const std::string& fragment) {
    if (ctx.text.empty() || mark.pos < 0 || fragment.empty()) return pos_of(ctx, mark);
    const std::string& text = ctx.text;
    const size_t at = text.find(fragment, static_cast<size_t>(mark.pos));
    if (at == std::string::npos) return pos_of(ctx, mark);
    int line = mark.line + 1, column = mark.column + 1;
    for (size_t i = static_cast<size_t>(mark.pos); i < at; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {ctx.path, line, column};
}

}  // namespace

bool check_links(const FileContext& ctx, const YAML::Node& scalar) {
    const auto unsafe = find_unsafe_link(scalar.Scalar());
    if (!unsafe) return true;
    ctx.diags->error(locate(ctx, scalar.Mark(), unsafe->address), unsafe->message, unsafe->hint);
    return false;
}

diag::SourcePos YamlMap::pos() const { return pos_of(*ctx_, node_.Mark()); }

void YamlMap::error(const diag::SourcePos& pos, std::string message, std::string hint) const {
    ctx_->diags->error(pos, std::move(message), std::move(hint));
}

const YamlMap::Entry* YamlMap::find(const char* key) const {
    for (const auto& e : entries_)
        if (e.key == key) return &e;
    return nullptr;
}

const YAML::Node* YamlMap::node(const char* key) const {
    const Entry* e = find(key);
    return e ? &e->value : nullptr;
}

diag::SourcePos YamlMap::value_pos(const char* key) const {
    const Entry* e = find(key);
    if (!e) return pos();
    const auto p = pos_of(*ctx_, e->value.Mark());
    return p.line > 0 && !e->value.IsNull() ? p : pos_of(*ctx_, e->key_node.Mark());
}

std::optional<std::string> YamlMap::scalar(const Entry& e, const char* what) const {
    if (e.value.IsScalar())
        return check_links(*ctx_, e.value) ? std::optional<std::string>(e.value.Scalar()) : std::nullopt;
    if (e.value.IsNull()) return std::nullopt;
    error(value_pos(e.key.c_str()), std::string("expected ") + what + " for '" + e.key + "', found " + shape(e.value),
          "write it on the same line after the colon");
    return std::nullopt;
}

std::string YamlMap::text(const char* key, bool required) const {
    const Entry* e = find(key);
    if (!e) {
        if (required)
            error(pos(), std::string("missing required field '") + key + "'",
                  std::string("add a line '") + key + ": ...'");
        return {};
    }
    const auto value = scalar(*e, "text");
    if (!value && required && e->value.IsNull())
        error(value_pos(key), std::string("field '") + key + "' is empty", "write its value after the colon");
    return value ? trim_end(*value) : std::string{};
}

std::vector<std::string> YamlMap::texts(const char* key) const {
    std::vector<std::string> out;
    const Entry* e = find(key);
    if (!e || e->value.IsNull()) return out;
    if (!e->value.IsSequence()) {
        error(value_pos(key), std::string("expected a list for '") + key + "', found " + shape(e->value),
              "write each item on its own line starting with '- '");
        return out;
    }
    for (const auto& item : e->value) {
        if (item.IsScalar()) {
            if (check_links(*ctx_, item)) out.push_back(trim_end(item.Scalar()));
        } else
            error(pos_of(*ctx_, item.Mark()), std::string("expected text in '") + key + "', found " + shape(item),
                  "quote the item if it contains ': '");
    }
    return out;
}

std::string YamlMap::web_address(const char* key) const {
    std::string t = text(key);
    if (t.empty() || is_web_address(t)) return t;
    error(value_pos(key),
          std::string("'") + key + "' must be a web address starting https:// or http://, found '" + t + "'",
          "write the full address, e.g. https://www.example.gov.uk/health");
    return {};
}

std::string YamlMap::email(const char* key) const {
    std::string t = text(key);
    if (t.empty() || is_email_address(t)) return t;
    error(value_pos(key), std::string("'") + key + "' is not an email address: '" + t + "'",
          "write just the address, e.g. health.board@example.gov.uk");
    return {};
}

std::optional<model::Ref> YamlMap::ref(const char* key) const {
    const std::string id = text(key);
    if (id.empty()) return std::nullopt;
    return model::Ref{id, value_pos(key)};
}

std::vector<model::Ref> YamlMap::refs(const char* key) const {
    std::vector<model::Ref> out;
    const Entry* e = find(key);
    if (!e || !e->value.IsSequence()) {
        texts(key);  // reports the wrong shape, if any
        return out;
    }
    for (const auto& item : e->value) {
        if (item.IsScalar())
            out.push_back({item.Scalar(), pos_of(*ctx_, item.Mark())});
        else
            error(pos_of(*ctx_, item.Mark()), std::string("expected an id in '") + key + "', found " + shape(item));
    }
    return out;
}

std::optional<double> YamlMap::number(const char* key) const {
    const std::string t = text(key);
    if (t.empty()) return std::nullopt;
    try {
        size_t used = 0;
        const double v = std::stod(t, &used);
        if (used == t.size() && std::isfinite(v) && std::fabs(v) <= max_number) return v;
        if (used == t.size()) {
            error(value_pos(key),
                  std::isfinite(v) ? std::string("number out of range for '") + key + "': '" + t + "'"
                                   : std::string("expected a finite number for '") + key + "', found '" + t + "'",
                  "numbers must be finite and at most 1e15 either side of zero");
            return std::nullopt;
        }
    } catch (const std::exception&) {
    }
    error(value_pos(key), std::string("expected a number for '") + key + "', found '" + t + "'",
          "write digits only, e.g. 100000");
    return std::nullopt;
}

bool YamlMap::flag(const char* key, bool fallback) const {
    const std::string t = text(key);
    if (t.empty()) return fallback;
    if (t == "true" || t == "yes") return true;
    if (t == "false" || t == "no") return false;
    error(value_pos(key), std::string("expected true or false for '") + key + "', found '" + t + "'");
    return fallback;
}

std::optional<YamlMap> YamlMap::map(const char* key, bool required) const {
    const Entry* e = find(key);
    if (!e) {
        if (required) error(pos(), std::string("missing required field '") + key + "'");
        return std::nullopt;
    }
    if (e->value.IsMap()) return YamlMap(*ctx_, e->value);
    if (!e->value.IsNull() || required)
        error(value_pos(key), std::string("expected a set of fields for '") + key + "', found " + shape(e->value),
              "indent the fields on the lines below it");
    return std::nullopt;
}

std::vector<YamlMap> YamlMap::maps(const char* key, bool required) const {
    std::vector<YamlMap> out;
    const Entry* e = find(key);
    if (!e || e->value.IsNull()) {
        if (required)
            error(e ? value_pos(key) : pos(), std::string("missing required field '") + key + "'",
                  std::string("add '") + key + ":' with at least one item");
        return out;
    }
    if (!e->value.IsSequence()) {
        error(value_pos(key), std::string("expected a list for '") + key + "', found " + shape(e->value),
              "write each item on its own line starting with '- '");
        return out;
    }
    for (const auto& item : e->value) {
        if (item.IsMap())
            out.emplace_back(*ctx_, item);
        else
            error(pos_of(*ctx_, item.Mark()),
                  std::string("expected a set of fields in '") + key + "', found " + shape(item),
                  "each item needs 'name: value' lines, e.g. '- id: ...'");
    }
    return out;
}

std::vector<std::pair<std::string, diag::SourcePos>> YamlMap::entries() const {
    std::vector<std::pair<std::string, diag::SourcePos>> out;
    for (const auto& e : entries_) out.emplace_back(e.key, pos_of(*ctx_, e.key_node.Mark()));
    return out;
}

void YamlMap::allow_only(const std::vector<std::string>& allowed) const {
    for (const auto& e : entries_) {
        bool known = false;
        for (const auto& a : allowed) known = known || a == e.key;
        if (!known)
            error(pos_of(*ctx_, e.key_node.Mark()), "unknown field '" + e.key + "'",
                  diag::did_you_mean(e.key, allowed).empty()
                      ? "remove it, or see content/README.md for the fields allowed here"
                      : diag::did_you_mean(e.key, allowed));
    }
}

std::optional<std::string> choice(const YamlMap& m, const char* key, const std::vector<std::string>& allowed,
                                  bool required) {
    const std::string value = m.text(key, required);
    if (value.empty()) return std::nullopt;
    for (const auto& a : allowed)
        if (a == value) return value;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    const std::string guess = diag::did_you_mean(value, allowed);
    m.error(m.value_pos(key), std::string("unknown ") + key + " '" + value + "'",
            (guess.empty() ? "" : guess + " ") + "use one of: " + list);
    return std::nullopt;
}

}  // namespace hwbgen::load::detail
