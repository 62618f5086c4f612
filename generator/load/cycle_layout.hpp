#pragma once
/// Where each progress update sits in a cycle file's text, so a tool can replace one update
/// and leave every other byte (comments, layout, the board paper) as the author wrote it.
#include <optional>
#include <string>
#include <vector>

namespace hwbgen::load {

/// One entry of the `updates:` list: whole lines [begin, end) of the text, without the blank
/// and comment lines that follow it (they introduce the next entry).
struct UpdateSpan {
    std::string item;  ///< its `item:` id; empty when the entry has none
    size_t begin = 0;
    size_t end = 0;
};

struct CycleLayout {
    bool has_updates = false;  ///< the file has an `updates:` key
    bool block_list = false;   ///< written as a `- item:` list, so entries can be spliced
    size_t updates_begin = 0;  ///< start of the `updates:` line
    size_t updates_end = 0;    ///< end of the list's last line (where new entries go)
    std::string indent;        ///< what comes before each entry's '-'
    std::vector<UpdateSpan> entries;
};

/// The layout of a cycle file's text (already through prepare_text). Nothing when the text is
/// not YAML with a mapping at the top; `error` then says why.
std::optional<CycleLayout> cycle_layout(const std::string& text, std::string& error);

}  // namespace hwbgen::load
