#pragma once
/// Reading Fingertips "download data" CSV files as Fingertips writes them.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/indicator.hpp"

namespace hwbgen::load {

/// Parses one CSV download. Takes the quirks of real downloads: quoted fields with newlines,
/// mixed line endings, rows shorter than the header, an optional "Time period range" column,
/// England's area type written "England" or "Country", and the parent comparison column named
/// after the parent. Rows it cannot use are skipped with a warning that says why.
std::vector<model::IndicatorValue> read_fingertips_csv(const std::string& path, const std::string& text,
                                                       diag::Diagnostics& diags);

}  // namespace hwbgen::load
