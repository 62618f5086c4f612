#pragma once
// The .xlsx half of read_sheet: the zip container through libzip, its XML through pugixml.
#include "updates/sheet_reader.hpp"

namespace hwbgen::updates::detail {

std::optional<Sheet> read_xlsx(const std::string& path, const std::string& marker, diag::Diagnostics& diags,
                               const ReadLimits& limits);

/// `_x000D_` and the like (how Office writes control characters in XML) decoded.
std::string decode_office_escapes(const std::string& text);

/// A spreadsheet serial date (days since 1899-12-30, or 1904-01-01) as yyyy-mm-dd[ hh:mm].
std::string serial_date(double serial, bool date1904);

}  // namespace hwbgen::updates::detail
