// Figures in prose: every ((name)) a cycle's text cites must be one hwbgen can work out.
#include <algorithm>

#include "check/check.hpp"
#include "check/detail/ref_checker.hpp"

namespace hwbgen::check {

namespace {

const char* const syntax_hint =
    "write ((name)), ((name in section-or-sub-group)) or ((name of indicator)); write \\(( to keep the brackets as "
    "they are";

std::string shown(const model::FigureRef& ref) {
    std::string out = "((" + ref.name;
    if (!ref.preposition.empty()) out += " " + ref.preposition + " " + ref.target;
    return out + "))";
}

std::vector<std::string> group_ids(const model::Place& place) {
    std::vector<std::string> ids = detail::ids_of(place.sections);
    for (const auto& s : place.subgroups) ids.push_back(s.id);
    return ids;
}

// True when the indicator has a value for the place: a figure of it can be shown.
bool has_value(const model::IndicatorSet& indicators, const std::string& id, const std::string& area) {
    for (const auto& d : indicators.definitions) {
        if (d.id != id) continue;
        for (const auto& row : indicators.values)
            if (row.area_code == area && row.value && model::row_matches(d, row)) return true;
    }
    return false;
}

class FigureChecker {
public:
    FigureChecker(const model::Place& place, const model::IndicatorSet& indicators, diag::Diagnostics& diags)
        : place_(place), indicators_set_(indicators), diags_(diags),
          groups_(diags, "section or sub-group", group_ids(place), "sections and sub-groups"),
          indicators_(diags, "indicator", detail::ids_of(indicators.definitions)) {}

    void check(const model::Cycle& cycle, const model::FigureUse& use, bool first) const {
        const auto& ref = use.ref;
        if (!use.plain_field.empty())
            return diags_.error(use.pos, "'" + use.plain_field + "' is plain text and cannot cite figures",
                                "write the words themselves; figures work in paragraphs, summaries and updates");
        if (!ref.problem.empty()) return diags_.error(use.pos, "cannot read the figure: " + ref.problem, syntax_hint);
        const model::FigureName* name = model::find_figure_name(ref.name, ref.preposition);
        if (!name) return unknown(use);
        if (!target_fits(*name, use)) return;
        if (name->annual && !cycle.annual)
            diags_.error(use.pos, "'" + ref.name + "' counts over the year, so only an annual cycle can cite it",
                         "set 'annual: true' for this cycle, or cite '" + ref.name.substr(5) +
                             "' for this cycle alone");
        if (ref.has_forms && !name->count)
            diags_.error(use.pos, "'" + ref.name + "' is not a number, so it takes no singular/plural words",
                         "remove ': ...' from " + shown(ref));
        warn_if_empty(cycle, use, first);
    }

private:
    // A figure that names something real but has no value here reads "(not available)".
    void warn_if_empty(const model::Cycle& cycle, const model::FigureUse& use, bool first) const {
        const auto& ref = use.ref;
        std::string why;
        if (ref.name == "previous-date" && first) why = "this is the first cycle";
        if (ref.name == "period" && ref.preposition.empty() && cycle.period.empty()) why = "the cycle has no 'period'";
        if (ref.preposition == "of" && !ref.target.empty() && known_indicator(ref.target) &&
            !has_value(indicators_set_, ref.target, place_.area_code))
            why = "indicator '" + ref.target + "' has no value for " + place_.area_code;
        if (!why.empty())
            diags_.warning(use.pos, shown(ref) + " has nothing to show: " + why,
                           "the paper shows '(not available)' in its place");
    }

    bool known_indicator(const std::string& id) const {
        for (const auto& d : indicators_set_.definitions)
            if (d.id == id) return true;
        return false;
    }

    void unknown(const model::FigureUse& use) const {
        std::string hint = diag::did_you_mean(use.ref.name, model::figure_name_list());
        if (hint.empty()) hint = "content/README.md lists the figures a cycle can cite ('Figures in prose')";
        diags_.error(use.pos, "unknown figure '" + use.ref.name + "'", hint);
    }

    // The name's target: an indicator with "of", a section or sub-group with "in", or nothing.
    bool target_fits(const model::FigureName& name, const model::FigureUse& use) const {
        const auto& ref = use.ref;
        const bool wants_indicator = name.target == model::FigureTarget::indicator;
        if (wants_indicator && ref.preposition != "of") {
            diags_.error(use.pos, "'" + ref.name + "' is a figure of an indicator",
                         "write ((" + ref.name + " of <indicator id>)), e.g. ((" + ref.name +
                             " of smoking-prevalence))");
            return false;
        }
        if (ref.preposition == "in" && name.target != model::FigureTarget::group) {
            diags_.error(use.pos, "'" + ref.name + "' is for the whole cycle and cannot be narrowed with 'in'",
                         "write ((" + ref.name + ")); counts by rating, 'reported' and 'escalations' take 'in'");
            return false;
        }
        const diag::SourcePos target_pos{use.pos.file, use.pos.line,
                                         use.pos.column + int(ref.name.size() + ref.preposition.size()) + 2};
        if (wants_indicator) indicators_({ref.target, target_pos});
        if (ref.preposition == "in") groups_({ref.target, target_pos});
        return true;
    }

    const model::Place& place_;
    const model::IndicatorSet& indicators_set_;
    diag::Diagnostics& diags_;
    detail::RefChecker groups_, indicators_;
};

}  // namespace

void check_cycle_figures(const model::Place& place, const model::IndicatorSet& indicators, diag::Diagnostics& diags) {
    const FigureChecker checker(place, indicators, diags);
    for (const auto& cycle : place.cycles)
        for (const auto& use : cycle.figure_uses) checker.check(cycle, use, &cycle == &place.cycles.front());
}

}  // namespace hwbgen::check
