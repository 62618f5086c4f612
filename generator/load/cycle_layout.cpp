#include "load/cycle_layout.hpp"

#include <yaml-cpp/yaml.h>

namespace hwbgen::load {

namespace {

size_t line_start(const std::string& text, size_t pos) {
    const size_t nl = pos == 0 ? std::string::npos : text.rfind('\n', pos - 1);
    return nl == std::string::npos ? 0 : nl + 1;
}

size_t indent_of(const std::string& text, size_t line) {
    size_t i = line;
    while (i < text.size() && text[i] == ' ') ++i;
    return i - line;
}

// Moves `end` back over blank lines and over comments indented no deeper than `indent`: those
// introduce what follows, so they stay with it.
size_t before_trailing_notes(const std::string& text, size_t begin, size_t end, size_t indent) {
    while (end > begin) {
        const size_t start = line_start(text, end - 1);
        const size_t spaces = indent_of(text, start);
        const size_t first = start + spaces;
        const size_t stop = text[end - 1] == '\n' ? end - 1 : end;
        const bool blank = first >= stop;
        const bool note = !blank && text[first] == '#' && spaces <= indent;
        if (!blank && !note) break;
        end = start;
    }
    return end;
}

std::string item_of(const YAML::Node& entry) {
    if (!entry.IsMap()) return {};
    const YAML::Node item = entry["item"];
    return item && item.IsScalar() ? item.Scalar() : std::string{};
}

void read_entries(const std::string& text, const YAML::Node& list, CycleLayout& out) {
    const size_t first = line_start(text, list.Mark().pos);
    out.indent = text.substr(first, indent_of(text, first));
    std::vector<size_t> starts;
    for (const auto& entry : list) starts.push_back(line_start(text, entry.Mark().pos));
    size_t i = 0;
    for (const auto& entry : list) {
        const size_t next = i + 1 < starts.size() ? starts[i + 1] : out.updates_end;
        const size_t end = before_trailing_notes(text, starts[i], next, out.indent.size());
        out.entries.push_back({item_of(entry), starts[i], end});
        ++i;
    }
    if (!out.entries.empty()) out.updates_end = out.entries.back().end;
}

}  // namespace

std::optional<CycleLayout> cycle_layout(const std::string& text, std::string& error) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        error = "invalid YAML at line " + std::to_string(e.mark.line + 1) + ": " + e.msg;
        return std::nullopt;
    }
    CycleLayout out;
    if (root.IsNull()) return out;
    if (!root.IsMap()) {
        error = "the file does not start with 'name: value' lines";
        return std::nullopt;
    }
    out.updates_end = text.size();
    YAML::Node updates;
    bool after = false;
    for (const auto& kv : root) {
        if (after) {  // the key after `updates:` ends its list
            out.updates_end = before_trailing_notes(text, out.updates_begin, line_start(text, kv.first.Mark().pos), 0);
            break;
        }
        if (kv.first.Scalar() != "updates") continue;
        out.has_updates = after = true;
        out.updates_begin = line_start(text, kv.first.Mark().pos);
        updates = kv.second;
    }
    if (!out.has_updates) return out;
    if (out.updates_end == text.size())
        out.updates_end = before_trailing_notes(text, out.updates_begin, text.size(), 0);
    // A block list starts on a line of its own after the key; `[]`, flow lists and an empty
    // value are rewritten whole instead.
    out.block_list = updates.IsSequence() && updates.size() > 0 &&
                     line_start(text, updates.Mark().pos) > out.updates_begin &&
                     updates.Style() == YAML::EmitterStyle::Block;
    if (out.block_list) read_entries(text, updates, out);
    return out;
}

}  // namespace hwbgen::load
