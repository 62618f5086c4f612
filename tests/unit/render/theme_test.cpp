// The theme: templates from templates/, a place's own copies winning, partials, errors placed.
#include <catch2/catch.hpp>

#include "render/detail/theme.hpp"
#include "support.hpp"

using namespace hwbgen;
using render::detail::Theme;
using render::detail::View;

namespace {

load::MemoryTree theme_tree() {
    load::MemoryTree tree;
    tree.add("templates/html/layout.mustache", "<main>{{{content}}}</main>");
    tree.add("templates/markdown/layout.mustache", "{{{content}}}");
    tree.add("templates/html/page.mustache", "<h1>{{title}}</h1>\n{{> footer}}\n");
    tree.add("templates/markdown/page.mustache", "# {{title}}\n");
    tree.add("templates/partials/footer.mustache", "<footer>{{board}}</footer>\n");
    tree.add("templates/assets/site.css", "body {}");
    tree.add("templates/assets/pictures/house.svg", "<svg/>");
    return tree;
}

View page(const std::string& title) {
    View v;
    v.set("title", title);
    v.set("board", "Testshire Board");
    return v;
}

}  // namespace

TEST_CASE("HTML templates escape values; Markdown templates keep them as written", "[render][theme]") {
    const auto tree = theme_tree();
    diag::Diagnostics diags;
    const Theme theme(tree, "testshire", diags);
    REQUIRE(test::summary(diags).empty());
    CHECK(theme.render("html/page", page("Fish & <chips>"), diags) ==
          "<h1>Fish &amp; &lt;chips&gt;</h1>\n<footer>Testshire Board</footer>\n");
    CHECK(theme.render("markdown/page", page("Fish & *chips*"), diags) == "# Fish & *chips*\n");
    CHECK(test::summary(diags).empty());
}

TEST_CASE("a place's own template, partial or asset wins over the default theme's", "[render][theme]") {
    auto tree = theme_tree();
    tree.add("content/testshire/templates/partials/footer.mustache", "<footer>ours</footer>\n");
    tree.add("content/testshire/templates/assets/site.css", "main {}");
    tree.add("content/testshire/templates/assets/logo.svg", "<svg/>");
    diag::Diagnostics diags;
    const Theme theme(tree, "testshire", diags);
    CHECK(theme.render("html/page", page("Home"), diags) == "<h1>Home</h1>\n<footer>ours</footer>\n");
    // Another place still gets the default theme.
    const Theme other(tree, "otherton", diags);
    CHECK(other.render("html/page", page("Home"), diags) == "<h1>Home</h1>\n<footer>Testshire Board</footer>\n");

    std::vector<std::string> assets;
    for (const auto& a : theme.assets()) assets.push_back(a.path + "=" + a.bytes);
    CHECK(assets == std::vector<std::string>{"logo.svg=<svg/>", "pictures/house.svg=<svg/>", "site.css=main {}"});
    CHECK(test::summary(diags).empty());
}

TEST_CASE("a template error is reported at its line and column in the file that has it", "[render][theme]") {
    auto tree = theme_tree();
    tree.add("content/testshire/templates/html/page.mustache", "<h1>{{title}}</h1>\n{{#items}}\n<p>open</p>\n");
    diag::Diagnostics diags;
    const Theme theme(tree, "testshire", diags);
    const auto report = test::summary(diags);
    CHECK(report.rfind("content/testshire/templates/html/page.mustache:", 0) == 0);
    CHECK(report.find(": error: template error: ") != std::string::npos);
    CHECK(report.find("[check that every {{#section}} has a matching {{/section}}]") != std::string::npos);
}

TEST_CASE("a theme without its layouts is one error, and a missing page template is named", "[render][theme]") {
    load::MemoryTree tree;
    tree.add("templates/html/page.mustache", "x");
    diag::Diagnostics diags;
    const Theme theme(tree, "testshire", diags);
    CHECK(test::summary(diags) ==
          "templates/html/layout.mustache:0:0: error: the theme has no page layout [run hwbgen in the project "
          "folder (the one holding templates/), or give --root]\n");

    const auto full = theme_tree();
    diag::Diagnostics more;
    const Theme complete(full, "testshire", more);
    CHECK(complete.has("html/page"));
    CHECK_FALSE(complete.has("html/glossary"));
    CHECK(complete.render("html/glossary", page("x"), more).empty());
    CHECK(test::summary(more) ==
          "templates/html/glossary.mustache:0:0: error: template not found [restore it from the default theme]\n");
}

TEST_CASE("content cannot name a partial: page data is never read as a template", "[render][theme][security]") {
    const auto tree = theme_tree();
    diag::Diagnostics diags;
    const Theme theme(tree, "testshire", diags);
    CHECK(theme.render("html/page", page("{{> footer}}{{board}}"), diags) ==
          "<h1>{{&gt; footer}}{{board}}</h1>\n<footer>Testshire Board</footer>\n");
}

TEST_CASE("a partial that includes itself, or grows without bound, is an error, not a crash", "[render][theme]") {
    for (const auto& [files, message] :
         std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, std::string>>{
             {{{"footer", "x{{> footer}}"}},
              "footer.mustache:0:0: error: partial 'footer' includes itself (footer -> footer)"},
             {{{"footer", "{{> a}}"}, {"a", "{{#list}}{{> b}}{{/list}}"}, {"b", "{{> a}}"}},
              "a.mustache:0:0: error: partial 'a' includes itself (a -> b -> a)"},
             {{{"footer", "{{> p1}}"},
               {"p1", std::string(20, 'x') + "{{> p2}}{{> p2}}{{> p2}}{{> p2}}{{> p2}}"},
               {"p2", "{{> p3}}{{> p3}}{{> p3}}{{> p3}}{{> p3}}"},
               {"p3", "{{> p4}}{{> p4}}{{> p4}}{{> p4}}{{> p4}}"},
               {"p4", "{{> p5}}{{> p5}}{{> p5}}{{> p5}}{{> p5}}"},
               {"p5", std::string(1000, 'y') + "{{> p6}}{{> p6}}"},
               {"p6", std::string(1000, 'z')}},
              "p1.mustache:0:0: error: partial 'p1' grows over 1 MiB once the partials it includes are put in"}}) {
        INFO(message);
        auto tree = theme_tree();
        for (const auto& [name, text] : files)
            tree.add("content/testshire/templates/partials/" + name + ".mustache", text);
        diag::Diagnostics diags;
        const Theme theme(tree, "testshire", diags);
        CHECK(test::summary(diags).find(message) != std::string::npos);
        CHECK(theme.render("html/page", page("Home"), diags).size() < 10000);
    }
}
