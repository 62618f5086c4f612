#pragma once
/// The Easy Read rules, from Mencap's "Am I making myself clear?", the GOV.UK guidance on
/// accessible formats and the NHS Accessible Information Standard (content/README.md lists them).
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/easy_read.hpp"
#include "model/strategy.hpp"

namespace hwbgen::check {

/// Every rule's name, as used in messages and in place.yaml's `easy_read_rules`.
const std::vector<std::string>& easy_read_rule_names();

/// Checks every easy_read block of the place against the guidance, with the word lists and
/// pictures of `resources` (load::load_easy_read_resources) and the place's own. Each problem
/// names its rule, e.g. "[easy-read:jargon]", points at the word and says how to fix it. A place
/// may set a rule to "error", "warning" or "off" in place.yaml under `easy_read_rules`.
void check_easy_read(const model::Place& place, const model::EasyReadResources& resources,
                     const load::ContentTree& tree, diag::Diagnostics& diags);

/// "8 out of 10" for 80%, "1 out of 4" for 1/4: the Easy Read way to say a share.
std::string out_of(double numerator, double denominator);

}  // namespace hwbgen::check
