// Golden files: the minimal fixture's whole built site, reviewed and kept under tests/golden/.
// After an intended change, run with HWBGEN_UPDATE_GOLDEN=1, review the diff, and commit it.
#include <catch2/catch.hpp>

#include "e2e_support.hpp"

using namespace hwbgen::test;

TEST_CASE("the minimal fixture builds exactly the reviewed golden site", "[e2e][golden]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    const auto r = run_hwbgen("build --quiet --root " + project.root.string(), project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    // Assets are byte copies of templates/assets/, and Word files depend on the pandoc version
    // (cycles_test reads them); the golden files hold the text hwbgen writes itself.
    auto built = read_tree(project.root / "site/minimal");
    for (auto it = built.begin(); it != built.end();) {
        const bool skip = it->first.rfind("assets/", 0) == 0 || fs::path(it->first).extension() == ".docx" ||
                          fs::path(it->first).extension() == ".png";
        it = skip ? built.erase(it) : std::next(it);
    }
    const fs::path golden = source_dir / "tests/golden/minimal";
    if (std::getenv("HWBGEN_UPDATE_GOLDEN")) {
        fs::remove_all(golden);
        for (const auto& [path, bytes] : built) write_file(golden / path, bytes);
    }
    const auto expected = read_tree(golden);
    for (const auto& [path, bytes] : built) {
        INFO("golden file " << path);
        REQUIRE(expected.count(path) == 1);
        CHECK(bytes == expected.at(path));
    }
    CHECK(built.size() == expected.size());
}
