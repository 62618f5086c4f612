#pragma once
/// Reading what the Easy Read rules and pages draw on: the word lists and the picture sets.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/easy_read.hpp"

namespace hwbgen::load {

/// Reads templates/easy-read/words.yaml, the drawn pictures in templates/assets/pictures/ and
/// the symbol sets of templates/easy-read/pictures.yaml. Each is optional; a missing set's
/// pictures are still listed (so `check` can say how to install it).
model::EasyReadResources load_easy_read_resources(const ContentTree& tree, diag::Diagnostics& diags);

/// The pictures a place brings itself, in content/<place_id>/templates/assets/pictures/.
std::vector<model::Picture> place_pictures(const ContentTree& tree, const std::string& place_id);

/// The picture called `name` for this place: its own first, then the shared ones; null if none.
const model::Picture* find_picture(const std::vector<model::Picture>& own, const model::EasyReadResources& shared,
                                   const std::string& name);

}  // namespace hwbgen::load
