#pragma once
/// Turning a file's bytes into text the parsers can trust.
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"

namespace hwbgen::load {

/// Strips a UTF-8 byte-order mark and turns Windows (CRLF) and old Mac (CR) line endings into
/// LF. Reports invalid UTF-8 at its line and column and returns nothing in that case.
std::optional<std::string> prepare_text(const std::string& path, std::string bytes, diag::Diagnostics& diags);

/// Line `line` of a file's raw bytes, for showing under a diagnostic: a byte-order mark and
/// line endings are handled as prepare_text does, and invalid UTF-8 shows as '?'.
std::string printable_line(const std::string& bytes, int line);

/// The 1-based line `line` of `text`, without its newline; empty when out of range.
std::string line_of(const std::string& text, int line);

}  // namespace hwbgen::load
