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

namespace {

// The site a build leaves, without hwbgen's own files (lock, marker).
std::map<std::string, std::string> site_files(const fs::path& dir) {
    auto files = read_tree(dir);
    for (auto it = files.begin(); it != files.end();) it = it->first[0] == '.' ? files.erase(it) : std::next(it);
    return files;
}

// The inode of a place's published folder: a place built again is swapped in as a new folder.
ino_t folder_inode(const fs::path& dir) {
    struct stat st {};
    REQUIRE(lstat(dir.c_str(), &st) == 0);
    return st.st_ino;
}

std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return std::string(text).replace(at, from.size(), to);
}

void edit(const fs::path& file, const std::string& from, const std::string& to) {
    write_file(file, replaced(read_file(file), from, to));
}

}  // namespace

TEST_CASE("a build after one edit writes what a clean build writes, building again only what the edit touches",
          "[e2e][cache]") {
    TempProject project;
    copy_project(project.root, {"templates", "indicators", "content"});
    const std::string build = "build -q --root " + project.root.string();
    REQUIRE(run_hwbgen(build, project.root).code == 0);
    const fs::path site = project.root / "site";
    const ino_t leicester = folder_inode(site / "leicester"), county = folder_inode(site / "leicestershire");
    const fs::path content = project.root / "content";
    bool leicester_again = true, county_again = false;  // which places the edit makes build again

    SECTION("a section file") {
        edit(content / "leicester/sections/02-healthy-minds.yaml", "title: Healthy Minds", "title: Healthy Minds Now");
    }
    SECTION("a cycle's updates") { edit(content / "leicester/cycles/2024-09.yaml", "period: ", "period: Edited, "); }
    SECTION("a deleted page") { fs::remove(content / "leicester/pages/06-spotlight.yaml"); }
    SECTION("a new place") {
        copy_tree(content / "leicester", content / "newplace");
        edit(content / "newplace/place.yaml", "name: ", "name: New ");
        leicester_again = false;
    }
    SECTION("a template every place uses") {
        edit(project.root / "templates/html/layout.mustache", "</body>", "<!-- edited layout -->\n</body>");
        county_again = true;
    }
    SECTION("an indicator's data") {
        edit(project.root / "indicators/data/leicestershire-figure-3.csv", ",2019,57.7,", ",2019,57.9,");
        county_again = true;
    }
    const auto again = run_hwbgen(build, project.root);
    INFO(again.err);
    REQUIRE(again.code == 0);
    const auto clean = run_hwbgen(build + " --out " + (project.root / "clean").string(), project.root);
    REQUIRE(clean.code == 0);
    CHECK(again.err == clean.err);
    const auto incremental = site_files(site), expected = site_files(project.root / "clean");
    REQUIRE(expected.size() > 300);
    CHECK(incremental.size() == expected.size());
    for (const auto& [path, bytes] : expected) {
        INFO(path);
        CHECK(incremental.count(path));
        if (incremental.count(path)) CHECK(incremental.at(path) == bytes);
    }
    CHECK((folder_inode(site / "leicester") != leicester) == leicester_again);
    CHECK((folder_inode(site / "leicestershire") != county) == county_again);
}
