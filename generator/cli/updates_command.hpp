#pragma once
// `hwbgen updates export|import`: the leads' workbooks, out and back into the cycle file.
#include <iosfwd>
#include <string>
#include <vector>

namespace hwbgen::cli {

struct UpdatesOptions {
    std::string place;
    std::string cycle;  ///< yyyy-mm
    std::string root = ".";
    std::string by = "subgroup";     ///< export: subgroup or lead
    std::string out;                 ///< export: folder; default <place>-<cycle>-updates
    std::vector<std::string> files;  ///< import: the returned .xlsx and .csv files
};

/// Writes one workbook per owner into the out folder. Never replaces a file hwbgen did not
/// write there (or one changed since); then nothing at all is written.
int run_updates_export(const UpdatesOptions& options, std::ostream& out, std::ostream& err);

/// Checks every returned file and merges them into content/<place>/cycles/<cycle>.yaml; on any
/// problem writes nothing and exits 1.
int run_updates_import(const UpdatesOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hwbgen::cli
