// The system page (site/index.html over every place) and building places in parallel.
#include <catch2/catch.hpp>

#include "derive/indicator_figures.hpp"
#include "e2e_support.hpp"
#include "load/load.hpp"
#include "load/system.hpp"
#include "render/markdown.hpp"

using namespace hwbgen;
using namespace hwbgen::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
        text.replace(at, from.size(), to);
    return text;
}

// A copy of the whole project (templates, indicators and every example place), to change freely.
void copy_example_project(const fs::path& root) { copy_project(root, {"templates", "indicators", "content"}); }

// A third place with only what a place needs: place.yaml and one section. Its area has figures
// in the example indicator data, so it joins the shared indicators too.
const char* const third_place = "third-place";
const char* const third_name = "Third Place Test Borough";

void add_third_place(const fs::path& root) {
    write_file(root / "content" / third_place / "place.yaml",
               std::string("name: ") + third_name +
                   "\n"
                   "area_code: E06000017\n"
                   "board: Third Place Test Borough Health and Wellbeing Board\n"
                   "strategy:\n"
                   "  title: Our Health Plan\n"
                   "  years: 2025-2030\n"
                   "vision: Everyone lives a long, healthy life\n");
    write_file(root / "content" / third_place / "sections/01-start-well.yaml",
               "id: start-well\n"
               "title: Start well\n"
               "kind: life-course\n"
               "priorities:\n"
               "  - id: school-ready\n"
               "    title: Children ready for school\n");
}

RunResult build(const fs::path& root, const std::string& args) {
    return run_hwbgen("build " + args + " --root " + root.string(), root);
}

}  // namespace

TEST_CASE("building every place writes the system page, named by content/system.yaml", "[e2e][system]") {
    TempProject out;
    const auto r = run_hwbgen("build --quiet --root " + source_dir.string() + " --out " + out.root.string(), out.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string html = read_file(out.root / "index.html"), md = read_file(out.root / "index.md");
    CHECK(fs::exists(out.root / "assets/style.css"));
    CHECK(contains(html, "<link rel=\"stylesheet\" href=\"./assets/style.css\">"));

    const load::DiskTree tree(source_dir.string());
    diag::Diagnostics diags;
    const auto system = load::load_system(tree, diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK(contains(html, "<h1>" + render::escape_html(system.name) + "</h1>"));
    CHECK(contains(md, "# " + system.name + "\n"));
    const auto places = load::find_places(tree);
    REQUIRE(places.size() >= 2);
    for (const auto& id : places) {
        const auto place = load::load_place(tree, id, diags);
        INFO(id);
        CHECK(contains(html, "<a href=\"./" + id + "/\">" + render::escape_html(place.name) + "</a>"));
        CHECK(contains(html, render::escape_html(place.board)));
        CHECK(contains(html, render::escape_html(place.strategy.title) + " " + place.strategy.years));
        CHECK(contains(md, "[" + place.name + "](./" + id + "/index.md)"));
    }
    // Shared: an indicator with a latest value in two places or more, as each place's pages have it.
    auto indicators = load::load_indicators(tree, diags);
    derive::complete_limits(indicators);
    std::map<std::string, int> places_with_value;
    for (const auto& id : places)
        for (const auto& f : derive::indicator_figures(load::load_place(tree, id, diags), indicators))
            places_with_value[f.definition->id] += f.latest && f.latest->value ? 1 : 0;
    int shared = 0;
    for (const auto& [id, count] : places_with_value) {
        INFO("indicator " << id << " has a value in " << count << " places");
        CHECK(contains(html, "<h3 id=\"" + id + "-heading\">") == (count >= 2));
        shared += count >= 2 ? 1 : 0;
    }
    CHECK(shared >= 1);
    // Each shared indicator: a chart with a text alternative, and the table of the same figures.
    CHECK(contains(html, "id=\"shared-indicators\""));
    CHECK(contains(html, "role=\"img\" aria-labelledby=\"chart-"));
    CHECK(contains(html, "<desc id=\"chart-"));
    CHECK(contains(html, "<th scope=\"col\">Compared with England</th>"));
    CHECK(contains(md, "| Place | Time period |"));
}

TEST_CASE("building named places leaves the system page alone", "[e2e][system]") {
    TempProject out;
    const auto r = run_hwbgen("build leicestershire --quiet --root " + source_dir.string() + " --out " +
                                  out.root.string(),
                              out.root);
    REQUIRE(r.code == 0);
    CHECK_FALSE(fs::exists(out.root / "index.html"));
    CHECK_FALSE(fs::exists(out.root / "assets"));
}

TEST_CASE("without content/system.yaml the system page has a generic name", "[e2e][system]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    const auto r = build(project.root, "--quiet");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string html = read_file(project.root / "site/index.html");
    CHECK(contains(html, "<h1>Health and Wellbeing Boards</h1>"));
    CHECK(contains(html, "<a href=\"./minimal/\">Minimal Borough</a>"));
    // One place shares nothing with another.
    CHECK_FALSE(contains(html, "id=\"shared-indicators\""));
}

TEST_CASE("a mistake in content/system.yaml is reported with its line", "[e2e][system]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    write_file(project.root / "content/system.yaml", "name: Somewhere\nshort_nmae: SW\n");
    const auto r = build(project.root, "--quiet");
    CHECK(r.code == 1);
    CHECK(contains(r.err, "content/system.yaml:2:1: error: unknown field 'short_nmae'"));
    CHECK(contains(r.err, "did you mean 'short_name'?"));
    CHECK_FALSE(fs::exists(project.root / "site"));
}

TEST_CASE("a third place builds with no change to the program and the system page lists it", "[e2e][system]") {
    TempProject project;
    copy_example_project(project.root);
    add_third_place(project.root);
    const auto r = build(project.root, "");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, std::string("built ") + third_place + ": "));
    CHECK(fs::exists(project.root / "site" / third_place / "index.html"));
    CHECK(fs::exists(project.root / "site" / third_place / "sections/start-well/school-ready/index.html"));
    const std::string html = read_file(project.root / "site/index.html");
    CHECK(contains(html, std::string("<a href=\"./") + third_place + "/\">" + third_name + "</a>"));
    CHECK(contains(html, "Our Health Plan 2025-2030"));
    // Its figures sit beside the other places' in the shared indicators, linked to its own pages.
    CHECK(contains(html, std::string("<a href=\"./") + third_place + "/indicators/"));
    CHECK(contains(read_file(project.root / "site/index.md"), std::string("[") + third_name + "]"));
}

