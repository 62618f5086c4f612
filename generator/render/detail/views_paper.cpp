// The board paper: the council committee-report format, paragraphs numbered across sections.
#include "render/detail/figure_text.hpp"
#include "render/detail/views.hpp"

namespace hwbgen::render::detail {

namespace {

// The three implications sections sit under one "Relevant Impact Assessments" heading.
bool is_impact_section(const std::string& key) {
    return key == "equality_and_human_rights" || key == "crime_and_disorder" || key == "environmental";
}

std::string letter(size_t i, char first) { return std::string(1, char(first + i)); }

std::string roman(size_t n) {
    static const std::pair<int, const char*> digits[] = {{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [value, text] : digits)
        while (n >= size_t(value)) {
            out += text;
            n -= size_t(value);
        }
    return out;
}

// Markdown nested in a list item: every line after the first is indented to the item's content.
std::string indent_rest(const std::string& md, size_t spaces) {
    std::string out;
    for (const char c : md) {
        out += c;
        if (c == '\n') out += std::string(spaces, ' ');
    }
    return out;
}

View sub_item(const std::string& marker, const std::string& text, size_t depth, const derive::CycleFigures& fig) {
    const std::string md = with_figures(text, &fig);
    View v;
    v.set("marker", marker);
    v.set("text_html", markdown_to_html(md));
    v.set("text_md", indent_rest(markdown_twin(md), depth));
    return v;
}

View paragraph_view(const model::PaperBlock& b, int number, const derive::CycleFigures& fig) {
    std::string text = with_figures(b.text, &fig);
    while (!text.empty() && text.back() == '\n') text.pop_back();  // a '|' block's last line break
    View v;
    v.set("number", std::to_string(number));
    v.set("text_html", markdown_to_html(text));
    v.set("text_md", indent_rest(markdown_twin(text), 4));
    View items = list_view();
    for (size_t i = 0; i < b.items.size(); ++i) items.push_back(sub_item(letter(i, 'a') + ")", b.items[i], 8, fig));
    v.set("items", items);
    v.set("has_items", !b.items.empty());
    View groups = list_view();
    for (size_t g = 0; g < b.groups.size(); ++g) {
        View gv;
        gv.set("marker", letter(g, 'A') + ")");
        gv.set("title", b.groups[g].title);
        View group_items = list_view();
        for (size_t i = 0; i < b.groups[g].items.size(); ++i)
            group_items.push_back(sub_item(roman(i + 1) + ".", b.groups[g].items[i], 12, fig));
        gv.set("items", group_items);
        groups.push_back(gv);
    }
    v.set("groups", groups);
    v.set("has_groups", !b.groups.empty());
    set_markdown(v, "after", with_figures(b.after, &fig));
    return v;
}

View run_of(bool subheading, bool paragraphs, bool block) {
    View run;
    run.set("is_subheading", subheading);
    run.set("is_paragraphs", paragraphs);
    run.set("is_block", block);
    return run;
}

// A section's blocks as runs: a sub-heading, a generated block, or consecutive paragraphs
// sharing one <ol start> (so numbering carries on across the others).
View section_runs(const SiteContext& ctx, const derive::CycleFigures& fig, const model::PaperSection& s, int& number) {
    View runs = list_view();
    View paragraphs = list_view();
    std::string start;
    auto flush = [&] {
        if (paragraphs.is_empty_list()) return;
        View run = run_of(false, true, false);
        run.set("start", start);
        run.set("paragraphs", paragraphs);
        runs.push_back(run);
        paragraphs = list_view();
    };
    for (const auto& b : s.blocks) {
        if (!b.heading.empty() || !b.generated.empty()) {
            flush();
            View run = run_of(!b.heading.empty(), false, !b.generated.empty());
            run.set("subheading", b.heading);
            if (!b.generated.empty()) {
                View block = generated_block_view(ctx, fig, b.generated);
                block.set("block_id", "block-" + b.generated + "-" + std::to_string(number));
                run.set("block", block);
            }
            runs.push_back(run);
            continue;
        }
        if (paragraphs.is_empty_list()) start = std::to_string(number);
        paragraphs.push_back(paragraph_view(b, number++, fig));
    }
    flush();
    return runs;
}

std::string appendix_url(const model::Cycle& cycle, const std::string& link) {
    if (link.rfind("http://", 0) == 0 || link.rfind("https://", 0) == 0) return link;
    if (link == "outcomes-report") return report_url(cycle) + "outcomes-report/";
    if (link == "report") return report_url(cycle);
    if (link == "strategy") return "";
    return link + "/";
}

View appendices(const model::Cycle& cycle) {
    View list = list_view();
    for (size_t i = 0; i < cycle.paper->appendices.size(); ++i) {
        const auto& a = cycle.paper->appendices[i];
        View v;
        v.set("letter", letter(i, 'A'));
        v.set("title", a.title);
        const std::string url = appendix_url(cycle, a.link);
        v.set("has_link", !a.link.empty());
        v.set("external", url.rfind("http", 0) == 0);
        v.set("url", url);
        list.push_back(v);
    }
    return list;
}

}  // namespace

View board_paper_view(const SiteContext& ctx, const derive::CycleFigures& fig) {
    const auto& cycle = *fig.progress().cycle;
    const auto& paper = *cycle.paper;
    View sections = list_view();
    int number = 1;
    bool impact_heading_done = false;
    for (const auto& s : paper.sections) {
        if (s.blocks.empty()) continue;
        View v;
        const bool impact = is_impact_section(s.key);
        v.set("impact_heading", impact && !impact_heading_done);
        impact_heading_done = impact_heading_done || impact;
        v.set("sub", impact);
        v.set("heading", s.heading);
        v.set("id", s.key);
        v.set("runs", section_runs(ctx, fig, s, number));
        sections.push_back(v);
    }
    View v;
    v.set("meeting", cycle.meeting);
    v.set("date", long_date(cycle.date));
    v.set("report_of", paper.report_of);
    v.set("paper_title", paper.title);
    v.set("example", cycle.example);
    v.set("sections", sections);
    v.set("officers", contact_list(paper.officers));
    v.set("has_officers", !paper.officers.empty());
    View background = list_view();
    for (const auto& b : paper.background_papers) {
        View bv;
        set_markdown(bv, "text", with_figures(b, &fig), true);
        background.push_back(bv);
    }
    v.set("background_papers", background);
    v.set("has_background_papers", !paper.background_papers.empty());
    v.set("appendices", appendices(cycle));
    v.set("has_appendices", !paper.appendices.empty());
    v.set("report_url", report_url(cycle));
    v.set("docx_url", board_paper_url(cycle) + "board-paper.docx");
    return v;
}

}  // namespace hwbgen::render::detail
