#pragma once
/// Cells of the CSV files hwbgen publishes, safe to open in a spreadsheet.
#include <string>

namespace hwbgen::render {

/// One CSV cell, quoted when needed (RFC 4180). A text that a spreadsheet would run as a
/// formula (starting with '=', '+', '-', '@', a tab or a carriage return: the OWASP rule) gets a
/// leading apostrophe, so it shows as typed. In a `numeric` column a value that reads as a
/// finite number (like -3.2) is kept as it is.
std::string csv_cell(const std::string& text, bool numeric = false);

}  // namespace hwbgen::render
