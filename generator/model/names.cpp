#include "model/indicator.hpp"
#include "model/strategy.hpp"

namespace hwbgen::model {

const char* to_string(SectionKind kind) {
    return kind == SectionKind::life_course ? "life-course" : "cross-cutting";
}

const char* to_string(Tier tier) {
    switch (tier) {
        case Tier::do_: return "do";
        case Tier::sponsor: return "sponsor";
        case Tier::watch: return "watch";
        case Tier::unassigned: break;
    }
    return "";
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

const char* to_string(Polarity p) {
    switch (p) {
        case Polarity::higher_is_better: return "higher-is-better";
        case Polarity::lower_is_better: return "lower-is-better";
        case Polarity::no_judgement: break;
    }
    return "no-judgement";
}

const char* to_string(ValueType t) {
    switch (t) {
        case ValueType::proportion: return "proportion";
        case ValueType::crude_rate: return "crude-rate";
        case ValueType::dsr: return "dsr";
        case ValueType::count: return "count";
        case ValueType::years: return "years";
        case ValueType::ratio: return "ratio";
        case ValueType::score: return "score";
    }
    return "";
}

}  // namespace hwbgen::model
