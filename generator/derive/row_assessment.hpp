#pragma once
/// hwbgen's own verdicts for every row of a Fingertips download, to set beside the verdicts
/// Fingertips published in the same file.
#include <optional>
#include <string>
#include <vector>

#include "model/indicator.hpp"

namespace hwbgen::derive {

struct RowAssessment {
    const model::IndicatorValue* row = nullptr;
    std::optional<double> lower95, upper95;  ///< the limits used: the row's own, or computed
    std::string compared_england;            ///< Better, Similar, Worse, Higher, Lower, Not compared
    std::string compared_parent;
    std::string compared_england_998;  ///< at 99.8%, with the ci95-99.8 method; empty otherwise
    std::string trend;                 ///< over the five most recent points up to this row
    bool trend_fingertips_way = true;  ///< false when the data lacked what Fingertips' test uses
    std::string trend_note;            ///< why the trend cannot be calculated or may differ
};

/// Assesses every row in file order. A row's definition is found by Fingertips id (and sex,
/// where a definition names one); without one, polarity is unknown and comparisons read
/// Higher / Similar / Lower.
std::vector<RowAssessment> assess_rows(const std::vector<model::IndicatorValue>& rows,
                                       const std::vector<model::IndicatorDefinition>& definitions);

}  // namespace hwbgen::derive
