// indicators/definitions.yaml and indicators/data/*.csv.
#include "load/detail/yaml_file.hpp"
#include "load/fingertips_csv.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"

#include <cstdlib>

namespace hwbgen::load {

using detail::YamlMap;

namespace {

std::optional<model::ValueType> read_value_type(const YamlMap& m) {
    // In the order of model::ValueType.
    static const std::vector<std::string> names = {"proportion",
                                                   "crude-rate",
                                                   "dsr",
                                                   "count",
                                                   "years",
                                                   "ratio",
                                                   "score",
                                                   "indirectly-standardised-proportion",
                                                   "indirectly-standardised-ratio"};
    const auto t = detail::choice(m, "value_type", names, false);
    for (size_t i = 0; t && i < names.size(); ++i)
        if (names[i] == *t) return static_cast<model::ValueType>(i);
    return std::nullopt;
}

model::Polarity read_polarity(const YamlMap& m) {
    const auto p = detail::choice(m, "polarity", {"higher-is-better", "lower-is-better", "no-judgement"}, true);
    if (p == std::optional<std::string>("higher-is-better")) return model::Polarity::higher_is_better;
    if (p == std::optional<std::string>("lower-is-better")) return model::Polarity::lower_is_better;
    return model::Polarity::no_judgement;
}

model::ComparisonMethod read_comparison(const YamlMap& m) {
    const auto c = detail::choice(m, "comparison", {"ci95", "ci95-99.8", "none"}, false);
    if (c == std::optional<std::string>("ci95-99.8")) return model::ComparisonMethod::ci95_998;
    if (c == std::optional<std::string>("none")) return model::ComparisonMethod::none;
    return model::ComparisonMethod::ci95;
}

model::CiMethod read_ci_method(const YamlMap& m) {
    // In the order of model::CiMethod after by_value_type, the default when the key is absent.
    static const std::vector<std::string> names = {"wilson",         "byars",  "exact-poisson",
                                                   "byars-or-exact", "dobson", "none"};
    const auto c = detail::choice(m, "ci_method", names, false);
    for (size_t i = 0; c && i < names.size(); ++i)
        if (names[i] == *c) return static_cast<model::CiMethod>(i + 1);
    return model::CiMethod::by_value_type;
}

model::TrendMethod read_trend_method(const YamlMap& m) {
    const auto t = detail::choice(m, "trend_method", {"limits", "proportions"}, false);
    return t == std::optional<std::string>("proportions") ? model::TrendMethod::proportions
                                                          : model::TrendMethod::limits;
}

model::IndicatorDefinition read_definition(const YamlMap& m, bool lenient) {
    m.allow_only({"id", "name", "fingertips_id", "unit", "value_type", "multiplier", "polarity", "comparison",
                  "ci_method", "trend_method", "sex", "section", "source", "licence", "target"});
    model::IndicatorDefinition d;
    d.id = m.text("id", !lenient);
    d.pos = m.value_pos("id");
    d.name = m.text("name", !lenient);
    if (const auto f = m.number("fingertips_id")) d.fingertips_id = static_cast<long>(*f);
    d.unit = m.text("unit", !lenient);
    d.value_type = read_value_type(m);
    d.multiplier = m.number("multiplier").value_or(1);
    d.polarity = read_polarity(m);
    d.comparison = read_comparison(m);
    d.ci_method = read_ci_method(m);
    d.trend_method = read_trend_method(m);
    d.sex = m.text("sex");
    d.section = m.text("section");
    d.source = m.text("source");
    d.licence = m.text("licence");
    if (const auto t = m.map("target")) {
        t->allow_only({"value", "year", "source"});
        if (const auto value = t->number("value"))
            d.target = model::Target{*value, t->text("year"), t->text("source")};
        else
            t->text("value", true);
    }
    return d;
}

// Local KPIs: the same fields as a Fingertips row, written as YAML and naming the definition.
model::IndicatorValue read_local_value(const YamlMap& m) {
    m.allow_only({"indicator", "area_code", "area_name", "period", "period_sortable", "sex", "age", "value", "lower",
                  "upper", "count", "denominator", "example"});
    model::IndicatorValue v;
    v.pos = m.pos();
    v.definition_id = m.text("indicator", true);
    v.area_code = m.text("area_code", true);
    v.area_name = m.text("area_name");
    v.time_period = m.text("period", true);
    v.period_sortable = static_cast<long>(m.number("period_sortable").value_or(0));
    if (v.period_sortable == 0) v.period_sortable = std::atol(v.time_period.substr(0, 4).c_str()) * 10000;
    v.sex = m.text("sex");
    v.age = m.text("age");
    v.value = m.number("value");
    v.lower95 = m.number("lower");
    v.upper95 = m.number("upper");
    v.count = m.number("count");
    v.denominator = m.number("denominator");
    v.example = m.flag("example", false);
    return v;
}

}  // namespace

std::vector<model::IndicatorDefinition> load_definitions(const ContentTree& tree, const std::string& path,
                                                         diag::Diagnostics& diags, bool lenient) {
    std::vector<model::IndicatorDefinition> out;
    if (const auto file = detail::read_yaml(tree, path, diags)) {
        const YamlMap top(file->context, file->root);
        top.allow_only({"indicators"});
        for (const auto& m : top.maps("indicators")) out.push_back(read_definition(m, lenient));
    }
    return out;
}

model::IndicatorSet load_indicators(const ContentTree& tree, diag::Diagnostics& diags) {
    model::IndicatorSet set;
    detail::report_unusable_files(tree, "indicators", diags);
    const std::string definitions = "indicators/definitions.yaml";
    if (tree.exists(definitions)) set.definitions = load_definitions(tree, definitions, diags);
    for (const auto& path : detail::yaml_files(tree, "indicators/data"))
        if (const auto file = detail::read_yaml(tree, path, diags)) {
            const YamlMap top(file->context, file->root);
            top.allow_only({"values"});
            for (const auto& m : top.maps("values")) set.values.push_back(read_local_value(m));
        }
    for (const auto& name : tree.files("indicators/data")) {
        if (name.size() < 4 || name.compare(name.size() - 4, 4, ".csv") != 0) continue;
        const std::string path = "indicators/data/" + name;
        auto bytes = tree.read(path);
        if (!bytes) {
            detail::report_problem(tree, path, diags);
            continue;
        }
        auto text = prepare_text(path, std::move(*bytes), diags);
        if (!text) continue;
        auto rows = read_fingertips_csv(path, *text, diags, set.definitions);
        set.values.insert(set.values.end(), rows.begin(), rows.end());
    }
    return set;
}

}  // namespace hwbgen::load
