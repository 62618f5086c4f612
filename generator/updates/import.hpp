#pragma once
/// `updates import` as a library: read the returned files, check every cell, and work out the
/// cycle file as it would be, loaded and checked again, before anything is written.
#include <optional>
#include <string>
#include <vector>

#include "load/content_tree.hpp"
#include "updates/returned_updates.hpp"

namespace hwbgen::updates {

struct ImportPlan {
    std::string path;                  ///< content/<place>/cycles/<cycle>.yaml
    bool created = false;              ///< the cycle had no file: it starts as new-cycle would start it
    std::string original;              ///< the file's bytes now (empty when created)
    std::string merged;                ///< what to write; equal to `original` when nothing changed
    std::vector<std::string> changed;  ///< ids whose update changed, in strategy order
    std::string summary;               ///< per owner: came back, missing, changed since last cycle
};

/// The place as loaded from `tree` and checked; nothing when its content has errors (only
/// errors go to `diags`: warnings are for `hwbgen check`).
std::optional<model::Place> checked_place(const load::ContentTree& tree, const std::string& id,
                                          diag::Diagnostics& diags);

/// Everything short of writing. Nothing is returned when any problem was found; every
/// problem is in `diags`, positioned in the workbooks or the content.
std::optional<ImportPlan> plan_import(const load::ContentTree& tree, const std::string& place_id,
                                      const std::string& cycle, const std::vector<std::string>& files,
                                      diag::Diagnostics& diags);

}  // namespace hwbgen::updates
