// The example content (content/leicestershire) carries the strategy in full, on every page.
#include <catch2/catch.hpp>

#include "e2e_support.hpp"
#include "load/load.hpp"
#include "render/markdown.hpp"

using namespace hwbgen;
using namespace hwbgen::test;

namespace {

// Text as a reader sees it: tags removed, entities decoded, white space folded.
std::string visible_text(const std::string& html) {
    std::string text;
    bool in_tag = false;
    for (const char c : html) {
        if (c == '<')
            in_tag = true;
        else if (c == '>')
            in_tag = false;
        else if (!in_tag)
            text += c;
    }
    const std::pair<const char*, const char*> entities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
    for (const auto& [from, to] : entities)
        for (size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, std::string(from).size(), to);
    std::string folded;
    for (const char c : text)
        if (!(std::isspace(static_cast<unsigned char>(c)) && (folded.empty() || folded.back() == ' ')))
            folded += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
    return folded;
}

struct BuiltExample {
    TempProject out;
    model::Place place;
    BuiltExample() {
        const auto r = run_hwbgen("build leicestershire --quiet --root " + source_dir.string() + " --out " +
                                      out.root.string(),
                                  out.root);
        REQUIRE(r.err.empty());
        REQUIRE(r.code == 0);
        const load::DiskTree tree(source_dir.string());
        diag::Diagnostics diags;
        place = load::load_place(tree, "leicestershire", diags);
        REQUIRE_FALSE(diags.has_errors());
    }
    std::string page(const model::Section& s, const model::Priority& p, const char* file) const {
        return read_file(out.root / "leicestershire/sections" / s.id / p.id / file);
    }
};

size_t success_count(const model::Priority& p) {
    size_t n = 0;
    for (const auto& m : p.success) n += 1 + m.items.size();
    return n;
}

}  // namespace

TEST_CASE("the Leicestershire strategy has every success measure and commitment of the seed", "[e2e][content]") {
    const load::DiskTree tree(source_dir.string());
    diag::Diagnostics diags;
    const auto place = load::load_place(tree, "leicestershire", diags);
    REQUIRE_FALSE(diags.has_errors());
    // Counted in seed 004, section by section: {success measures, commitments}.
    const std::map<std::string, std::pair<size_t, size_t>> expected = {{"best-start", {16, 20}},
                                                                       {"staying-healthy", {20, 20}},
                                                                       {"living-well", {12, 13}},
                                                                       {"dying-well", {9, 10}},
                                                                       {"cross-cutting", {19, 14}}};
    size_t success = 0, commitments = 0;
    for (const auto& s : place.sections) {
        size_t section_success = 0, section_commitments = 0;
        for (const auto& p : s.priorities) {
            section_success += success_count(p);
            section_commitments += p.commitments.size();
        }
        INFO("section " << s.id);
        REQUIRE(expected.count(s.id) == 1);
        CHECK(std::make_pair(section_success, section_commitments) == expected.at(s.id));
        success += section_success;
        commitments += section_commitments;
    }
    CHECK(success == 76);
    CHECK(commitments == 77);
}

TEST_CASE("every commitment and success measure appears word for word in HTML and Markdown", "[e2e][content]") {
    const BuiltExample built;
    size_t checked = 0;
    for (const auto& s : built.place.sections)
        for (const auto& p : s.priorities) {
            const std::string html = visible_text(built.page(s, p, "index.html"));
            const std::string md = built.page(s, p, "index.md");
            std::vector<std::string> texts;
            for (const auto& c : p.commitments) texts.push_back(c.text);
            for (const auto& m : p.success) {
                texts.push_back(m.text);
                texts.insert(texts.end(), m.items.begin(), m.items.end());
            }
            for (const auto& t : texts) {
                INFO("priority " << p.id << ": " << t);
                CHECK(html.find(visible_text(render::markdown_inline_to_html(t))) != std::string::npos);
                CHECK(md.find(t) != std::string::npos);
                ++checked;
            }
        }
    CHECK(checked == 76 + 77);
}

TEST_CASE("the same input builds the same bytes", "[e2e]") {
    TempProject a, b;
    for (auto* out : {&a, &b})
        REQUIRE(run_hwbgen("build --quiet --root " + source_dir.string() + " --out " + out->root.string(), out->root)
                    .code == 0);
    const auto first = read_tree(a.root), second = read_tree(b.root);
    CHECK(first.size() > 30);
    CHECK(first == second);
}

TEST_CASE("every HTML page has a Markdown twin, a language, a skip link and one main heading", "[e2e]") {
    const BuiltExample built;
    size_t pages = 0, twins = 0;
    for (const auto& [path, bytes] : read_tree(built.out.root / "leicestershire")) {
        twins += path.size() >= 8 && path.compare(path.size() - 8, 8, "index.md") == 0;
        if (path.size() < 10 || path.compare(path.size() - 10, 10, "index.html") != 0) continue;
        INFO(path);
        ++pages;
        CHECK(fs::exists(built.out.root / "leicestershire" / (path.substr(0, path.size() - 4) + "md")));
        CHECK(bytes.find("<html lang=\"en-GB\">") != std::string::npos);
        CHECK(bytes.find("href=\"#main-content\"") != std::string::npos);
        const auto first_h1 = bytes.find("<h1");
        CHECK(first_h1 != std::string::npos);
        CHECK(bytes.find("<h1", first_h1 + 1) == std::string::npos);
    }
    // At least the home page and one page per section and per priority; and no twin without its page.
    size_t expected_at_least = 1;
    for (const auto& s : built.place.sections) expected_at_least += 1 + s.priorities.size();
    CHECK(expected_at_least >= 10);
    CHECK(pages >= expected_at_least);
    CHECK(twins == pages);
}

TEST_CASE("the example content passes hwbgen check with no errors or warnings, Easy Read included", "[e2e][content]") {
    TempProject work;
    const auto r = run_hwbgen("check --root " + source_dir.string(), work.root);
    CHECK(r.err.empty());
    CHECK(r.code == 0);
    const BuiltExample built;
    CHECK(fs::exists(built.out.root / "leicestershire/easy-read/index.html"));
    for (const auto& s : built.place.sections) {
        INFO(s.id);
        CHECK_FALSE(s.easy_read.empty());
        CHECK(fs::exists(built.out.root / "leicestershire/easy-read" / s.id / "index.html"));
    }
}
