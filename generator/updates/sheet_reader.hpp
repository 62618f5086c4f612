#pragma once
/// Reading a returned workbook (.xlsx through libzip and pugixml, or .csv) into a plain grid of
/// cells, each with its spreadsheet position. Bounded: a file that would expand past the limits
/// is refused before it is inflated.
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace hwbgen::updates {

struct Cell {
    enum class Kind { text, number, date, boolean, formula, error };
    int row = 0;     ///< 1-based, as the spreadsheet shows it
    int column = 0;  ///< 0-based: A is 0
    Kind kind = Kind::text;
    std::string text;  ///< the value as text; for a formula, the formula
};

/// One sheet (or a CSV file): its cells, row by row.
struct Sheet {
    std::string file;  ///< as the user named it
    std::string name;  ///< the sheet's name; empty for CSV
    std::vector<Cell> cells;
    /// "cfp.xlsx: Updates!D14", or "cfp.csv: D14".
    std::string where(int row, int column) const;
};

/// The limits a returned file is held to.
struct ReadLimits {
    size_t file_bytes = 50u << 20;    ///< the file itself
    size_t part_bytes = 50u << 20;    ///< one part of the zip, uncompressed (a sheet)
    size_t total_bytes = 100u << 20;  ///< every part read, uncompressed
    size_t ratio = 100;               ///< uncompressed / compressed, for parts over 1 MB
    int rows = 20000;
    int columns = 500;
};

/// Reads the first sheet of `path` that has a cell reading `marker` (the Updates sheet), or the
/// whole CSV. Problems go to `diags`, positioned; nothing is returned when the file is refused.
std::optional<Sheet> read_sheet(const std::string& path, const std::string& marker, diag::Diagnostics& diags,
                                const ReadLimits& limits = {});

}  // namespace hwbgen::updates
