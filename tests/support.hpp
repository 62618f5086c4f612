#pragma once
// Small helpers shared by the tests.
#include <string>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"

namespace hwbgen::test {

/// Every diagnostic as "file:line:column: error: message [hint]", one per line, in order.
inline std::string summary(const diag::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.all()) {
        out += d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " +
               (d.severity == diag::Severity::error ? "error: " : "warning: ") + d.message;
        if (!d.hint.empty()) out += " [" + d.hint + "]";
        out += "\n";
    }
    return out;
}

inline const char* const minimal_place_yaml =
    "name: Testshire\n"
    "area_code: E10000099\n"
    "board: Testshire Health and Wellbeing Board\n"
    "strategy:\n"
    "  title: Joint Health and Wellbeing Strategy\n"
    "  years: 2022-2032\n"
    "vision: Everyone thrives\n"
    "glossary:\n"
    "  - term: HWB\n"
    "    meaning: Health and Wellbeing Board\n"
    "subgroups:\n"
    "  - id: cfp\n"
    "    name: Children and Families Partnership\n"
    "    covers: [best-start]\n";

inline const char* const minimal_section_yaml =
    "id: best-start\n"
    "title: Best Start for Life\n"
    "kind: life-course\n"
    "lead: cfp\n"
    "priorities:\n"
    "  - id: first-1001-days\n"
    "    title: First 1001 Critical days\n"
    "    success:\n"
    "      - More babies breastfed.\n"
    "    commitments:\n"
    "      - id: f1001-manifesto\n"
    "        text: We will write a manifesto.\n"
    "    indicators: [hpv-male]\n";

inline const char* const minimal_definitions_yaml =
    "indicators:\n"
    "  - id: hpv-male\n"
    "    name: HPV vaccination coverage for one dose (12 to 13 year old) (Male)\n"
    "    fingertips_id: 94136\n"
    "    unit: \"%\"\n"
    "    polarity: higher-is-better\n";

/// A small valid project: one place, one section, one indicator.
inline load::MemoryTree minimal_tree() {
    load::MemoryTree tree;
    tree.add("content/testshire/place.yaml", minimal_place_yaml);
    tree.add("content/testshire/sections/01-best-start.yaml", minimal_section_yaml);
    tree.add("indicators/definitions.yaml", minimal_definitions_yaml);
    return tree;
}

}  // namespace hwbgen::test
