// Seed 003's logic models on the Leicester pages: every project and every KPI, counted against
// the seed and found on the built priority pages.
#include <catch2/catch.hpp>

#include "e2e_support.hpp"
#include "load/load.hpp"

using namespace hwbgen;
using namespace hwbgen::test;

namespace {

// Seed 003: Childhood Immunisations 3 projects and 4 KPIs, Healthy Weight 4 and 18, Mental
// health and social inclusion 8 and 22.
constexpr size_t seed_projects = 15, seed_kpis = 44;

}  // namespace

TEST_CASE("every logic-model project and KPI of seed 003 is on the Leicester pages", "[e2e][leicester]") {
    const load::DiskTree tree(source_dir.string());
    diag::Diagnostics diags;
    const auto place = load::load_place(tree, "leicester", diags);
    REQUIRE(!diags.has_errors());
    size_t projects = 0, kpis = 0;
    for (const auto& s : place.sections)
        for (const auto& p : s.priorities)
            for (const auto& pr : p.projects) {
                ++projects;
                kpis += pr.kpis.size();
            }
    CHECK(projects == seed_projects);
    CHECK(kpis == seed_kpis);

    TempProject project;
    copy_project(project.root, {"templates", "content", "indicators"});
    const auto r = run_hwbgen("build leicester --quiet --root " + project.root.string(), project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    for (const auto& s : place.sections)
        for (const auto& p : s.priorities) {
            const std::string md = read_file(project.root / "site/leicester/sections" / s.id / p.id / "index.md");
            for (const auto& pr : p.projects) {
                INFO(pr.title);
                CHECK(md.find("### " + pr.title + "\n") != std::string::npos);
                for (const auto& k : pr.kpis) {
                    INFO(k.name);
                    // Plain text in a Markdown page has '<', '[', ']' and '\\' as entities.
                    const auto escaped = [](const std::string& t) {
                        std::string out;
                        for (const char c : t)
                            out += c == '<'    ? "&lt;"
                                   : c == '['  ? "&#91;"
                                   : c == ']'  ? "&#93;"
                                   : c == '\\' ? "&#92;"
                                               : std::string(1, c);
                        return out;
                    };
                    CHECK(md.find("| " + escaped(k.name) + " | " + escaped(k.current) + " | " + escaped(k.target) +
                                  " |") != std::string::npos);
                }
            }
        }
}
