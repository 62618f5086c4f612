#include "cli/new_cycle_command.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ostream>

#include "cli/diagnostics_output.hpp"
#include "cli/pipeline.hpp"
#include "load/load.hpp"
#include "render/cycle_scaffold.hpp"
#include "write/publish.hpp"

namespace hwbgen::cli {

namespace {

bool is_cycle_id(const std::string& s) {
    if (s.size() != 7 || s[4] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6})
        if (s[i] < '0' || s[i] > '9') return false;
    return s.substr(5) >= "01" && s.substr(5) <= "12";
}

// The cycles folder must be a real folder of the place: a symlink there could send the new file
// anywhere. Made if missing (it is then new-cycle's own).
bool cycles_folder_ready(const std::string& folder, std::string& error) {
    struct stat st {};
    if (::lstat(folder.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return true;
        error = "it is not a folder (a symlink or a file)";
        return false;
    }
    if (::mkdir(folder.c_str(), 0755) == 0 || errno == EEXIST) return true;
    error = std::strerror(errno);
    return false;
}

// What the manager must still do to the carried paper.
std::string paper_note(const std::string& paper) {
    size_t marked = 0;
    for (size_t at = paper.find("\n      review: "); at != std::string::npos;
         at = paper.find("\n      review: ", at + 1))
        ++marked;
    return "the board paper is carried forward: " + std::to_string(marked) +
           (marked == 1 ? " paragraph is" : " paragraphs are") + " marked for review ('hwbgen check' lists them)\n";
}

}  // namespace

int run_new_cycle(const NewCycleOptions& options, std::ostream& out, std::ostream& err) {
    if (!is_cycle_id(options.cycle)) {
        err << "hwbgen: error: '" << options.cycle << "' is not a cycle: give the meeting's year and month\n"
            << "hint: for example 'hwbgen new-cycle " << options.place << " 2024-02'\n";
        return exit_usage_error;
    }
    const load::DiskTree tree(options.root);
    const std::string rel = "content/" + options.place + "/cycles/" + options.cycle + ".yaml";
    const auto places = load::find_places(tree);
    if (std::find(places.begin(), places.end(), options.place) == places.end()) {
        const std::string hint = diag::did_you_mean(options.place, places);
        err << "hwbgen: error: no place '" << options.place << "' under " << options.root << "/content\n"
            << "hint: " << (hint.empty() ? "a place is a folder under content/ with a place.yaml" : hint) << "\n";
        return exit_usage_error;
    }
    if (tree.exists(rel)) {
        err << rel << ": error: this cycle already exists; new-cycle never overwrites a cycle\n"
            << "hint: edit the file, or choose the month of the next meeting\n";
        return exit_content_error;
    }
    diag::Diagnostics diags;
    const model::Place place = load::load_place(tree, options.place, diags);
    if (!place.cycles.empty() && place.cycles.back().id >= options.cycle)
        diags.error(place.cycles.back().pos,
                    "the new cycle " + options.cycle + " would come before the latest cycle " + place.cycles.back().id,
                    "a new cycle is for the next meeting, after " + place.cycles.back().id);
    if (diags.has_errors()) {
        print_diagnostics(diags, tree, err);
        err << "nothing was written\n";
        return exit_content_error;
    }
    std::string error;
    const std::string folder = options.root + "/content/" + options.place + "/cycles";
    if (!cycles_folder_ready(folder, error)) {
        err << "content/" << options.place << "/cycles: error: cannot write the cycle there: " << error << "\n"
            << "hint: make content/" << options.place << "/cycles a plain folder of the place\n";
        return exit_content_error;
    }
    const std::string paper = render::board_paper_scaffold(place, options.cycle);
    // Written whole beside the target and linked into place: never a part of a file, never over one.
    if (!write::create_new_file(options.root + "/" + rel, render::cycle_scaffold(place, options.cycle) + paper,
                                error)) {
        err << rel << ": error: cannot write the cycle: " << error << "\n"
            << "hint: check the folder content/" << options.place << "/cycles exists and can be written\n";
        return exit_content_error;
    }
    out << "wrote " << rel << (place.cycles.empty() ? "" : " from " + place.cycles.back().id)
        << ": fill in the updates, then run 'hwbgen check'\n";
    if (!paper.empty()) out << paper_note(paper);
    return exit_ok;
}

}  // namespace hwbgen::cli
