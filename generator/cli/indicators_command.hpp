#pragma once
// `hwbgen indicators FILE.csv...`: hwbgen's verdicts for every row of Fingertips downloads.
#include <iosfwd>
#include <string>
#include <vector>

namespace hwbgen::cli {

struct IndicatorsOptions {
    std::vector<std::string> files;
    std::string definitions;  ///< optional definitions file (polarity, comparison by fingertips_id)
};

/// Prints one JSON object per data row (JSON lines) to `out`; problems go to `err`.
int run_indicators(const IndicatorsOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hwbgen::cli
