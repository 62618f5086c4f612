// hwbgen: builds Health and Wellbeing Board strategy websites from YAML content. The command
// line: its options, subcommands and which command each runs (main() is in entry_point.cpp).
#include <CLI/CLI.hpp>

#include <ostream>

#include "cli/command_line.hpp"
#include "cli/import_command.hpp"
#include "cli/indicators_command.hpp"
#include "cli/new_cycle_command.hpp"
#include "cli/pipeline.hpp"
#include "cli/serve_command.hpp"
#include "cli/updates_command.hpp"

namespace {

const char* const description = R"(hwbgen turns a joint health and wellbeing strategy, written as YAML files under
content/<place>/ with shared indicators under indicators/, into an accessible
website under site/<place>/: every page as HTML with a Markdown twin.

Typical use, from the project folder:
  hwbgen check                 find mistakes in the content, with file:line:column
  hwbgen build                 build every place into site/, and site/index.html over them
  hwbgen build PLACE           build one place (a folder name under content/)
  hwbgen serve                 preview the site at http://127.0.0.1:8080/ while you edit:
                               each saved file updates the open page, mistakes included
  hwbgen new-cycle PLACE YYYY-MM   start the next meeting's progress updates
  hwbgen updates export PLACE YYYY-MM     one workbook per sub-group to fill in
  hwbgen updates import PLACE YYYY-MM FILE...   check them and merge into the cycle

Exit codes: 0 success, 1 problems in the content or a failed write (nothing was
replaced), 2 wrong command-line usage or an output folder hwbgen refuses or
finds locked (nothing was written).)";

void add_common(CLI::App& cmd, hwbgen::cli::BuildOptions& o) {
    cmd.add_option("places", o.places, "Places to process (folder names under content/); default: all");
    cmd.add_option("--root", o.root, "Project folder holding content/, indicators/ and templates/")
        ->capture_default_str();
    cmd.add_flag("-q,--quiet", o.quiet, "Print only problems");
    cmd.add_option("-j,--jobs", o.jobs, "Places to process at once (default: one per processor core)");
}

}  // namespace

