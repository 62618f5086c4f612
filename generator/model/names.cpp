#include "model/cycle.hpp"
#include "model/indicator.hpp"
#include "model/strategy.hpp"

namespace hwbgen::model {

std::vector<SectionKind> default_section_kinds() {
    std::vector<SectionKind> kinds(2);
    kinds[0].id = "life-course";
    kinds[0].label = "Life-course stage";
    kinds[0].heading = "Our priorities across the life course";
    kinds[1].id = "cross-cutting";
    kinds[1].label = "Cross-cutting priority";
    kinds[1].heading = "Priorities across every stage of life";
    kinds[1].band = true;
    return kinds;
}

const SectionKind* find_kind(const Place& place, const std::string& id) {
    for (const auto& k : place.section_kinds)
        if (k.id == id) return &k;
    return nullptr;
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

const std::vector<PaperSectionName>& paper_section_names() {
    static const std::vector<PaperSectionName> names = {
        {"purpose", "Purpose of report"},
        {"recommendations", "Recommendations"},
        {"background", "Background"},
        {"current_progress", "Current progress"},
        {"performance_reporting", "Performance reporting"},
        {"communication_and_engagement", "Communication and Engagement"},
        {"next_steps", "Next steps"},
        {"resource_implications", "Resource Implications"},
        {"equality_and_human_rights", "Equality and Human Rights Implications"},
        {"crime_and_disorder", "Crime and Disorder Implications"},
        {"environmental", "Environmental Implications"},
        {"partnership_working", "Partnership Working"},
    };
    return names;
}

const std::vector<std::string>& generated_block_names() {
    static const std::vector<std::string> names = {"progress-at-a-glance", "escalations", "changes",
                                                   "indicator-changes", "timetable"};
    return names;
}

const char* rag_id(Rag rag) {
    static const char* const ids[] = {"not-started", "red", "amber", "green", "complete"};
    return ids[int(rag)];
}

const char* rag_label(Rag rag) {
    static const char* const labels[] = {"Not started", "Red", "Amber", "Green", "Complete"};
    return labels[int(rag)];
}

}  // namespace hwbgen::model
