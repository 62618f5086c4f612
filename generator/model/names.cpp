#include "model/indicator.hpp"
#include "model/strategy.hpp"

namespace hwbgen::model {

const char* to_string(SectionKind kind) {
    return kind == SectionKind::life_course ? "life-course" : "cross-cutting";
}

const char* tier_label(Tier tier) {
    switch (tier) {
        case Tier::do_: return "Do";
        case Tier::sponsor: return "Sponsor";
        case Tier::watch: return "Watch";
        case Tier::unassigned: break;
    }
    return "Not yet assigned";
}

}  // namespace hwbgen::model
