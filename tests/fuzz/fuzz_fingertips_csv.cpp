// libFuzzer target: any bytes as a Fingertips download, through reading, limits and verdicts.
#include <cstdint>
#include <string>

#include "derive/indicator_figures.hpp"
#include "derive/row_assessment.hpp"
#include "load/fingertips_csv.hpp"
#include "load/source_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    hwbgen::diag::Diagnostics diags;
    const auto text = hwbgen::load::prepare_text("f.csv", std::string(reinterpret_cast<const char*>(data), size),
                                                 diags);
    if (!text) return 0;
    hwbgen::model::IndicatorSet set;
    set.values = hwbgen::load::read_fingertips_csv("f.csv", *text, diags);
    hwbgen::model::IndicatorDefinition d;
    d.id = "x";
    d.fingertips_id = set.values.empty() ? 1 : set.values.front().indicator_id;
    d.value_type = hwbgen::model::ValueType::proportion;
    d.multiplier = 100;
    set.definitions.push_back(d);
    hwbgen::derive::complete_limits(set);
    hwbgen::derive::assess_rows(set.values, set.definitions);
    hwbgen::model::Place place;
    place.area_code = set.values.empty() ? "E1" : set.values.back().area_code;
    hwbgen::derive::indicator_figures(place, set);
    return 0;
}
