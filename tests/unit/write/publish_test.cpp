#include <catch2/catch.hpp>

#include <boost/filesystem.hpp>
#include <fstream>
#include <sstream>

#include "support.hpp"
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

struct TempDir {
    fs::path path = fs::temp_directory_path() / fs::unique_path("hwbgen-test-%%%%-%%%%");
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("publishing replaces the previous site as a whole", "[write]") {
    TempDir out;
    diag::Diagnostics diags;
    REQUIRE(write::publish_place(out.path.string(), "p", {{"index.html", "v1"}, {"old/index.html", "gone"}}, diags));
    REQUIRE(write::publish_place(out.path.string(), "p", {{"index.html", "v2"}}, diags));
    CHECK(read(out.path / "p/index.html") == "v2");
    CHECK_FALSE(fs::exists(out.path / "p/old"));
    // No temporary folders are left beside the site.
    CHECK(std::distance(fs::directory_iterator(out.path), fs::directory_iterator()) == 1);
}

TEST_CASE("a failed publish leaves the previous site exactly as it was", "[write]") {
    TempDir out;
    diag::Diagnostics diags;
    REQUIRE(write::publish_place(out.path.string(), "p", {{"index.html", "v1"}}, diags));
    CHECK_FALSE(write::publish_place(out.path.string(), "p", {{"index.html", "v2"}, {"../escape.html", "x"}}, diags));
    CHECK(read(out.path / "p/index.html") == "v1");
    CHECK_FALSE(fs::exists(out.path / "escape.html"));
    CHECK(test::summary(diags) ==
          "../escape.html:0:0: error: refusing to write outside the site folder "
          "[ids and template names must not contain '..' or start with '/']\n");
    CHECK(std::distance(fs::directory_iterator(out.path), fs::directory_iterator()) == 1);
}

TEST_CASE("only plain relative paths are safe to write", "[write][security]") {
    CHECK(write::is_safe_relative_path("sections/best-start/index.html"));
    CHECK_FALSE(write::is_safe_relative_path("/etc/passwd"));
    CHECK_FALSE(write::is_safe_relative_path("a/../../b"));
    CHECK_FALSE(write::is_safe_relative_path("a//b"));
    CHECK_FALSE(write::is_safe_relative_path("a\\b"));
    CHECK_FALSE(write::is_safe_relative_path(""));
}
