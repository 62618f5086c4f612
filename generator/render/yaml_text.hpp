#pragma once
/// Writing YAML text that people then edit by hand: scalars that survive any content, and
/// Markdown as literal blocks. Used by `new-cycle` and by `updates import`.
#include <string>
#include <vector>

#include "model/cycle.hpp"

namespace hwbgen::render {

/// A double-quoted YAML scalar: safe for any text, on one line.
std::string yaml_quoted(const std::string& text);

/// `indent key: |` with the Markdown below it, which editors can change in place; quoted when
/// a literal block could not hold the text as it is.
std::string yaml_block(const std::string& key, const std::string& text, const std::string& indent);

/// One entry of a cycle's `updates:` list, starting `indent- item: id`, with `comments` as
/// `# ...` lines under the id. Empty fields are left out, so a short update stays short.
std::string update_entry(const model::Update& update, const std::vector<std::string>& comments,
                         const std::string& indent);

}  // namespace hwbgen::render
