#pragma once
// View data for each kind of page: what the templates see, never the model itself.
#include <string>
#include <vector>

#include "derive/cycle_figures.hpp"
#include "derive/indicator_figures.hpp"
#include "derive/progress.hpp"
#include "model/strategy.hpp"
#include "render/detail/theme.hpp"
#include "render/markdown.hpp"

namespace hwbgen::render::detail {

struct SiteContext {
    const model::Place& place;
    const std::vector<derive::IndicatorFigure>& figures;
};

View list_view();
/// Sets `name` and `has_<name>` (Mustache treats an empty string as true, so templates test
/// `has_<name>` instead).
void set_text(View& v, const std::string& name, const std::string& value);
/// A Markdown field as both HTML (`<name>_html`) and Markdown (`<name>_md`), plus `has_<name>`.
void set_markdown(View& v, const std::string& name, const std::string& markdown, bool inline_only = false);

/// People to contact: name, and role, email and phone where given.
View contact_list(const std::vector<model::Contact>& contacts);

std::string section_url(const model::Section& s);
std::string priority_url(const model::Section& s, const model::Priority& p);

/// "Not compared" -> "not-compared", for CSS classes.
std::string css_class(std::string word);
std::string indicator_url(const model::IndicatorDefinition& d);

View home_view(const SiteContext& ctx);
View plan_view(const SiteContext& ctx);
View section_view(const SiteContext& ctx, const model::Section& s);
View priority_view(const SiteContext& ctx, const model::Section& s, size_t index);
View indicator_table_view(const SiteContext& ctx, const std::vector<model::Ref>* only);
View indicator_view(const SiteContext& ctx, const derive::IndicatorFigure& f);
/// The indicator's rows for the place, with England's value, as a CSV file.
std::string indicator_csv(const derive::IndicatorFigure& f);
View glossary_view(const SiteContext& ctx);
View principles_view(const SiteContext& ctx);
View subgroups_view(const SiteContext& ctx);
View timetable_view(const SiteContext& ctx);
View foreword_view(const SiteContext& ctx);
View page_view(const model::Page& page);
View easy_read_view(const SiteContext& ctx);
View easy_read_section_view(const model::Section& s);
View accessibility_view(const SiteContext& ctx);

/// "2022-12-01" -> "1 December 2022".
std::string long_date(const std::string& iso);
std::string report_url(const model::Cycle& cycle);
std::string board_paper_url(const model::Cycle& cycle);
View reports_index_view(const SiteContext& ctx);
View report_view(const SiteContext& ctx, const derive::CycleFigures& figures);
View outcomes_report_view(const SiteContext& ctx, const model::Cycle& cycle);
View board_paper_view(const SiteContext& ctx, const derive::CycleFigures& figures);
/// A generated block of a board paper ("progress-at-a-glance", ...): `is_<name>` set, with the
/// data its partial shows.
View generated_block_view(const SiteContext& ctx, const derive::CycleFigures& figures, const std::string& name);

}  // namespace hwbgen::render::detail
