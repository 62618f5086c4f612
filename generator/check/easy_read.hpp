#pragma once
/// The Easy Read rules: short sentences, one idea each, no unexplained hard words, no
/// abbreviations or percentages, numbers as digits, active voice, a short document.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/strategy.hpp"

namespace hwbgen::check {

/// Every rule's name, as used in messages and in place.yaml's `easy_read_rules`.
const std::vector<std::string>& easy_read_rule_names();

/// Checks every easy_read block of the place. Each problem names its rule, e.g.
/// "[easy-read:sentence-length]", and says how to fix it. A place may set a rule to
/// "warning" or "off" in place.yaml under `easy_read_rules`.
void check_easy_read(const model::Place& place, const load::ContentTree& tree, diag::Diagnostics& diags);

/// "8 out of 10" for 80%, "1 out of 4" for 1/4: the Easy Read way to say a share.
std::string out_of(double numerator, double denominator);

}  // namespace hwbgen::check
