#pragma once
// Printing diagnostics the way every command does: file:line:column, the line, a caret, a hint.
#include <iosfwd>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"

namespace hwbgen::cli {

/// Sorts `diags` and prints each with its source line read from `tree`.
void print_diagnostics(diag::Diagnostics& diags, const load::ContentTree& tree, std::ostream& err);

}  // namespace hwbgen::cli
