// Publishing a whole site at once: staged entries, the all-or-nothing commit and its journal.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "support.hpp"
#include "write/site_update.hpp"

using namespace hwbgen;
namespace fs = boost::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::set<std::string> names(const fs::path& dir) {
    std::set<std::string> out;
    for (fs::directory_iterator it(dir), end; it != end; ++it) out.insert(it->path().filename().string());
    return out;
}

struct Out {
    fs::path path = fs::canonical(fs::temp_directory_path()) / fs::unique_path("hwbgen-update-%%%%-%%%%");
    std::optional<write::OutFolder> folder;
    Out() {
        std::optional<write::Refusal> refusal;
        std::ostringstream progress;
        folder.emplace(std::move(*write::OutFolder::claim(path.string(), 0, progress, refusal)));
    }
    ~Out() { fs::remove_all(path); }

    // Stages each place with one index.html holding `text`, and commits.
    bool publish(const std::vector<std::string>& places, const std::string& text, diag::Diagnostics& diags,
                 size_t fail_at = size_t(-1)) {
        auto update = write::SiteUpdate::begin(*folder, diags);
        REQUIRE(update);
        update->fail_swap_for_test(fail_at);
        for (const auto& p : places)
            if (!update->stage_folder(p, {{"index.html", text + " " + p}}, diags)) return false;
        bool refused = false;
        return update->commit(*folder, diags, refused);
    }
};

const std::set<std::string> own = {".hwbgen-lock", ".hwbgen-site"};

std::set<std::string> with_own(std::set<std::string> s) {
    s.insert(own.begin(), own.end());
    return s;
}

}  // namespace

TEST_CASE("a site update publishes every entry and leaves no work folder", "[write]") {
    Out out;
    diag::Diagnostics diags;
    auto update = write::SiteUpdate::begin(*out.folder, diags);
    REQUIRE(update);
    REQUIRE(update->stage_folder("p", {{"index.html", "p1"}, {"sections/a/index.html", "a"}}, diags));
    REQUIRE(update->stage_files({{"index.html", "system"}, {"assets/style.css", "css"}}, diags));
    CHECK_FALSE(fs::exists(out.path / "p"));  // staged, not yet published
    bool refused = true;
    REQUIRE(update->commit(*out.folder, diags, refused));
    CHECK_FALSE(refused);
    update.reset();
    CHECK(read(out.path / "p/sections/a/index.html") == "a");
    CHECK(read(out.path / "index.html") == "system");
    CHECK(read(out.path / "assets/style.css") == "css");
    CHECK(names(out.path) == with_own({"assets", "index.html", "p"}));
    CHECK(read(out.path / ".hwbgen-site").find("\nassets\nindex.html\np\n") != std::string::npos);
}

TEST_CASE("an update that is not committed changes nothing", "[write]") {
    Out out;
    diag::Diagnostics diags;
    REQUIRE(out.publish({"p"}, "v1", diags));
    {
        auto update = write::SiteUpdate::begin(*out.folder, diags);
        REQUIRE(update->stage_folder("p", {{"index.html", "v2"}}, diags));
    }
    CHECK(read(out.path / "p/index.html") == "v1 p");
    CHECK(names(out.path) == with_own({"p"}));
}

TEST_CASE("a swap that fails half-way puts back what was already swapped", "[write]") {
    Out out;
    diag::Diagnostics diags;
    REQUIRE(out.publish({"p", "q"}, "v1", diags));
    CHECK_FALSE(out.publish({"new", "p", "q"}, "v2", diags, 2));
    CHECK(read(out.path / "p/index.html") == "v1 p");
    CHECK(read(out.path / "q/index.html") == "v1 q");
    CHECK(names(out.path) == with_own({"p", "q"}));  // `new` was taken away again
    CHECK(test::summary(diags) == out.path.string() +
                                      "/q:0:0: error: cannot replace the site: Input/output error; what was already "
                                      "replaced was put back [check the output folder and everything in it can be "
                                      "written]\n");
}

TEST_CASE("files whose bytes did not change keep their inode and modification time", "[write]") {
    Out out;
    diag::Diagnostics diags;
    auto first = write::SiteUpdate::begin(*out.folder, diags);
    REQUIRE(first->stage_folder("p", {{"same.html", "same"}, {"changed.html", "old"}}, diags));
    REQUIRE(first->stage_files({{"index.html", "top"}}, diags));
    bool refused = false;
    REQUIRE(first->commit(*out.folder, diags, refused));
    first.reset();
    struct stat same {
    }, changed{}, top{};
    ::stat((out.path / "p/same.html").c_str(), &same);
    ::stat((out.path / "p/changed.html").c_str(), &changed);
    ::stat((out.path / "index.html").c_str(), &top);
    auto second = write::SiteUpdate::begin(*out.folder, diags);
    REQUIRE(second->stage_folder("p", {{"same.html", "same"}, {"changed.html", "new"}}, diags));
    REQUIRE(second->stage_files({{"index.html", "top"}}, diags));
    REQUIRE(second->commit(*out.folder, diags, refused));
    second.reset();
    struct stat same2 {
    }, changed2{}, top2{};
    ::stat((out.path / "p/same.html").c_str(), &same2);
    ::stat((out.path / "p/changed.html").c_str(), &changed2);
    ::stat((out.path / "index.html").c_str(), &top2);
    CHECK(same2.st_ino == same.st_ino);
    CHECK(same2.st_mtim.tv_nsec == same.st_mtim.tv_nsec);
    CHECK(same2.st_nlink == 1);  // the old copy went with the work folder
    CHECK(top2.st_ino == top.st_ino);
    CHECK(changed2.st_ino != changed.st_ino);
    CHECK(read(out.path / "p/changed.html") == "new");
}

