// Staging a place and swapping it in later (the parallel build's two halves of publish_place).
#include <catch2/catch.hpp>

#include <boost/filesystem.hpp>
#include <fstream>
#include <sstream>

#include "write/publish.hpp"

using namespace hwbgen;
namespace fs = boost::filesystem;

namespace {

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

size_t entries(const fs::path& dir) {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

struct TempOut {
    fs::path path = fs::temp_directory_path() / fs::unique_path("hwbgen-staged-%%%%-%%%%");
    TempOut() { fs::create_directories(path); }
    ~TempOut() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("a staged place is invisible until swapped in", "[write]") {
    TempOut out;
    diag::Diagnostics diags;
    REQUIRE(write::publish_place(out.path.string(), "p", {{"index.html", "v1"}}, diags));
    auto staged = write::stage_place(out.path.string(), "p", {{"index.html", "v2"}}, diags);
    REQUIRE_FALSE(staged.fresh.empty());
    CHECK(read_bytes(out.path / "p/index.html") == "v1");
    CHECK(write::swap_staged(staged, diags));
    CHECK(read_bytes(out.path / "p/index.html") == "v2");
    CHECK(entries(out.path) == 1);  // no staging or old folder left
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("the same place staged twice at once gets two folders", "[write]") {
    TempOut out;
    diag::Diagnostics diags;
    auto first = write::stage_place(out.path.string(), "p", {{"index.html", "first"}}, diags);
    auto second = write::stage_place(out.path.string(), "p", {{"index.html", "second"}}, diags);
    CHECK(first.fresh != second.fresh);
    CHECK(write::swap_staged(first, diags));
    CHECK(write::swap_staged(second, diags));
    CHECK(read_bytes(out.path / "p/index.html") == "second");
    CHECK(entries(out.path) == 1);
}

TEST_CASE("a discarded place leaves the previous site and no folder behind", "[write]") {
    TempOut out;
    diag::Diagnostics diags;
    REQUIRE(write::publish_place(out.path.string(), "p", {{"index.html", "v1"}}, diags));
    auto staged = write::stage_place(out.path.string(), "p", {{"index.html", "v2"}}, diags);
    write::discard_staged(staged);
    CHECK(staged.fresh.empty());
    CHECK(read_bytes(out.path / "p/index.html") == "v1");
    CHECK(entries(out.path) == 1);
    CHECK_FALSE(write::swap_staged(staged, diags));  // nothing left to swap
    CHECK(read_bytes(out.path / "p/index.html") == "v1");
}

TEST_CASE("staging refuses a path outside the place and leaves nothing behind", "[write]") {
    TempOut out;
    diag::Diagnostics diags;
    auto staged = write::stage_place(out.path.string(), "p", {{"a.html", "x"}, {"../escape.html", "x"}}, diags);
    CHECK(staged.fresh.empty());
    CHECK(diags.has_errors());
    CHECK(entries(out.path) == 0);
}

TEST_CASE("files beside the places are written, and a bad path writes none", "[write]") {
    TempOut out;
    diag::Diagnostics diags;
    CHECK(write::publish_files(out.path.string(), {{"assets/style.css", "css"}, {"index.html", "page"}}, diags));
    CHECK(read_bytes(out.path / "assets/style.css") == "css");
    CHECK(read_bytes(out.path / "index.html") == "page");
    CHECK_FALSE(write::publish_files(out.path.string(), {{"index.html", "new"}, {"../x.html", "x"}}, diags));
    CHECK(read_bytes(out.path / "index.html") == "page");
    CHECK_FALSE(fs::exists(out.path / "../x.html"));
}
