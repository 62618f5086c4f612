#pragma once
/// Turning the rows of returned workbooks into progress updates, checking every cell against
/// the strategy: known ids, the right owner, a rating from the list, safe text, and the same
/// item not given two different updates.
#include <map>
#include <string>
#include <vector>

#include "updates/history.hpp"
#include "updates/owners.hpp"
#include "updates/sheet_reader.hpp"

namespace hwbgen::updates {

/// What an import is checked against.
struct ImportContext {
    const model::Place* place = nullptr;
    const std::vector<derive::Item>* items = nullptr;
    std::string cycle;      ///< yyyy-mm
    UpdatesByItem current;  ///< what the cycle file holds now
    UpdatesByItem before;   ///< each item's update before this cycle
};

/// An update that came back, and where it came from.
struct Returned {
    model::Update update;
    std::string where;  ///< its row: "cfp.xlsx: Updates!A5"
};

/// What one file gave back.
struct FileReturn {
    std::string file;
    std::string owner;                  ///< the owner's id, when the workbook says
    Grouping by = Grouping::subgroup;   ///< how the workbook's owner was chosen
    std::vector<std::string> returned;  ///< item ids with an update, in the file's order
};

struct ImportResult {
    std::map<std::string, Returned> updates;  ///< by item id
    std::vector<FileReturn> files;
};

/// Reads one sheet's rows into `result`; every problem goes to `diags` at its cell.
void read_returned(const ImportContext& context, const Sheet& sheet, ImportResult& result, diag::Diagnostics& diags);

/// The rating written in a cell ("Amber", "amber", "not-started"); false when none matches.
bool parse_rating(const std::string& text, model::Rag& rag);

}  // namespace hwbgen::updates
