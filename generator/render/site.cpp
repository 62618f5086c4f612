#include "render/site.hpp"

#include <map>

#include "load/easy_read.hpp"
#include "render/abbreviations.hpp"
#include "render/detail/easy_read_views.hpp"
#include "render/detail/plumbing.hpp"
#include "render/detail/theme.hpp"
#include "render/detail/views.hpp"
#include "render/detail/whole_document.hpp"
#include "render/docx.hpp"
#include "render/easy_read.hpp"
#include "render/infographic.hpp"
#include "render/open_data.hpp"

namespace hwbgen::render {

using namespace detail;

namespace {

struct Link {
    std::string title;
    std::string url;  ///< relative to the place's root, "" for home
};

struct PageSpec {
    std::string dir;   ///< "sections/early-years/", "" for home
    std::string kind;  ///< the template: html/<kind> and markdown/<kind>
    std::string title;
    View view;
    std::vector<Link> crumbs;                     ///< ancestors, home first
    bool example = false;                         ///< built from made-up figures: the page says so
    std::string docx_date{};                      ///< set for pages also written as a Word document: its date
    std::string file{};                           ///< set for a page written as dir + file alone (404.html), no twin
    std::string pdf{};                            ///< a PDF the page links to, relative to the place's root
    bool prints = false;                          ///< the PDF is printed from this page
    std::string pdf_label{};                      ///< what the PDF is, for its download link
    std::vector<std::pair<size_t, int>> parts{};  ///< a whole document: its pages and their levels
};

// A page also written as a Word document.
struct Document {
    std::string path;
    std::string markdown;
    std::string date;  ///< yyyy-mm-dd, stamped in the document
};

std::string root_for(const std::string& dir) {
    std::string root;
    for (const char c : dir)
        if (c == '/') root += "../";
    return root.empty() ? "./" : root;
}

View links_view(const std::vector<Link>& links, const std::string& current, const std::string& root) {
    View list = list_view();
    for (const auto& l : links) {
        View v;
        v.set("title", l.title);
        v.set("url", root + l.url);
        v.set("current", l.url == current);
        v.set("ancestor", l.url != current && !l.url.empty() && current.rfind(l.url, 0) == 0);
        list.push_back(v);
    }
    return list;
}

// The page a page sits under, for search results and the list of every page.
std::string section_of(const PageSpec& page) { return page.crumbs.size() > 1 ? page.crumbs.back().title : ""; }

std::vector<Link> main_nav(const model::Place& place) {
    std::vector<Link> nav{{"Home", ""}};
    for (const auto& s : place.sections) nav.push_back({s.title, section_url(s)});
    nav.push_back({"Indicators", "indicators/"});
    nav.push_back({"Plan on a page", "plan-on-a-page/"});
    if (!place.cycles.empty()) nav.push_back({"Progress reports", "reports/"});
    if (!place.easy_read.empty()) nav.push_back({"Easy Read", "easy-read/"});
    return nav;
}

bool has_principles(const model::Place& place) { return !place.principles.empty() || !place.enablers.empty(); }

std::vector<Link> footer_nav(const model::Place& place) {
    std::vector<Link> nav;
    if (!place.foreword.body.empty()) nav.push_back({"Foreword", "foreword/"});
    for (const auto& p : place.pages) nav.push_back({p.title, p.id + "/"});
    if (has_principles(place)) nav.push_back({"Principles and enablers", "principles/"});
    if (!place.subgroups.empty()) nav.push_back({"Sub-groups", "subgroups/"});
    if (!place.timetable.empty()) nav.push_back({"Reporting timetable", "timetable/"});
    nav.push_back({"Glossary", "glossary/"});
    nav.push_back({"About the data", "about-data/"});
    nav.push_back({"Accessibility statement", "accessibility/"});
    return nav;
}

// Every cycle's report, Outcomes Report and board paper, with an index; earlier cycles stay at
// the same addresses.
void add_cycle_pages(const SiteContext& ctx, std::vector<PageSpec>& pages) {
    const auto& place = ctx.place;
    if (place.cycles.empty()) return;
    const Link home{"Home", ""}, reports{"Progress reports", "reports/"};
    pages.push_back({"reports/", "reports", "Progress reports", reports_index_view(ctx), {home}});
    const auto items = derive::strategy_items(place);
    for (size_t i = 0; i < place.cycles.size(); ++i) {
        const auto& c = place.cycles[i];
        const Link report{"Progress report, " + long_date(c.date), report_url(c)};
        const derive::CycleFigures figures(place, items, ctx.figures, i);
        pages.push_back({report.url,
                         "report",
                         report.title + " (" + c.meeting + ")",
                         report_view(ctx, figures),
                         {home, reports},
                         c.example});
        pages.push_back({report.url + "outcomes-report/",
                         "outcomes-report",
                         "Outcomes Report, " + long_date(c.date),
                         outcomes_report_view(ctx, c),
                         {home, reports, report},
                         c.example});
        if (c.paper)
            pages.push_back({board_paper_url(c),
                             "board-paper",
                             c.paper->title,
                             board_paper_view(ctx, figures),
                             {home, reports},
                             c.example,
                             c.date});
    }
}

std::vector<PageSpec> page_specs(const SiteContext& ctx) {
    const auto& place = ctx.place;
    const Link home{"Home", ""};
    std::vector<PageSpec> pages;
    pages.reserve(64 + ctx.figures.size() + 4 * place.cycles.size() + place.pages.size() + [&] {
        size_t n = 0;
        for (const auto& s : place.sections) n += 2 + s.priorities.size();
        return n;
    }());
    pages.push_back({"", "home", place.strategy.title, home_view(ctx), {}});
    pages.push_back({"plan-on-a-page/", "plan", "Plan on a page", plan_view(ctx), {home}});
    if (!place.foreword.body.empty())
        pages.push_back({"foreword/", "foreword", "Foreword", foreword_view(ctx), {home}});
    for (const auto& s : place.sections) {
        pages.push_back({section_url(s), "section", s.title, section_view(ctx, s), {home}});
        for (size_t i = 0; i < s.priorities.size(); ++i)
            pages.push_back({priority_url(s, s.priorities[i]),
                             "priority",
                             s.priorities[i].title,
                             priority_view(ctx, s, i),
                             {home, {s.title, section_url(s)}}});
    }
    for (const auto& p : place.pages) pages.push_back({p.id + "/", "page", p.title, page_view(p), {home}});
    pages.push_back({"indicators/", "indicators", "Indicators", indicator_table_view(ctx, nullptr), {home}});
    for (const auto& f : ctx.figures)
        if (f.latest)
            pages.push_back({indicator_url(*f.definition),
                             "indicator",
                             f.definition->name,
                             indicator_view(ctx, f),
                             {home, {"Indicators", "indicators/"}}});
    if (has_principles(place))
        pages.push_back({"principles/", "principles", "Principles and enablers", principles_view(ctx), {home}});
    if (!place.subgroups.empty())
        pages.push_back({"subgroups/", "subgroups", "Sub-groups", subgroups_view(ctx), {home}});
    if (!place.timetable.empty())
        pages.push_back({"timetable/", "timetable", "Reporting timetable", timetable_view(ctx), {home}});
    pages.push_back({"glossary/", "glossary", "Glossary", glossary_view(ctx), {home}});
    pages.push_back({"about-data/", "about-data", "About the data", View(View::type::object), {home}});
    if (!place.easy_read.empty()) {
        const std::string title = place.easy_read.title.empty() ? "Easy Read" : place.easy_read.title;
        pages.push_back({"easy-read/", "easy-read", title, easy_read_view(ctx), {home}});
        for (const auto& s : place.sections)
            if (!s.easy_read.empty())
                pages.push_back({"easy-read/" + s.id + "/",
                                 "easy-read-section",
                                 s.title,
                                 easy_read_section_view(s),
                                 {home, {"Easy Read", "easy-read/"}}});
    }
    add_cycle_pages(ctx, pages);
    pages.push_back({"accessibility/", "accessibility", "Accessibility statement", accessibility_view(ctx), {home}});
    pages.push_back({"", "not-found", "Page not found", View(View::type::object), {home}, false, "", "404.html"});
    return pages;
}

// The whole strategy and the whole Easy Read plan, each one page made of the others in reading
// order, so each prints as one PDF.
void add_whole_documents(const model::Place& place, std::vector<PageSpec>& pages) {
    const Link home{"Home", ""};
    PageSpec strategy{"strategy/", "document", "The whole strategy", View(View::type::object), {home}};
    PageSpec easy_read{"easy-read/whole/",
                       "document",
                       "The whole Easy Read plan",
                       View(View::type::object),
                       {home, {"Easy Read", "easy-read/"}}};
    for (size_t i = 0; i < pages.size(); ++i) {
        const auto& kind = pages[i].kind;
        if (kind == "foreword" || kind == "section" || kind == "principles" || kind == "page")
            strategy.parts.push_back({i, 1});
        if (kind == "priority") strategy.parts.push_back({i, 2});
        if (kind == "easy-read" || kind == "easy-read-section") easy_read.parts.push_back({i, 1});
    }
    pages.push_back(std::move(strategy));
    if (!place.easy_read.empty()) pages.push_back(std::move(easy_read));
}

// Which pages link to a PDF and which are printed to one.
void link_documents(const model::Place& place, std::vector<PageSpec>& pages) {
    for (auto& page : pages) {
        const auto set = [&](const std::string& pdf, bool prints, const char* label) {
            page.pdf = pdf;
            page.prints = prints;
            page.pdf_label = label;
        };
        if (page.kind == "home") set("strategy/strategy.pdf", false, "the whole strategy");
        if (page.dir == "strategy/") set("strategy/strategy.pdf", true, "the whole strategy");
        if (page.kind == "plan") set("plan-on-a-page/plan-on-a-page.pdf", true, "the plan on a page");
        if (page.kind == "easy-read") set("easy-read/whole/easy-read.pdf", false, "the Easy Read plan");
        if (page.dir == "easy-read/whole/") set("easy-read/whole/easy-read.pdf", true, "the Easy Read plan");
        if (page.kind == "board-paper") set(page.dir + "board-paper.pdf", true, "this board paper");
        if (page.kind != "report") continue;
        for (const auto& c : place.cycles)
            if (c.annual && report_url(c) == page.dir) set(page.dir + "annual-report.pdf", true, "this annual report");
    }
}

// PDFs carry a fixed date, so the same content prints the same bytes: the newest meeting's.
std::string document_date(const model::Place& place) {
    return place.cycles.empty() ? "2000-01-01" : place.cycles.back().date;
}

// The search page lists every page, so a reader without JavaScript still finds any of them.
void add_search_page(std::vector<PageSpec>& pages) {
    std::vector<PageEntry> entries;
    for (const auto& p : pages)
        if (p.file.empty()) entries.push_back({p.title, p.dir, section_of(p)});
    pages.push_back({"search/", "search", "Search", search_view(entries), {{"Home", ""}}});
}

// Template sections that render nothing leave blank lines; Markdown needs at most one in a row.
std::string tidy_markdown(const std::string& md) {
    std::string out;
    out.reserve(md.size());
    size_t newlines = 0;
    for (const char c : md) {
        newlines = c == '\n' ? newlines + 1 : 0;
        if (newlines <= 2) out += c;
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    out.erase(0, out.find_first_not_of('\n'));
    return out;
}

std::vector<Abbreviation> abbreviations(const model::Place& place) {
    std::vector<Abbreviation> out;
    for (const auto& g : place.glossary)
        if (g.abbreviation) out.push_back({g.term, g.meaning});
    return out;
}

class PageRenderer {
public:
    PageRenderer(const Theme& theme, const model::Place& place, diag::Diagnostics& diags)
        : theme_(theme), place_(place), diags_(diags), nav_(main_nav(place)), footer_(footer_nav(place)),
          abbreviations_(abbreviations(place)) {}

    void render(PageSpec& page, std::vector<OutputFile>& out) {
        // The 404 page is served at any depth, so with a known address its links are absolute.
        const std::string root = !page.file.empty() && !place_.site_url.empty() ? site_path(place_.site_url)
                                                                                : root_for(page.dir);
        page.view.set("root", root);
        set_common(page.view, page.title);
        std::string html = theme_.render("html/" + page.kind, page.view, diags_);
        if (page.kind != "glossary") html = mark_abbreviations(html, abbreviations_);
        if (!page.file.empty()) {
            out.push_back({page.dir + page.file, theme_.render("html/layout", layout(page, root, html), diags_)});
            return;
        }
        const std::string md = theme_.render("markdown/" + page.kind, page.view, diags_);
        if (!page.docx_date.empty())
            documents_.push_back({page.dir + "board-paper.docx", tidy_markdown(md), page.docx_date});
        out.push_back({page.dir + "index.html", theme_.render("html/layout", layout(page, root, html), diags_)});
        out.push_back(
            {page.dir + "index.md", tidy_markdown(theme_.render("markdown/layout", layout(page, root, md), diags_))});
    }

    // The site's navigation differs between pages only by depth and by which link is current,
    // so each variant is built once per place rather than once per page.
    const View& cached_links(const std::vector<Link>& links, const std::string& current, const std::string& root) {
        std::string key = root + (&links == &nav_ ? "|n|" : "|f|");
        for (const auto& l : links)
            key += l.url == current ? 'c' : !l.url.empty() && current.rfind(l.url, 0) == 0 ? 'a' : '-';
        auto it = link_views_.find(key);
        if (it == link_views_.end()) it = link_views_.emplace(key, links_view(links, current, root)).first;
        return it->second;
    }

    /// Fills a whole document's view with its parts, rendered for its folder.
    void assemble(PageSpec& whole, std::vector<PageSpec>& pages) {
        const std::string root = root_for(whole.dir);
        std::vector<DocumentPart> parts;
        for (const auto& [index, level] : whole.parts) {
            PageSpec& part = pages[index];
            part.view.set("root", root);
            set_common(part.view, part.title);
            const std::string anchor = "part-" + std::to_string(parts.size() + 1);
            const std::string html = theme_.render("html/" + part.kind, part.view, diags_);
            parts.push_back({part.title, anchor, level, prefix_ids(shift_headings(html, level), anchor)});
        }
        whole.view = whole_document_view(parts);
    }

    /// Markdown of the pages that are also Word documents, with the documents' paths.
    const std::vector<Document>& documents() const { return documents_; }

private:
    void set_common(View& v, const std::string& title) const {
        v.set("title", title);
        v.set("place_name", place_.name);
        v.set("board", place_.board);
        v.set("strategy_title", place_.strategy.title);
        v.set("strategy_years", place_.strategy.years);
    }

    View layout(const PageSpec& page, const std::string& root, const std::string& content) {
        View v;
        v.set("title", page.title);
        v.set("root", root);
        v.set("content", content);
        v.set("is_home", page.dir.empty() && page.file.empty());
        v.set("kind", page.kind);
        v.set("example", page.example);
        v.set("own_title", !page.docx_date.empty());  // a board paper has its own title block
        v.set("place_name", place_.name);
        v.set("board", place_.board);
        v.set("strategy_title", place_.strategy.title);
        v.set("strategy_years", place_.strategy.years);
        set_text(v, "strategy_status", place_.strategy.status);
        v.set("nav", cached_links(nav_, page.dir, root));
        v.set("footer_nav", cached_links(footer_, page.dir, root));
        v.set("crumbs", links_view(page.crumbs, page.dir, root));
        v.set("has_crumbs", !page.crumbs.empty());
        const bool indexed = !place_.site_url.empty() && page.file.empty();
        set_text(v, "canonical", indexed ? base_url(place_.site_url) + page.dir : "");
        set_text(v, "description", page_description(place_));
        v.set("noindex", !page.file.empty());
        set_text(v, "pdf", page.pdf);
        // A printed page's running header names the document, its footer the board.
        set_text(v, "print_header", page.prints ? css_string(document_title(page)) : "");
        v.set("print_footer", css_string(place_.board));
        v.set("pdf_label", page.pdf_label);
        v.set("searchable", page.file.empty() && page.kind != "search" && page.kind != "document");
        set_text(v, "section", section_of(page));
        return v;
    }

    // What a PDF is called in its running header: the strategy's own title for the whole strategy.
    std::string document_title(const PageSpec& page) const {
        if (page.dir == "strategy/") return place_.strategy.title + " " + place_.strategy.years;
        if (page.dir == "easy-read/whole/")
            return place_.easy_read.title.empty() ? "Easy Read: " + place_.strategy.title : place_.easy_read.title;
        return page.title;
    }

    const Theme& theme_;
    const model::Place& place_;
    diag::Diagnostics& diags_;
    std::vector<Link> nav_, footer_;
    std::vector<Abbreviation> abbreviations_;
    std::vector<Document> documents_;
    std::map<std::string, View> link_views_;
};

// The reference document styles the Word output like a council paper; a place may bring its own.
std::string reference_docx(const load::ContentTree& tree, const model::Place& place) {
    for (const auto& path :
         {"content/" + place.id + "/templates/docx/reference.docx", std::string("templates/docx/reference.docx")})
        if (const auto bytes = tree.read(path)) return *bytes;
    return {};
}

void write_documents(const load::ContentTree& tree, const model::Place& place, const std::vector<Document>& sources,
                     std::vector<OutputFile>& out, diag::Diagnostics& diags) {
    if (sources.empty()) return;
    const std::string reference = reference_docx(tree, place);
    for (const auto& source : sources) {
        std::string error;
        if (auto docx = markdown_to_docx(source.markdown, reference, source.date, error)) {
            out.push_back({source.path, std::move(*docx)});
            continue;
        }
        diags.warning({"content/" + place.id + "/cycles", 0, 0},
                      "board papers were written as HTML and Markdown only, not Word: " + error,
                      error == "pandoc is not installed" ? "install pandoc (apt-get install pandoc) to get .docx files"
                                                         : "simplify the paper's text, or share its HTML page instead");
        return;
    }
}

// Each Easy Read page credits the picture sets of the pictures it shows.
void credit_pictures(std::vector<PageSpec>& pages, const load::ContentTree& tree, const model::Place& place,
                     const model::EasyReadResources& resources) {
    const auto own = load::place_pictures(tree, place.id);
    for (auto& page : pages) {
        if (page.kind == "easy-read") set_picture_credits(page.view, place_points(place), own, resources);
        for (const auto& s : place.sections)
            if (page.kind == "easy-read-section" && page.dir == "easy-read/" + s.id + "/")
                set_picture_credits(page.view, section_points(s), own, resources);
    }
}

}  // namespace

std::vector<OutputFile> render_place(const load::ContentTree& tree, const model::Place& place,
                                     const std::vector<derive::IndicatorFigure>& figures,
                                     const model::EasyReadResources& easy_read, diag::Diagnostics& diags,
                                     const RenderOptions& options, std::vector<PrintJob>* jobs) {
    std::vector<OutputFile> out;
    const Theme theme(tree, place.id, diags);
    if (diags.has_errors()) return out;
    const SiteContext ctx{place, figures};
    auto pages = page_specs(ctx);
    add_whole_documents(place, pages);
    if (options.pdfs) link_documents(place, pages);
    add_search_page(pages);
    for (auto& page : pages)
        if (page.kind == "home") page.view.set("infographic_png", options.infographic_png);
    credit_pictures(pages, tree, place, easy_read);
    PageRenderer renderer(theme, place, diags);
    for (auto& page : pages)
        if (!page.parts.empty()) renderer.assemble(page, pages);
    for (auto& page : pages) renderer.render(page, out);
    if (jobs)
        for (const auto& page : pages)
            if (page.prints)
                jobs->push_back({page.dir + "index.html", page.pdf,
                                 page.docx_date.empty() ? document_date(place) : page.docx_date});
    write_documents(tree, place, renderer.documents(), out, diags);
    for (const auto& f : figures)
        if (f.latest) out.push_back({indicator_url(*f.definition) + "data.csv", indicator_csv(f)});
    if (auto svg = infographic_svg(place, figures); !svg.empty()) out.push_back({infographic_svg_path, std::move(svg)});
    for (auto& file : open_data_files(place, figures)) out.push_back({std::move(file.path), std::move(file.bytes)});
    for (const auto& asset : theme.assets())
        if (asset.path.rfind("pictures/", 0) != 0) out.push_back({"assets/" + asset.path, asset.bytes});
    // Only the pictures the Easy Read points use, from wherever each was found.
    for (auto& picture : easy_read_picture_files(tree, place, easy_read)) out.push_back(std::move(picture));
    write_easy_read_document(theme, tree, place, easy_read, reference_docx(tree, place), out, diags);
    if (!place.site_url.empty()) {
        std::vector<std::string> dirs;
        for (const auto& page : pages)
            if (page.file.empty()) dirs.push_back(page.dir);
        out.push_back({"sitemap.xml", sitemap_xml(base_url(place.site_url), dirs)});
        out.push_back({"robots.txt", robots_txt(base_url(place.site_url))});
    }
    return out;
}

}  // namespace hwbgen::render
