#include "load/detail/yaml_limits.hpp"

#include <vector>

namespace hwbgen::load::detail {

namespace {

std::string with_digits(size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
}

// A bounded walk: it stops at the first broken limit, so it costs at most max_values_per_file
// steps whatever the file holds.
class LimitWalk {
public:
    explicit LimitWalk(const FileContext& ctx) : ctx_(ctx) {}

    bool visit(const YAML::Node& node, int depth) {
        if (++values_ > max_values_per_file)
            return fail(node,
                        "the file holds more than " + with_digits(max_values_per_file) +
                            " values once its aliases (*name) are expanded",
                        "write the values out, or use fewer aliases: each *name repeats everything under its &name");
        if (depth > max_nesting_depth)
            return fail(node, "values nest more than " + std::to_string(max_nesting_depth) + " levels deep",
                        "content never needs this many levels; check the indentation and brackets");
        if (node.IsScalar()) return scalar(node);
        if (node.IsSequence()) {
            for (const auto& item : node)
                if (!visit(item, depth + 1)) return false;
        } else if (node.IsMap()) {
            for (const auto& kv : node)
                if (!visit(kv.first, depth + 1) || !visit(kv.second, depth + 1)) return false;
        }
        return true;
    }

private:
    bool scalar(const YAML::Node& node) {
        const std::string& text = node.Scalar();
        if (text.size() > max_text_bytes)
            return fail(node, "text is longer than the limit of " + with_digits(max_text_bytes) + " bytes",
                        "split it into several fields or pages");
        if (text.find('\0') != std::string::npos)
            return fail(node, "text contains a NUL character (\\0), which cannot be published",
                        "remove the \\0 or \\x00 escape, or the invisible character, from the text");
        return true;
    }

    bool fail(const YAML::Node& node, std::string message, std::string hint) {
        ctx_.diags->error(pos_of(ctx_, node.Mark()), std::move(message), std::move(hint));
        return false;
    }

    const FileContext& ctx_;
    size_t values_ = 0;
};

// Where a flow collection may open: after a key's colon, a list dash, a comma or another
// opening bracket, or at the start of a line.
bool may_open_flow(const std::string& text, size_t at) {
    size_t i = at;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    if (i == 0 || text[i - 1] == '\n') return true;
    const char c = text[i - 1];
    return c == '[' || c == '{' || c == ',' || ((c == ':' || c == '-') && i < at);
}

}  // namespace

bool within_limits(const FileContext& ctx, const YAML::Node& root) {
    LimitWalk walk(ctx);
    return walk.visit(root, 0);
}

diag::SourcePos unclosed_bracket(const FileContext& ctx, const std::string& text, size_t error_offset) {
    std::vector<size_t> open;
    char quote = 0;
    for (size_t i = 0; i < text.size() && i < error_offset; ++i) {
        const char c = text[i];
        if (quote) {
            if (c == '\\' && quote == '"')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if ((c == '"' || c == '\'') && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
            quote = c;
        } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) {
            i = text.find('\n', i);
            if (i == std::string::npos) break;
        } else if ((c == '[' || c == '{') && may_open_flow(text, i)) {
            open.push_back(i);
        } else if ((c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        }
    }
    if (open.empty()) return {ctx.path, 0, 0};
    int line = 1, column = 1;
    for (size_t i = 0; i < open.back(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {ctx.path, line, column};
}

}  // namespace hwbgen::load::detail
