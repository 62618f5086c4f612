#pragma once
// `hwbgen new-cycle PLACE YYYY-MM`: starts the next reporting cycle's file.
#include <iosfwd>
#include <string>

namespace hwbgen::cli {

struct NewCycleOptions {
    std::string place;
    std::string cycle;  ///< yyyy-mm
    std::string root = ".";
};

/// Writes content/<place>/cycles/<cycle>.yaml from the place's strategy and its last cycle.
/// Never overwrites: an existing file, or a cycle not after the latest one, is an error.
int run_new_cycle(const NewCycleOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hwbgen::cli
