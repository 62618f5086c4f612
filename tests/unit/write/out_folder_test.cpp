// Which output folders hwbgen takes, and the lock that keeps builds into one folder apart.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <sstream>

#include "write/out_folder.hpp"

using namespace hwbgen;
namespace fs = boost::filesystem;

namespace {

struct Sandbox {
    fs::path path = fs::canonical(fs::temp_directory_path()) / fs::unique_path("hwbgen-out-%%%%-%%%%");
    fs::path root = path / "project";
    Sandbox() {
        for (const char* d : {"content/p", "templates", "indicators"}) fs::create_directories(root / d);
        fs::create_directories(path / "home");
    }
    ~Sandbox() { fs::remove_all(path); }

    // The refusal's message for `out`, or "" when hwbgen would build there.
    std::string refusal(const fs::path& out) const {
        std::optional<write::Refusal> refusal;
        write::resolve_out_folder(out.string(), {root.string(), (path / "home").string()}, refusal);
        return refusal ? refusal->message : "";
    }
};

std::optional<write::OutFolder> claim(const fs::path& out, std::string& message, unsigned wait = 0) {
    std::optional<write::Refusal> refusal;
    std::ostringstream progress;
    auto folder = write::OutFolder::claim(out.string(), wait, progress, refusal);
    message = refusal ? refusal->message : "";
    return folder;
}

}  // namespace

TEST_CASE("the output folder may not be, hold or lie inside the project's sources", "[write][security]") {
    Sandbox s;
    const std::string root = s.root.string();
    CHECK(s.refusal(s.root / "site") == "");
    CHECK(s.refusal(s.path / "elsewhere/site") == "");
    CHECK(s.refusal("/") == "refusing to build into /: it is the root of the file system");
    CHECK(s.refusal(s.root) == "refusing to build into " + root + ": it is the project folder");
    CHECK(s.refusal(s.root / "site/..") == "refusing to build into " + root + ": it is the project folder");
    CHECK(s.refusal(s.path) ==
          "refusing to build into " + s.path.string() + ": it holds the project folder (" + root + ")");
    CHECK(s.refusal(s.root / "content") ==
          "refusing to build into " + root + "/content: it is the project's content folder");
    CHECK(s.refusal(s.root / "content/p/new") == "refusing to build into " + root +
                                                     "/content/p/new: it lies inside the project's content folder (" +
                                                     root + "/content)");
    CHECK(s.refusal(s.root / "templates") ==
          "refusing to build into " + root + "/templates: it is the project's templates folder");
    CHECK(s.refusal(s.root / "indicators/x") != "");
    CHECK(s.refusal(s.path / "home") == "refusing to build into " + s.path.string() + "/home: it is your home folder");
}

TEST_CASE("symlinks are resolved before the output folder is judged", "[write][security]") {
    Sandbox s;
    fs::create_symlink(s.root / "content", s.path / "innocent");
    CHECK(s.refusal(s.path / "innocent") ==
          "refusing to build into " + s.root.string() + "/content: it is the project's content folder");
    // content/ itself a symlink to a folder elsewhere: that folder is protected too.
    fs::create_directories(s.path / "shared-content");
    fs::remove_all(s.root / "content");
    fs::create_symlink(s.path / "shared-content", s.root / "content");
    CHECK(s.refusal(s.path / "shared-content/site") != "");
}

TEST_CASE("hwbgen takes a missing or empty folder and marks it, and refuses a full one it did not make", "[write]") {
    Sandbox s;
    std::string message;
    {
        auto folder = claim(s.path / "new/site", message);
        CHECK(folder);
        CHECK(fs::exists(s.path / "new/site/.hwbgen-site"));
    }
    CHECK_FALSE(fs::exists(s.path / "new/site"));  // nothing was published: what the claim made is gone
    fs::create_directories(s.path / "empty");
    {
        auto folder = claim(s.path / "empty", message);
        CHECK(folder);
        CHECK(fs::exists(s.path / "empty/.hwbgen-site"));
        std::string error;
        CHECK(folder->record({"p"}, error));
    }
    CHECK(fs::exists(s.path / "empty/.hwbgen-site"));  // a folder that holds a site keeps its marker
    std::ofstream(((s.path / "home") / "notes.txt").string()) << "mine";
    CHECK_FALSE(claim(s.path / "home", message));
    CHECK(message == (s.path / "home").string() +
                         " is not empty and was not made by hwbgen (it has no .hwbgen-site file); hwbgen writes only "
                         "into folders it made");
    CHECK_FALSE(fs::exists(s.path / "home/.hwbgen-lock"));  // not even the lock was written there
    CHECK_FALSE(claim(s.path / "home/notes.txt", message));
    CHECK(message == (s.path / "home/notes.txt").string() + " is a file, not a folder");
}

TEST_CASE("only entries hwbgen made may be replaced", "[write]") {
    Sandbox s;
    std::string message;
    auto folder = claim(s.path / "site", message);
    REQUIRE(folder);
    fs::create_directories(s.path / "site/leicester");
    CHECK(folder->may_replace("leicestershire"));  // not there: hwbgen may make it
    CHECK_FALSE(folder->may_replace("leicester"));
    std::string error;
    REQUIRE(folder->record({"leicestershire"}, error));
    fs::create_directories(s.path / "site/leicestershire");
    CHECK(folder->may_replace("leicestershire"));
}

TEST_CASE("a second claim of a locked folder says which process holds it", "[write]") {
    Sandbox s;
    std::string message;
    auto first = claim(s.path / "site", message);
    REQUIRE(first);
    CHECK_FALSE(claim(s.path / "site", message, 0));
    CHECK(message == "another build into " + (s.path / "site").string() + " is still running (process " +
                         std::to_string(::getpid()) + ") after waiting 0 s; nothing was written");
    first.reset();
    CHECK(claim(s.path / "site", message, 0));
}
