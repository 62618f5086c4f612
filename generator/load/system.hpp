#pragma once
/// Loading content/system.yaml: the name of the system the places make up.
#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/system.hpp"

namespace hwbgen::load {

/// Reads content/system.yaml when there is one; without it, the default system (a generic
/// name). Problems go to `diags`.
model::System load_system(const ContentTree& tree, diag::Diagnostics& diags);

}  // namespace hwbgen::load
