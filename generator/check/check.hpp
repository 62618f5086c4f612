#pragma once
/// Cross-checks between what was loaded: ids, references and the rules that make URLs safe.
#include "diag/diagnostic.hpp"
#include "model/indicator.hpp"
#include "model/strategy.hpp"

namespace hwbgen::check {

/// Reports duplicate ids, ids that are not slugs, references to unknown sub-groups, sections
/// and indicators, and page ids that would clash with the site's own pages.
void check_place(const model::Place& place, const model::IndicatorSet& indicators, diag::Diagnostics& diags);

/// Reports problems in the reporting cycles: updates for unknown commitments or projects, an
/// item updated twice, unknown sub-groups and PLUS groups, dates outside the file's month or
/// before the previous cycle, and appendix links that go nowhere.
void check_cycles(const model::Place& place, diag::Diagnostics& diags);

/// Reports figures a cycle's text cites that cannot be worked out: unknown names (with a
/// did-you-mean), unknown sections, sub-groups or indicators, and year figures outside an
/// annual cycle. Each at the name's file:line:column.
void check_cycle_figures(const model::Place& place, const model::IndicatorSet& indicators, diag::Diagnostics& diags);

/// Reports duplicate or malformed indicator ids.
void check_indicators(const model::IndicatorSet& indicators, diag::Diagnostics& diags);

/// True for ids made of lower-case letters, digits and single hyphens ("early-years").
bool is_slug(const std::string& id);

}  // namespace hwbgen::check
