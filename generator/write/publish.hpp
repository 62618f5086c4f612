#pragma once
/// Writing a place's site so readers never see a half-built one.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "render/site.hpp"

namespace hwbgen::write {

/// Writes `files` into a fresh folder beside `out_dir/place_id`, then swaps it into place in one
/// step (renameat2 RENAME_EXCHANGE where the system has it). On any failure the previous output
/// is left exactly as it was and the problem goes to `diags`. Paths that would leave the
/// place's folder are refused.
bool publish_place(const std::string& out_dir, const std::string& place_id,
                   const std::vector<render::OutputFile>& files, diag::Diagnostics& diags);

/// A place's new site written in full beside its published folder, not yet swapped in.
/// `fresh` is empty when staging failed (or after the swap or discard).
struct StagedPlace {
    std::string fresh, target, old;
};

/// publish_place in two halves, so places can be written at once and swapped in one at a time:
/// stage_place writes `files` into a fresh folder beside `out_dir/place_id` (on failure it
/// removes that folder and reports to `diags`); swap_staged swaps it in as publish_place does;
/// discard_staged removes a staged site that is not to be published.
StagedPlace stage_place(const std::string& out_dir, const std::string& place_id,
                        const std::vector<render::OutputFile>& files, diag::Diagnostics& diags);
bool swap_staged(StagedPlace& staged, diag::Diagnostics& diags);
void discard_staged(StagedPlace& staged);

/// Writes one file through a temporary file and a rename, so readers see the old or the new
/// bytes, never a part. Creates the folder if needed.
bool replace_file(const std::string& path, const std::string& bytes, diag::Diagnostics& diags);

/// Writes files that sit beside the places' folders (the system page and its stylesheet) into
/// `out_dir`, each through replace_file, in the order given. Refuses, before writing anything,
/// any path that would leave `out_dir`.
bool publish_files(const std::string& out_dir, const std::vector<render::OutputFile>& files,
                   diag::Diagnostics& diags);

/// True for a relative path with no "..", no absolute start and no empty or "." parts.
bool is_safe_relative_path(const std::string& path);

}  // namespace hwbgen::write
