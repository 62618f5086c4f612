#include "cli/pipeline.hpp"

#include <ostream>

#include "check/check.hpp"
#include "check/easy_read.hpp"
#include "derive/indicator_figures.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"
#include "render/site.hpp"
#include "write/publish.hpp"

namespace hwbgen::cli {

namespace {

void print_diagnostics(diag::Diagnostics& diags, const load::ContentTree& tree, std::ostream& err) {
    diags.sort();
    for (const auto& d : diags.all()) {
        std::string line;
        if (d.pos.line > 0)
            if (const auto bytes = tree.read(d.pos.file)) line = load::printable_line(*bytes, d.pos.line);
        err << diag::format(d, line);
    }
}

// Names given on the command line must be places; a typo gets a suggestion.
bool check_place_names(const std::vector<std::string>& wanted, const std::vector<std::string>& known,
                       std::ostream& err) {
    bool ok = true;
    for (const auto& w : wanted) {
        bool found = false;
        for (const auto& k : known) found = found || k == w;
        if (found) continue;
        ok = false;
        err << "hwbgen: error: no place '" << w << "' under content/\n";
        const std::string hint = diag::did_you_mean(w, known);
        err << "hint: " << (hint.empty() ? "a place is a folder under content/ with a place.yaml" : hint) << "\n";
    }
    return ok;
}

// One place through check, derive, render and write. Returns false when it was not published.
bool build_place(const load::ContentTree& tree, const model::IndicatorSet& indicators, const std::string& id,
                 const BuildOptions& options, diag::Diagnostics& diags, std::ostream& out) {
    diag::Diagnostics place_diags;
    const model::Place place = load::load_place(tree, id, place_diags);
    // Each stage runs only on what the one before read cleanly, so one mistake is reported once.
    if (!place_diags.has_errors()) {
        check::check_place(place, indicators, place_diags);
        check::check_easy_read(place, tree, place_diags);
    }
    if (!place_diags.has_errors() && !options.check_only) {
        const auto figures = derive::indicator_figures(place, indicators);
        const auto files = render::render_place(tree, place, figures, place_diags);
        if (!place_diags.has_errors() && write::publish_place(options.out, id, files, place_diags) &&
            !options.quiet)
            out << "built " << id << ": " << files.size() << " files in " << options.out << "/" << id << "\n";
    }
    const bool ok = !place_diags.has_errors();
    diags.append(place_diags);
    return ok;
}

}  // namespace

int run_build(const BuildOptions& given, std::ostream& out, std::ostream& err) {
    BuildOptions options = given;
    if (options.out.empty()) options.out = options.root + "/site";
    const load::DiskTree tree(options.root);
    const auto known = load::find_places(tree);
    if (known.empty()) {
        err << "hwbgen: error: no places found under " << options.root << "/content\n"
            << "hint: run hwbgen from the project folder, or give --root\n";
        return exit_usage_error;
    }
    if (!check_place_names(options.places, known, err)) return exit_usage_error;
    const auto& places = options.places.empty() ? known : options.places;

    diag::Diagnostics diags;
    model::IndicatorSet indicators = load::load_indicators(tree, diags);
    check::check_indicators(indicators, diags);
    derive::complete_limits(indicators);
    bool ok = !diags.has_errors();
    for (const auto& id : places)
        if (ok || options.check_only) ok = build_place(tree, indicators, id, options, diags, out) && ok;
    print_diagnostics(diags, tree, err);
    if (diags.has_errors()) {
        err << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
            << (options.check_only ? "" : "; the previous site was left as it was") << "\n";
        return exit_content_error;
    }
    if (options.check_only && !options.quiet) out << "no problems found in " << places.size() << " place(s)\n";
    return exit_ok;
}

}  // namespace hwbgen::cli
