#pragma once
// `hwbgen import-fingertips FILE...`: adds Fingertips downloads to indicators/data/.
#include <iosfwd>
#include <string>
#include <vector>

namespace hwbgen::cli {

struct ImportOptions {
    std::vector<std::string> files;
    std::string root = ".";
};

/// Checks each download, copies it to ROOT/indicators/data/ under its own name, and reports which definitions it feeds
/// and which rows it ignored and why. Nothing is copied from a file that is not a usable download. It replaces an
/// earlier file of the same name only if an earlier import wrote it and nobody changed it since
/// (indicators/data/.hwbgen-imported records what it wrote); anything else there is left alone.
int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hwbgen::cli
