#pragma once
/// Marking up abbreviations on their first use in a page, as WCAG 3.1.4 asks.
#include <string>
#include <vector>

namespace hwbgen::render {

struct Abbreviation {
    std::string term;     ///< as written in text, e.g. "HWB"
    std::string meaning;  ///< its expansion
};

/// Wraps the first whole-word use of each term in the HTML's text (not inside tags, links'
/// attributes, existing <abbr> or <code>) in <abbr title="meaning">. A plural or possessive
/// ("HWBs", "ICS's") counts as a use of the term.
std::string mark_abbreviations(const std::string& html, const std::vector<Abbreviation>& terms);

}  // namespace hwbgen::render
