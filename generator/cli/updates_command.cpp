#include "cli/updates_command.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "cli/diagnostics_output.hpp"
#include "cli/pipeline.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"
#include "updates/import.hpp"
#include "updates/workbook_writer.hpp"

namespace hwbgen::cli {

namespace {

// The list of files export wrote into a folder, with a fingerprint of each, so a later export
// replaces only its own untouched files.
const char* const manifest_name = ".hwbgen-updates";

bool is_cycle_id(const std::string& s) {
    if (s.size() != 7 || s[4] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6})
        if (s[i] < '0' || s[i] > '9') return false;
    return s.substr(5) >= "01" && s.substr(5) <= "12";
}

std::string fingerprint(const std::string& bytes) {  // FNV-1a: detects edits, not attacks
    unsigned long long h = 1469598103934665603ull;
    for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx", h);
    return std::to_string(bytes.size()) + "-" + buf;
}

std::optional<std::string> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::map<std::string, std::string> read_manifest(const std::string& dir) {
    std::map<std::string, std::string> out;
    std::istringstream in(read_bytes(dir + "/" + manifest_name).value_or(""));
    std::string name, print;
    while (in >> name >> print) out[name] = print;
    return out;
}

// Writes through a temporary file in the same folder and one rename, so a reader sees the old
// file or the new one, never half of one.
bool write_atomically(const std::string& path, const std::string& bytes, std::string& error) {
    const std::string temp = path + ".tmp-hwbgen";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return error = std::strerror(errno), false;
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        done += size_t(n);
    }
    const bool ok = done == bytes.size() && ::fsync(fd) == 0;
    if (::close(fd) != 0 || !ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        error = std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

int usage(std::ostream& err, const std::string& message, const std::string& hint) {
    err << "hwbgen: error: " << message << "\nhint: " << hint << "\n";
    return exit_usage_error;
}

// The place and cycle named on the command line, or the usage error about them.
int check_arguments(const UpdatesOptions& o, const char* verb, std::ostream& err) {
    if (!is_cycle_id(o.cycle))
        return usage(err, "'" + o.cycle + "' is not a cycle: give the meeting's year and month",
                     std::string("for example 'hwbgen updates ") + verb + " " + o.place + " 2024-02'");
    const auto places = load::find_places(load::DiskTree(o.root));
    if (std::find(places.begin(), places.end(), o.place) != places.end()) return exit_ok;
    const std::string hint = diag::did_you_mean(o.place, places);
    return usage(err, "no place '" + o.place + "' under " + o.root + "/content",
                 hint.empty() ? "a place is a folder under content/ with a place.yaml" : hint);
}

int content_errors(diag::Diagnostics& diags, const load::ContentTree& tree, std::ostream& err) {
    print_diagnostics(diags, tree, err);
    err << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors") << "; nothing was written\n";
    return exit_content_error;
}

// Names of files export would replace though it did not write them, or they changed since.
std::vector<std::string> foreign_files(const std::string& dir, const std::vector<updates::Owner>& owners) {
    const auto manifest = read_manifest(dir);
    std::vector<std::string> out;
    for (const auto& o : owners) {
        const std::string name = o.id + ".xlsx";
        const auto bytes = read_bytes(dir + "/" + name);
        if (!bytes) continue;
        const auto it = manifest.find(name);
        if (it == manifest.end() || it->second != fingerprint(*bytes)) out.push_back(name);
    }
    return out;
}

// The workbooks are not content: a folder inside content/, templates/ or indicators/ (or the
// project folder itself) is refused, so nothing lands where the build reads.
std::string inside_project(const std::string& dir, const std::string& root) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    const fs::path project = fs::weakly_canonical(fs::absolute(root, ec), ec);
    if (out == project) return root;
    for (const char* folder : {"content", "templates", "indicators"}) {
        const fs::path f = project / folder;
        const auto [a, b] = std::mismatch(f.begin(), f.end(), out.begin(), out.end());
        if (a == f.end()) return (fs::path(root) / folder).string();
    }
    return {};
}

}  // namespace

