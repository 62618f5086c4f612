#pragma once
// One place from content to rendered files in memory: the part of a build that `build` then
// writes to disk and `serve` keeps in memory, so both give the same bytes.
#include <memory>
#include <string>
#include <vector>

#include "derive/indicator_figures.hpp"
#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "load/parse_cache.hpp"
#include "model/easy_read.hpp"
#include "model/indicator.hpp"
#include "model/strategy.hpp"
#include "model/system.hpp"
#include "render/site.hpp"

namespace hwbgen::cli {

/// What every place is built against: the system, the indicators and their index. The index
/// and every place's figures point into `indicators`, so this stays where it was made.
struct SharedInputs {
    model::System system;
    model::IndicatorSet indicators;
    std::unique_ptr<derive::IndicatorIndex> index;  ///< null when the indicators have errors
    model::EasyReadResources easy_read;             ///< word lists and pictures for Easy Read

    SharedInputs() = default;
    SharedInputs(const SharedInputs&) = delete;
    SharedInputs& operator=(const SharedInputs&) = delete;
};

/// Loads and checks content/system.yaml and indicators/, and checks the place folder names
/// (`known`); problems go to `diags`.
void load_shared(const load::ContentTree& tree, const std::vector<std::string>& known, SharedInputs& shared,
                 diag::Diagnostics& diags);

/// A place built in memory.
struct PlaceBuild {
    diag::Diagnostics diags;
    model::Place place;
    std::vector<derive::IndicatorFigure> figures;
    std::vector<render::OutputFile> files;
    std::vector<render::PrintJob> print_jobs;  ///< pages to print as PDFs once staged
};

/// load -> check -> derive -> render for one place; each stage runs only on what the one
/// before it read cleanly, so one mistake is reported once. With `check_only` it stops after
/// checking. `cache` (may be null) spares parsing files read before.
void build_place(const load::ContentTree& tree, const SharedInputs& shared, const std::string& id, bool check_only,
                 load::ParseCache* cache, PlaceBuild& out, const render::RenderOptions& render_options = {});

/// The parts of a place the system page reads (see render_system): all a build needs to keep
/// of a place once its files are made.
model::Place system_view(const model::Place& place);

/// Call before building places on several threads (works around GCC bug 77704 in std::regex).
void fill_locale_caches();

}  // namespace hwbgen::cli
