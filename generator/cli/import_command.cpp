#include "cli/import_command.hpp"

#include <sys/stat.h>

#include <boost/filesystem.hpp>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>

#include "cli/pipeline.hpp"
#include "derive/indicator_figures.hpp"
#include "load/fingertips_csv.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"
#include "write/publish.hpp"

namespace hwbgen::cli {

namespace fs = boost::filesystem;

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

// What import-fingertips wrote into indicators/data/: each file's name and a hash of its bytes,
// so a later import replaces only a file it wrote and nobody changed since.
const char* const record_name = ".hwbgen-imported";

std::string fingerprint(const std::string& bytes) {  // FNV-1a, 64 bits: spots an edit, not an attack
    uint64_t hash = 14695981039346656037ull;
    for (const unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

std::map<std::string, std::string> read_record(const std::string& folder) {
    std::map<std::string, std::string> record;
    std::ifstream in(folder + "/" + record_name);
    for (std::string name, hash; in >> name >> hash;) record[name] = hash;
    return record;
}

bool write_record(const std::string& folder, const std::map<std::string, std::string>& record,
                  diag::Diagnostics& diags) {
    std::string text = "# files hwbgen import-fingertips wrote here, with a hash of their bytes\n";
    for (const auto& [name, hash] : record) text += name + " " + hash + "\n";
    return write::replace_file(folder + "/" + record_name, text, diags);
}

// Copies a download to `target` unless that would replace a file import-fingertips did not write
// (or one changed since). Returns false, with the reason in `diags`, when nothing was copied.
bool copy_download(const std::string& file, const std::string& bytes, const std::string& target,
                   std::map<std::string, std::string>& record, diag::Diagnostics& diags) {
    const std::string name = fs::path(target).filename().string();
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0) {
        std::string error;
        if (!write::create_new_file(target, bytes, error)) {
            diags.error({target, 0, 0}, "cannot write file: " + error, "check indicators/data/ can be written");
            return false;
        }
    } else {
        const auto bytes_there = S_ISREG(st.st_mode) ? load::DiskTree("").read(target) : std::nullopt;
        if (bytes_there && *bytes_there == bytes) return true;  // the same download again
        const auto it = record.find(name);
        if (!bytes_there || it == record.end() || it->second != fingerprint(*bytes_there)) {
            diags.error({file, 0, 0},
                        "indicators/data/" + name +
                            " already exists and import-fingertips did not write it (or it was "
                            "changed since); it was left as it was",
                        "rename the download, or move the old file away first if this one replaces it");
            return false;
        }
        if (!write::replace_file(target, bytes, diags)) return false;
    }
    record[name] = fingerprint(bytes);
    return true;
}

// indicators/data/ must be a real folder of the project (made if missing), never a symlink.
bool data_folder_ready(const std::string& folder, diag::Diagnostics& diags) {
    struct stat st {};
    boost::system::error_code ec;
    if (::lstat(folder.c_str(), &st) != 0)
        fs::create_directories(folder, ec);
    else if (!S_ISDIR(st.st_mode))
        ec = boost::system::errc::make_error_code(boost::system::errc::not_a_directory);
    if (ec)
        diags.error({folder, 0, 0}, "cannot write downloads here: " + ec.message(),
                    "make indicators/data a plain folder of the project");
    return !ec;
}

}  // namespace

int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err) {
    const load::DiskTree tree(options.root);
    const load::DiskTree files("");
    diag::Diagnostics diags;
    const auto definitions = load::load_definitions(tree, "indicators/definitions.yaml", diags);
    const std::string folder = options.root + "/indicators/data";
    auto record = read_record(folder);
    for (const auto& file : options.files) {
        diag::Diagnostics file_diags;
        const auto bytes = files.read(file);
        const auto text = bytes ? load::prepare_text(file, *bytes, file_diags) : std::nullopt;
        if (!bytes) file_diags.error({file, 0, 0}, "cannot read file", "check the path");
        const auto rows = text ? load::read_fingertips_csv(file, *text, file_diags)
                               : std::vector<model::IndicatorValue>{};
        if (!file_diags.has_errors() && data_folder_ready(folder, file_diags)) {
            const std::string target = folder + "/" + fs::path(file).filename().string();
            if (copy_download(file, *bytes, target, record, file_diags) && write_record(folder, record, file_diags))
                report(file, target, match_rows(rows, definitions), out);
        }
        diags.append(file_diags);
    }
    for (const auto& d : diags.all()) err << diag::format(d, "");
    return diags.has_errors() ? exit_content_error : exit_ok;
}

}  // namespace hwbgen::cli
