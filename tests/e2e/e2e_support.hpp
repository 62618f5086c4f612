#pragma once
// Running the built hwbgen in temporary project folders.
#include <sys/wait.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace hwbgen::test {

namespace fs = boost::filesystem;

inline const fs::path source_dir = HWBGEN_SOURCE_DIR;

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p.string(), std::ios::binary) << bytes;
}

struct TempProject {
    fs::path root = fs::temp_directory_path() / fs::unique_path("hwbgen-e2e-%%%%-%%%%");
    TempProject() { fs::create_directories(root); }
    ~TempProject() { fs::remove_all(root); }
    TempProject(const TempProject&) = delete;
    TempProject& operator=(const TempProject&) = delete;
};

// Installed npm packages (templates/picture-sets/node_modules, thousands of pictures) are left
// out: a test that needs a picture set lays the few files it uses itself.
inline void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    for (fs::recursive_directory_iterator it(from), end; it != end; ++it) {
        if (it->path().filename() == "node_modules") {
            it.disable_recursion_pending();
            continue;
        }
        const fs::path target = to / fs::relative(it->path(), from);
        if (fs::is_directory(it->path()))
            fs::create_directories(target);
        else
            fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing);
    }
}

/// The OpenMoji pictures templates/easy-read/pictures.yaml chooses, from the installed package
/// (copy_tree leaves node_modules out).
inline void copy_chosen_pictures(const fs::path& to) {
    const std::string folder = "templates/picture-sets/node_modules/openmoji/color/svg";
    const std::string list = read_file(source_dir / "templates/easy-read/pictures.yaml");
    const std::regex chosen("openmoji: ([0-9A-F-]+)");
    fs::create_directories(to / folder);
    for (std::sregex_iterator it(list.begin(), list.end(), chosen), end; it != end; ++it) {
        const fs::path file = source_dir / folder / ((*it)[1].str() + ".svg");
        if (fs::exists(file)) fs::copy_file(file, to / folder / file.filename(), fs::copy_options::overwrite_existing);
    }
}

/// A project folder holding copies of the repository's templates/ and the given parts.
inline void copy_project(const fs::path& to, const std::vector<std::string>& parts) {
    for (const auto& part : parts) copy_tree(source_dir / part, to / part);
    if (std::find(parts.begin(), parts.end(), "templates") != parts.end()) copy_chosen_pictures(to);
}

struct RunResult {
    int code = -1;
    std::string out, err;
};

/// Runs hwbgen with `args`; its output is caught in files outside `work` (which may be the output
/// folder, where hwbgen writes only into a folder it made or an empty one). Builds skip PDFs and
/// the search index (chromium and Pagefind take seconds a place) unless `publish` is set.
inline RunResult run_hwbgen(const std::string& args, const fs::path& work, bool publish = false) {
    (void)work;
    const fs::path base = fs::temp_directory_path() / fs::unique_path("hwbgen-run-%%%%-%%%%-%%%%");
    const fs::path out = base.string() + ".stdout", err = base.string() + ".stderr";
    const bool build = args.rfind("build", 0) == 0;
    const std::string quick = build && !publish ? " --no-pdf --no-search" : "";
    const std::string command = std::string(HWBGEN_BINARY) + " " + args + quick + " > " + out.string() + " 2> " +
                                err.string();
    const int status = std::system(command.c_str());
    RunResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
    fs::remove(out);
    fs::remove(err);
    return r;
}

/// Every file under `dir`, by relative path, with its bytes.
inline std::map<std::string, std::string> read_tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it)
        if (fs::is_regular_file(it->path()))
            files[fs::relative(it->path(), dir).generic_string()] = read_file(it->path());
    return files;
}

}  // namespace hwbgen::test