TEST_CASE("a place that fails leaves the old system page as it was", "[e2e][system]") {
    TempProject project;
    copy_example_project(project.root);
    REQUIRE(build(project.root, "--quiet").code == 0);
    const auto before = read_tree(project.root / "site");
    // A new system name would change the page, but the last place is broken, so nothing may.
    write_file(project.root / "content/system.yaml", "name: A New Name For The System\n");
    const auto places = load::find_places(load::DiskTree(project.root.string()));
    const fs::path place_yaml = project.root / "content" / places.back() / "place.yaml";
    write_file(place_yaml, read_file(place_yaml) + "no_such_key: 1\n");
    const auto r = build(project.root, "--quiet");
    CHECK(r.code == 1);
    CHECK(contains(r.err, "unknown field 'no_such_key'"));
    CHECK(read_tree(project.root / "site") == before);
}

TEST_CASE("building on several threads gives the same files, output and exit code as one", "[e2e][system][jobs]") {
    TempProject project;
    copy_example_project(project.root);
    add_third_place(project.root);
    // A fourth place so there are more places than threads at -j2.
    copy_tree(project.root / "content" / third_place, project.root / "content/zz-fourth-place");

    const auto compare = [&](const std::string& what) {
        const fs::path one = project.root / ("out-j1-" + what), four = project.root / ("out-j4-" + what);
        const auto serial = build(project.root, "-j1 --out " + one.string());
        const auto parallel = build(project.root, "-j4 --out " + four.string());
        const auto two = build(project.root, "--jobs 2 --out " + (project.root / ("out-j2-" + what)).string());
        CHECK(serial.code == parallel.code);
        CHECK(serial.code == two.code);
        CHECK(serial.err == parallel.err);
        CHECK(serial.err == two.err);
        CHECK(replace_all(parallel.out, four.string(), one.string()) == serial.out);
        const auto serial_files = fs::exists(one) ? read_tree(one) : std::map<std::string, std::string>{};
        const auto parallel_files = fs::exists(four) ? read_tree(four) : std::map<std::string, std::string>{};
        CHECK(serial_files.size() == parallel_files.size());
        CHECK(serial_files == parallel_files);
        return std::make_pair(serial, serial_files);
    };

    SECTION("every place builds") {
        const auto [result, files] = compare("ok");
        INFO(result.err);
        CHECK(result.code == 0);
        CHECK(files.count("index.html") == 1);
        CHECK(files.count("zz-fourth-place/index.html") == 1);
        // "built" lines in place order, the system page last.
        const auto places = load::find_places(load::DiskTree(project.root.string()));
        size_t at = 0;
        for (const auto& id : places) {
            const auto line = result.out.find("built " + id + ": ", at);
            INFO(id);
            CHECK(line != std::string::npos);
            at = line == std::string::npos ? at : line;
        }
        CHECK(result.out.find("built the system page: ", at) != std::string::npos);
    }
    SECTION("a place in the middle fails: no place and no system page is published") {
        const auto places = load::find_places(load::DiskTree(project.root.string()));
        REQUIRE(places.size() == 4);
        const fs::path place_yaml = project.root / "content" / places[1] / "place.yaml";
        write_file(place_yaml, read_file(place_yaml) + "no_such_key: 1\n");
        const auto [result, files] = compare("failed");
        CHECK(result.code == 1);
        CHECK(files.empty());  // all or nothing: the folder a failed first build made is gone again
    }
    SECTION("checking reports every place's problems, whatever the threads") {
        const auto places = load::find_places(load::DiskTree(project.root.string()));
        for (const size_t i : {size_t{1}, size_t{3}}) {
            const fs::path place_yaml = project.root / "content" / places[i] / "place.yaml";
            write_file(place_yaml, read_file(place_yaml) + "no_such_key: 1\n");
        }
        const auto serial = run_hwbgen("check -j1 --root " + project.root.string(), project.root);
        const auto parallel = run_hwbgen("check -j4 --root " + project.root.string(), project.root);
        CHECK(serial.code == 1);
        CHECK(parallel.code == 1);
        CHECK(serial.err == parallel.err);
        CHECK(contains(serial.err, "2 errors"));
    }
}

TEST_CASE("a bad number of jobs is a usage error", "[e2e][system][jobs]") {
    TempProject project;
    CHECK(run_hwbgen("build -j x", project.root).code == 2);
    CHECK(run_hwbgen("build -j -3", project.root).code == 2);
}

TEST_CASE("no place may be called 'assets', the system page's folder", "[e2e][system]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    fs::rename(project.root / "content/minimal", project.root / "content/assets");
    const auto r = build(project.root, "--quiet");
    CHECK(r.code == 1);
    CHECK(contains(r.err, "content/assets/place.yaml: error: a place cannot be called 'assets'"));
    CHECK_FALSE(fs::exists(project.root / "site"));
}
