// Writing single files: never a part of one, never over one that must not be replaced.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <sstream>

#include "write/publish.hpp"

using namespace hwbgen;
namespace fs = boost::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

size_t entries(const fs::path& dir) {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / fs::unique_path("hwbgen-test-%%%%-%%%%");
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("replace_file replaces the bytes and leaves no temporary file", "[write]") {
    TempDir dir;
    diag::Diagnostics diags;
    REQUIRE(write::replace_file((dir.path / "a/x.txt").string(), "one", diags));
    REQUIRE(write::replace_file((dir.path / "a/x.txt").string(), "two", diags));
    CHECK(read(dir.path / "a/x.txt") == "two");
    CHECK(entries(dir.path / "a") == 1);
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("create_new_file never writes over a file or a symlink", "[write][security]") {
    TempDir dir;
    std::string error;
    REQUIRE(write::create_new_file((dir.path / "new.yaml").string(), "fresh", error));
    CHECK(read(dir.path / "new.yaml") == "fresh");
    CHECK_FALSE(write::create_new_file((dir.path / "new.yaml").string(), "again", error));
    CHECK(error == "File exists");
    CHECK(read(dir.path / "new.yaml") == "fresh");
    REQUIRE(::symlink((dir.path / "elsewhere").c_str(), (dir.path / "link.yaml").c_str()) == 0);
    CHECK_FALSE(write::create_new_file((dir.path / "link.yaml").string(), "x", error));
    CHECK_FALSE(fs::exists(dir.path / "elsewhere"));
    CHECK(entries(dir.path) == 2);  // no temporary file left
}

TEST_CASE("only plain relative paths are safe to write", "[write][security]") {
    CHECK(write::is_safe_relative_path("sections/best-start/index.html"));
    CHECK_FALSE(write::is_safe_relative_path("/etc/passwd"));
    CHECK_FALSE(write::is_safe_relative_path("a/../../b"));
    CHECK_FALSE(write::is_safe_relative_path("a//b"));
    CHECK_FALSE(write::is_safe_relative_path("a\\b"));
    CHECK_FALSE(write::is_safe_relative_path(""));
}
