// libFuzzer target: any bytes as a section file, and as place.yaml, through load and check.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "check/check.hpp"
#include "check/easy_read.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"

namespace {

const char* const place_yaml =
    "name: Fuzzshire\narea_code: E1\nboard: Board\nstrategy: {title: S, years: 2024-2029}\nvision: V\n"
    "subgroups: [{id: cfp, name: CFP, covers: [best-start]}]\n";

// A little of each word list, so the Easy Read word rules run on the fuzzed points too.
const hwbgen::model::EasyReadResources& easy_read() {
    static const hwbgen::model::EasyReadResources resources = [] {
        hwbgen::model::EasyReadResources r;
        r.words.jargon = {{"commissioning", "buying services", {}}, {"health inequalities", "unfair differences", {}}};
        r.words.idioms = {{"joined up", "working together", {}}, {"24/7", "every day and night", {}}};
        r.words.abbreviations = {"NHS", "A&E"};
        r.words.negative_words = {"unusual", "nothing"};
        return r;
    }();
    return resources;
}

void load_and_check(const hwbgen::load::MemoryTree& tree) {
    hwbgen::diag::Diagnostics diags;
    const auto indicators = hwbgen::load::load_indicators(tree, diags);
    const auto place = hwbgen::load::load_place(tree, "p", diags);
    hwbgen::check::check_place(place, indicators, diags);
    hwbgen::check::check_easy_read(place, easy_read(), tree, diags);
    // Every message prints short, whatever the line it points into.
    for (const auto& d : diags.all()) {
        const auto bytes = tree.read(d.pos.file);
        const std::string line = bytes && d.pos.line > 0 ? hwbgen::load::printable_line(*bytes, d.pos.line) : "";
        if (hwbgen::diag::format(d, line).size() > 4000) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    hwbgen::load::MemoryTree as_section;
    as_section.add("content/p/place.yaml", place_yaml);
    as_section.add("content/p/sections/01-x.yaml", input);
    load_and_check(as_section);
    hwbgen::load::MemoryTree as_place;
    as_place.add("content/p/place.yaml", input);
    as_place.add("indicators/definitions.yaml", input);
    load_and_check(as_place);
    return 0;
}