int run_updates_export(const UpdatesOptions& o, std::ostream& out, std::ostream& err) {
    if (const int code = check_arguments(o, "export", err)) return code;
    if (o.by != "subgroup" && o.by != "lead")
        return usage(err, "--by must be 'subgroup' or 'lead', not '" + o.by + "'", "for example '--by lead'");
    const load::DiskTree tree(o.root);
    diag::Diagnostics diags;
    const auto place = updates::checked_place(tree, o.place, diags);
    if (!place) return content_errors(diags, tree, err);
    const auto items = derive::strategy_items(*place);
    const auto by = o.by == "lead" ? updates::Grouping::lead : updates::Grouping::subgroup;
    const auto owners = updates::owners(*place, items, by);
    if (owners.empty()) {
        out << o.place << " has no commitments or projects to ask about: no workbooks written\n";
        return exit_ok;
    }
    const std::string dir = o.out.empty() ? o.place + "-" + o.cycle + "-updates" : o.out;
    if (const std::string where = inside_project(dir, o.root); !where.empty())
        return usage(err, "the workbooks cannot go in " + where,
                     "give --out a folder outside content/, templates/ and indicators/");
    ::mkdir(dir.c_str(), 0755);  // may exist already
    if (const auto foreign = foreign_files(dir, owners); !foreign.empty()) {
        for (const auto& name : foreign)
            err << dir << "/" << name << ": error: exists and was not written by 'hwbgen updates export' "
                << "(or was changed since); not replaced\n";
        err << "hint: a returned workbook may be there: move it away, or export into another folder with --out\n"
            << "nothing was written\n";
        return exit_content_error;
    }
    std::string manifest;
    for (const auto& owner : owners) {
        updates::WorkbookRequest request{&*place,
                                         o.cycle,
                                         by,
                                         &owner,
                                         updates::updates_before(*place, o.cycle),
                                         updates::updated_in(*place, o.cycle)};
        const std::string path = dir + "/" + owner.id + ".xlsx", temp = dir + "/." + owner.id + ".xlsx.tmp-hwbgen";
        ::unlink(temp.c_str());
        std::string error = updates::write_workbook(request, temp);
        const auto bytes = read_bytes(temp);
        if (error.empty() && (!bytes || ::rename(temp.c_str(), path.c_str()) != 0)) error = std::strerror(errno);
        if (!error.empty()) {
            ::unlink(temp.c_str());
            err << path << ": error: cannot write the workbook: " << error << "\n";
            return exit_content_error;
        }
        manifest += owner.id + ".xlsx " + fingerprint(*bytes) + "\n";
        size_t prefilled = 0;
        for (const auto* item : owner.items) prefilled += request.prefill.count(item->id);
        out << "wrote " << path << ": " << owner.name << ", " << owner.items.size()
            << (owner.items.size() == 1 ? " item" : " items")
            << (prefilled ? ", " + std::to_string(prefilled) + " already updated" : "") << "\n";
        if (owner.id == updates::unassigned_owner)
            err << path << ": warning: " << owner.items.size()
                << " items have no sub-group leading them\nhint: give their sections or themselves a 'lead:'\n";
    }
    std::string error;
    if (!write_atomically(dir + "/" + manifest_name, manifest, error))
        err << dir << "/" << manifest_name << ": warning: cannot record what was written: " << error << "\n";
    return exit_ok;
}

int run_updates_import(const UpdatesOptions& o, std::ostream& out, std::ostream& err) {
    if (const int code = check_arguments(o, "import", err)) return code;
    const load::DiskTree tree(o.root);
    diag::Diagnostics diags;
    const auto plan = updates::plan_import(tree, o.place, o.cycle, o.files, diags);
    if (!plan) {
        // In the order found: file by file, row by row (sorting would put D14 before D2).
        for (const auto& d : diags.all()) {
            const auto bytes = d.pos.line > 0 ? tree.read(d.pos.file) : std::nullopt;
            err << diag::format(d, bytes ? load::printable_line(*bytes, d.pos.line) : std::string{});
        }
        err << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors") << "; nothing was written\n";
        return exit_content_error;
    }
    out << plan->summary;
    if (!plan->created && plan->merged == plan->original) {
        out << plan->path << ": no changes\n";
        return exit_ok;
    }
    ::mkdir((o.root + "/content/" + o.place + "/cycles").c_str(), 0755);  // may exist already
    std::string error;
    if (!write_atomically(o.root + "/" + plan->path, plan->merged, error)) {
        err << plan->path << ": error: cannot write the cycle: " << error << "\n";
        return exit_content_error;
    }
    out << (plan->created ? "created " : "updated ") << plan->path << ": " << plan->changed.size()
        << (plan->changed.size() == 1 ? " update" : " updates")
        << " changed; run 'hwbgen check', then 'hwbgen build'\n";
    return exit_ok;
}

}  // namespace hwbgen::cli
