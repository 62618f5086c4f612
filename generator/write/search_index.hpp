#pragma once
/// The search index of a staged place, built by Pagefind into its pagefind/ folder.
#include <string>

#include "diag/diagnostic.hpp"

namespace hwbgen::write {

/// Pagefind's program: $HWBGEN_PAGEFIND, else the copy npm installed under `install_dir`
/// (generator/pagefind/node_modules), else `pagefind` on PATH; empty when there is none.
std::string find_pagefind(const std::string& install_dir);

/// Indexes the pages of `place_dir` (their data-pagefind-body) into `place_dir`/pagefind/.
/// A failure is an error at `where`.
bool index_for_search(const std::string& place_dir, const std::string& pagefind, const std::string& where,
                      diag::Diagnostics& diags);

}  // namespace hwbgen::write
