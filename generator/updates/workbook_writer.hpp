#pragma once
/// The workbook a sub-group or lead fills in: instructions, then one row per item it owns.
#include <string>

#include "updates/history.hpp"
#include "updates/owners.hpp"

namespace hwbgen::updates {

struct WorkbookRequest {
    const model::Place* place = nullptr;
    std::string cycle;  ///< yyyy-mm
    Grouping by = Grouping::subgroup;
    const Owner* owner = nullptr;
    UpdatesByItem last;     ///< each item's update before this cycle, shown for reference
    UpdatesByItem prefill;  ///< updates this cycle's file already holds, filled in
};

/// Writes the .xlsx to `path` (which must not exist yet). The same request gives the same
/// bytes. Returns "" on success, else what went wrong.
std::string write_workbook(const WorkbookRequest& request, const std::string& path);

/// The text of the hidden Workbook cell: "place cycle grouping owner".
std::string workbook_tag(const WorkbookRequest& request);

}  // namespace hwbgen::updates
