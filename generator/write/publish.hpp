#pragma once
/// Writing single files so readers (and other builds) never see a part of one. Whole sites are
/// published through SiteUpdate (site_update.hpp).
#include <string>

#include "diag/diagnostic.hpp"

namespace hwbgen::write {

/// Writes one file through a temporary file of a name no other process or thread uses, then a
/// rename, so readers see the old or the new bytes, never a part. Creates the folder if needed.
/// Replaces whatever `path` is; callers decide first whether they may.
bool replace_file(const std::string& path, const std::string& bytes, diag::Diagnostics& diags);

/// Writes a file that must not exist yet (and is not a symlink): the bytes go to a temporary file
/// first and are linked into place, so the file appears whole or not at all and nothing is ever
/// overwritten. On failure `error` says why (EEXIST: it exists).
bool create_new_file(const std::string& path, const std::string& bytes, std::string& error);

/// True for a relative path with no "..", no absolute start and no empty or "." parts.
bool is_safe_relative_path(const std::string& path);

}  // namespace hwbgen::write
