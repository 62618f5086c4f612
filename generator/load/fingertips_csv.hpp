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
/// after the parent.
///
/// The header is checked column by column: a standard column the verdicts need that is missing
/// or renamed is an error naming it, with the line and column of the header cell that seems to
/// replace it (then no row is read); an optional one is a warning. Rows are checked too: a value
/// that is not a number skips the row with a warning; a negative count or denominator, a count
/// above its denominator on a proportion (known from `definitions`), a lower limit above the
/// upper, or a number that is not finite is an error at the cell.
std::vector<model::IndicatorValue> read_fingertips_csv(const std::string& path, const std::string& text,
                                                       diag::Diagnostics& diags,
                                                       const std::vector<model::IndicatorDefinition>& definitions = {});

}  // namespace hwbgen::load