int hwbgen::cli::run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    CLI::App app{description, "hwbgen"};
    app.set_version_flag("--version", "hwbgen 0.1.0");
    app.require_subcommand(1);
    hwbgen::cli::BuildOptions build_options, check_options;
    check_options.check_only = true;

    auto* build = app.add_subcommand("build", "Check the content and build the site of each place");
    add_common(*build, build_options);
    build->add_option("--out", build_options.out,
                      "Output folder (default: ROOT/site). hwbgen writes only into a new or empty folder, or one it "
                      "made (it holds .hwbgen-site), and never into the project, its content, templates or "
                      "indicators, your home folder or /");
    build
        ->add_option("--wait", build_options.wait_seconds,
                     "Seconds to wait for another build into the same output folder to finish")
        ->capture_default_str();
    build->add_flag("!--no-pdf", build_options.pdf, "Skip printing the PDFs (quicker; pages then link to none)");
    build->add_flag("!--no-search", build_options.search,
                    "Skip the search index (the search page still lists every page)");
    auto* check = app.add_subcommand("check", "Check the content without building anything");
    add_common(*check, check_options);

    hwbgen::cli::ServeOptions serve_options;
    auto* serve = app.add_subcommand(
        "serve",
        "Preview the site in a browser while you edit: built in memory (nothing is written), rebuilt on "
        "every save, with mistakes shown in the page");
    serve->add_option("places", serve_options.places, "Places to preview (folder names under content/); default: all");
    serve->add_option("--root", serve_options.root, "Project folder holding content/, indicators/ and templates/")
        ->capture_default_str();
    serve->add_option("--port", serve_options.port, "Port to listen on (0: any free port)")->capture_default_str();
    serve
        ->add_option("--host", serve_options.host,
                     "Address to listen on; anything but 127.0.0.1 shows the preview to other computers")
        ->capture_default_str();
    serve->add_option("-j,--jobs", serve_options.jobs, "Places to build at once (default: one per processor core)");

    hwbgen::cli::IndicatorsOptions indicator_options;
    bool json = true;
    auto* indicators = app.add_subcommand(
        "indicators", "Compare every row of Fingertips downloads with England and its parent, and compute trends");
    indicators->add_option("files", indicator_options.files, "Fingertips 'download data' CSV files")
        ->required()
        ->check(CLI::ExistingFile);
    indicators
        ->add_option("--definitions", indicator_options.definitions,
                     "YAML giving polarity and comparison by fingertips_id (default: no judgement)")
        ->check(CLI::ExistingFile);
    indicators->add_flag("--json", json, "Print JSON lines, one object per row (the only format)");

    hwbgen::cli::ImportOptions import_options;
    auto* import = app.add_subcommand(
        "import-fingertips", "Add Fingertips downloads to indicators/data/ and say which indicators they feed");
    import->add_option("files", import_options.files, "Fingertips 'download data' CSV files")
        ->required()
        ->check(CLI::ExistingFile);
    import->add_option("--root", import_options.root, "Project folder")->capture_default_str();

    hwbgen::cli::NewCycleOptions cycle_options;
    auto* new_cycle = app.add_subcommand(
        "new-cycle",
        "Start the next reporting cycle: content/PLACE/cycles/YYYY-MM.yaml with last updates carried over");
    new_cycle->add_option("place", cycle_options.place, "The place (a folder name under content/)")->required();
    new_cycle->add_option("cycle", cycle_options.cycle, "The meeting's year and month, e.g. 2024-02")->required();
    new_cycle->add_option("--root", cycle_options.root, "Project folder")->capture_default_str();

    hwbgen::cli::UpdatesOptions export_options, import_updates_options;
    auto* updates = app.add_subcommand("updates", "The leads' progress updates, as spreadsheets: export, then import");
    updates->require_subcommand(1);
    auto* export_cmd = updates->add_subcommand(
        "export", "Write one workbook (.xlsx) per sub-group or lead, listing what it leads, to fill in");
    export_cmd->add_option("place", export_options.place, "The place (a folder name under content/)")->required();
    export_cmd->add_option("cycle", export_options.cycle, "The meeting's year and month, e.g. 2024-02")->required();
    export_cmd
        ->add_option("--by", export_options.by,
                     "One workbook per 'subgroup' (leading the section) or per 'lead' (of each item)")
        ->capture_default_str();
    export_cmd->add_option("--out", export_options.out, "Folder for the workbooks (default: PLACE-YYYY-MM-updates)");
    export_cmd->add_option("--root", export_options.root, "Project folder")->capture_default_str();
    auto* import_cmd = updates->add_subcommand(
        "import", "Check returned workbooks (.xlsx or .csv) and merge them into content/PLACE/cycles/YYYY-MM.yaml");
    import_cmd->add_option("place", import_updates_options.place, "The place (a folder name under content/)")
        ->required();
    import_cmd->add_option("cycle", import_updates_options.cycle, "The meeting's year and month, e.g. 2024-02")
        ->required();
    import_cmd->add_option("files", import_updates_options.files, "The returned workbooks")->required();
    import_cmd->add_option("--root", import_updates_options.root, "Project folder")->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e, out, err);
        return code == 0 ? 0 : hwbgen::cli::exit_usage_error;
    }
    if (export_cmd->parsed()) return hwbgen::cli::run_updates_export(export_options, out, err);
    if (import_cmd->parsed()) return hwbgen::cli::run_updates_import(import_updates_options, out, err);
    if (serve->parsed()) return hwbgen::cli::run_serve(serve_options, out, err);
    if (new_cycle->parsed()) return hwbgen::cli::run_new_cycle(cycle_options, out, err);
    if (import->parsed()) return hwbgen::cli::run_import(import_options, out, err);
    if (indicators->parsed()) return hwbgen::cli::run_indicators(indicator_options, out, err);
    const auto& options = build->parsed() ? build_options : check_options;
    return hwbgen::cli::run_build(options, out, err);
}