TEST_CASE("an entry hwbgen did not make is never replaced", "[write][security]") {
    Out out;
    diag::Diagnostics diags;
    fs::create_directories(out.path / "leicester");
    std::ofstream((out.path / "leicester/mine.txt").string()) << "mine";
    CHECK_FALSE(out.publish({"leicester", "p"}, "v1", diags));
    CHECK(read(out.path / "leicester/mine.txt") == "mine");
    CHECK(names(out.path) == with_own({"leicester"}));
    CHECK(test::summary(diags).find("hwbgen did not make " + out.path.string() +
                                    "/leicester and will not replace it; nothing was published") != std::string::npos);
}

TEST_CASE("staging refuses paths that leave the entry, reserved names and an entry twice", "[write][security]") {
    Out out;
    diag::Diagnostics diags;
    auto update = write::SiteUpdate::begin(*out.folder, diags);
    CHECK_FALSE(update->stage_folder("p", {{"a.html", "x"}, {"../escape.html", "x"}}, diags));
    CHECK_FALSE(update->stage_folder("../up", {{"a.html", "x"}}, diags));
    CHECK_FALSE(update->stage_folder(".hwbgen-site", {{"a.html", "x"}}, diags));
    CHECK_FALSE(update->stage_files({{"../x.html", "x"}}, diags));
    REQUIRE(update->stage_folder("q", {{"a.html", "x"}}, diags));
    CHECK_FALSE(update->stage_folder("q", {{"a.html", "y"}}, diags));
    CHECK(diags.error_count() == 5);
    update.reset();
    CHECK(names(out.path) == own);
}

TEST_CASE("the next claim finishes a commit that was killed half-way and clears leftovers", "[write]") {
    Out out;
    diag::Diagnostics diags;
    REQUIRE(out.publish({"p", "q"}, "v1", diags));
    // What a build killed after swapping p but before q leaves: p new (old copy in the work
    // folder), q still staged, and the journal naming both.
    const fs::path work = out.path / ".hwbgen-work-abc123";
    fs::create_directories(work / "new/q");
    fs::create_directories(work / "old");
    std::ofstream((work / "new/q/index.html").string()) << "v2 q";
    fs::rename(out.path / "p", work / "new/p");
    fs::create_directories(out.path / "p");
    std::ofstream((out.path / "p/index.html").string()) << "v2 p";
    struct stat p {
    }, q{};
    ::stat((out.path / "p").c_str(), &p);
    ::stat((work / "new/q").c_str(), &q);
    std::ofstream((work / "COMMIT").string()) << "p " << p.st_ino << "\nq " << q.st_ino << "\n";
    fs::create_directories(out.path / ".hwbgen-work-zzz999/new/r");  // killed while staging
    out.folder.reset();
    std::optional<write::Refusal> refusal;
    std::ostringstream progress;
    out.folder.emplace(std::move(*write::OutFolder::claim(out.path.string(), 0, progress, refusal)));
    CHECK(read(out.path / "p/index.html") == "v2 p");
    CHECK(read(out.path / "q/index.html") == "v2 q");
    CHECK(names(out.path) == with_own({"p", "q"}));
}

TEST_CASE("files added to a staged entry after staging keep their inode too when unchanged", "[write]") {
    Out out;
    diag::Diagnostics diags;
    bool refused = false;
    std::vector<ino_t> pdf, changing;
    for (int round = 0; round < 2; ++round) {
        auto update = write::SiteUpdate::begin(*out.folder, diags);
        REQUIRE(update->stage_folder("p", {{"index.html", "page"}}, diags));
        // As a later step (PDFs, the search index) writes into the staged folder.
        fs::path staged;
        for (fs::directory_iterator it(out.path), end; it != end; ++it)
            if (it->path().filename().string().rfind(".hwbgen-work-", 0) == 0) staged = it->path() / "new/p";
        REQUIRE_FALSE(staged.empty());  // the one work folder was found
        std::ofstream((staged / "paper.pdf").string()) << "pdf bytes";
        std::ofstream((staged / "changing.txt").string()) << "round " << round;
        REQUIRE(update->commit(*out.folder, diags, refused));
        update.reset();
        struct stat st {};
        ::stat((out.path / "p/paper.pdf").c_str(), &st);
        pdf.push_back(st.st_ino);
        ::stat((out.path / "p/changing.txt").c_str(), &st);
        changing.push_back(st.st_ino);
    }
    CHECK(pdf[0] == pdf[1]);
    CHECK(changing[0] != changing[1]);
    CHECK(read(out.path / "p/changing.txt") == "round 1");
    CHECK(names(out.path / "p") == std::set<std::string>{"changing.txt", "index.html", "paper.pdf"});
}
