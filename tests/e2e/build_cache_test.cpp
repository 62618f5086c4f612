// `hwbgen build` with its cache (.hwbgen-cache/): a build with nothing changed writes nothing.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "e2e_support.hpp"

using namespace hwbgen::test;

namespace {

// Every output file with its modification time in nanoseconds and its inode.
std::map<std::string, std::string> stamps(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
        struct stat st;
        const std::string name = it->path().filename().string();
        if (name == ".hwbgen-lock") continue;  // held, not written, by each build
        if (lstat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode))
            out[fs::relative(it->path(), dir).generic_string()] = std::to_string(st.st_mtim.tv_sec) + "." +
                                                                  std::to_string(st.st_mtim.tv_nsec) + ":" +
                                                                  std::to_string(st.st_ino);
    }
    return out;
}

}  // namespace

TEST_CASE("a build with nothing changed touches no output file and prints what the last one did", "[e2e][cache]") {
    TempProject project;
    copy_project(project.root, {"templates", "indicators", "content/leicester"});  // one place: quicker
    const std::string build = "build --root " + project.root.string();
    const auto first = run_hwbgen(build, project.root);
    REQUIRE(first.code == 0);
    REQUIRE(fs::is_directory(project.root / ".hwbgen-cache"));
    const auto before = stamps(project.root / "site");
    REQUIRE(before.size() > 50);

    const auto again = run_hwbgen(build, project.root);
    CHECK(again.code == 0);
    CHECK(again.out == first.out);
    CHECK(again.err == first.err);
    CHECK(stamps(project.root / "site") == before);

    SECTION("a changed content file is built again") {
        const fs::path place = project.root / "content/leicester/place.yaml";
        write_file(place, read_file(place) + "vision: A changed vision for the cache test\n");
        CHECK(run_hwbgen(build, project.root).code == 1);  // a duplicate key: an error
        write_file(place, read_file(place).substr(0, read_file(place).rfind("vision: A changed")));
        fs::path section = project.root / "content/leicester/sections/02-healthy-minds.yaml";
        write_file(section, read_file(section) + "# a comment\n");
        CHECK(run_hwbgen(build, project.root).code == 0);
        write_file(section, read_file(section) + "# another comment\n");
        CHECK(run_hwbgen(build, project.root).code == 0);
    }
    SECTION("a changed or deleted output file is written again") {
        write_file(project.root / "site/leicester/index.html", "changed by hand");
        CHECK(run_hwbgen(build, project.root).code == 0);
        CHECK(read_file(project.root / "site/leicester/index.html") != "changed by hand");
        fs::remove(project.root / "site/leicester/index.md");
        CHECK(run_hwbgen(build, project.root).code == 0);
        CHECK(fs::exists(project.root / "site/leicester/index.md"));
    }
    SECTION("the cache is safe to delete") {
        fs::remove_all(project.root / ".hwbgen-cache");
        CHECK(run_hwbgen(build, project.root).code == 0);
        CHECK(stamps(project.root / "site").size() == before.size());
    }
    SECTION("another output folder has its own cache") {
        const auto other = run_hwbgen(build + " --out " + (project.root / "other").string(), project.root);
        CHECK(other.code == 0);
        auto other_files = read_tree(project.root / "other"), site_files = read_tree(project.root / "site");
        for (auto* files : {&other_files, &site_files})
            for (auto it = files->begin(); it != files->end();)
                it = it->first[0] == '.' ? files->erase(it) : std::next(it);
        CHECK(other_files == site_files);
    }
}
