#include "cli/import_command.hpp"

#include <boost/filesystem.hpp>
#include <map>
#include <ostream>

#include "cli/pipeline.hpp"
#include "derive/indicator_figures.hpp"
#include "load/fingertips_csv.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"
#include "write/publish.hpp"

namespace hwbgen::cli {

namespace {

struct Feed {
    std::map<std::string, size_t> rows_by_definition;
    std::map<long, std::pair<std::string, size_t>> unmatched;  // indicator id -> name, rows
};

Feed match_rows(const std::vector<model::IndicatorValue>& rows,
                const std::vector<model::IndicatorDefinition>& definitions) {
    Feed feed;
    for (const auto& row : rows) {
        bool matched = false;
        for (const auto& d : definitions)
            if (model::row_matches(d, row)) {
                ++feed.rows_by_definition[d.id];
                matched = true;
            }
        if (!matched) {
            auto& entry = feed.unmatched[row.indicator_id];
            entry.first = row.indicator_name;
            ++entry.second;
        }
    }
    return feed;
}

void report(const std::string& file, const std::string& target, const Feed& feed, std::ostream& out) {
    out << file << " -> " << target << "\n";
    for (const auto& [id, count] : feed.rows_by_definition) out << "  feeds " << id << ": " << count << " rows\n";
    for (const auto& [id, entry] : feed.unmatched)
        out << "  ignored " << entry.second << " rows of indicator " << id << " (" << entry.first
            << "): no definition has fingertips_id " << id << "\n";
    if (feed.rows_by_definition.empty())
        out << "  note: this file feeds no definition yet; add one to indicators/definitions.yaml\n";
}

}  // namespace

int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err) {
    const load::DiskTree tree(options.root);
    const load::DiskTree files("");
    diag::Diagnostics diags;
    const auto definitions = load::load_definitions(tree, "indicators/definitions.yaml", diags);
    for (const auto& file : options.files) {
        diag::Diagnostics file_diags;
        const auto bytes = files.read(file);
        const auto text = bytes ? load::prepare_text(file, *bytes, file_diags) : std::nullopt;
        if (!bytes) file_diags.error({file, 0, 0}, "cannot read file", "check the path");
        const auto rows = text ? load::read_fingertips_csv(file, *text, file_diags) : std::vector<model::IndicatorValue>{};
        if (!file_diags.has_errors()) {
            const std::string target = options.root + "/indicators/data/" + boost::filesystem::path(file).filename().string();
            if (write::replace_file(target, *bytes, file_diags)) report(file, target, match_rows(rows, definitions), out);
        }
        diags.append(file_diags);
    }
    for (const auto& d : diags.all()) err << diag::format(d, "");
    return diags.has_errors() ? exit_content_error : exit_ok;
}

}  // namespace hwbgen::cli
