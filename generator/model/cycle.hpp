#pragma once
/// A reporting cycle: one board meeting's progress updates and its board paper, as plain data.
#include <optional>
#include <string>
#include <vector>

#include "model/figures.hpp"
#include "model/strategy.hpp"

namespace hwbgen::model {

/// The monitoring template's "RAG for period", in the order progress runs.
enum class Rag { not_started, red, amber, green, complete };
constexpr int rag_count = 5;

/// What an update reports for one PLUS group (SMI, LD, homelessness, ...).
struct PlusGroupAction {
    Ref group;
    std::string text;  ///< Markdown
};

/// Progress on one commitment or logic-model project in one cycle.
struct Update {
    Ref item;  ///< a commitment or project id
    Rag rag = Rag::not_started;
    bool example = false;
    std::string update;      ///< Markdown
    std::string next_steps;  ///< Markdown
    std::vector<Kpi> kpis;
    std::vector<PlusGroupAction> plus_groups;
    std::string risks;       ///< risks and mitigations, Markdown
    std::string escalation;  ///< point for escalation to the board, Markdown
};

/// What a sub-group reported to the meeting about its own Do / Sponsor / Watch items.
struct SubgroupUpdate {
    Ref subgroup;
    std::string summary;  ///< Markdown
};

/// A lettered group of a board-paper paragraph, "A) Children and Families Partnership", whose
/// items are numbered i., ii., iii.
struct ParagraphGroup {
    std::string title;
    std::vector<std::string> items;  ///< Markdown
};

/// One block of a board-paper section: a numbered paragraph, an unnumbered sub-heading, or a
/// block hwbgen generates from the cycle's figures (unnumbered too).
struct PaperBlock {
    std::string heading;             ///< set for a sub-heading; everything else is then empty
    std::string text;                ///< Markdown
    std::vector<std::string> items;  ///< lettered a), b), c); Markdown
    std::vector<ParagraphGroup> groups;
    std::string after;      ///< unnumbered Markdown after the paragraph (a figure, a table)
    std::string generated;  ///< a generated block's name ("progress-at-a-glance"); all else empty
    /// Set on a paragraph `new-cycle` carried forward, until someone has read it for this meeting.
    std::string review;
    SourcePos pos;  ///< of the block (of `generated:` or `review:` when set)
};

/// The generated blocks a board paper may place among its paragraphs.
const std::vector<std::string>& generated_block_names();

/// A figure cited in the cycle's text, with where its name is in the file.
struct FigureUse {
    FigureRef ref;
    SourcePos pos;
    std::string plain_field;  ///< set when written in a field of plain text, which cannot cite figures
};

/// A standard section of the council committee-report format.
struct PaperSection {
    std::string key;      ///< "purpose", "recommendations", ...
    std::string heading;  ///< as the paper words it
    std::vector<PaperBlock> blocks;
};

struct Appendix {
    std::string title;
    std::string link;  ///< a page of the site (outcomes-report, plan-on-a-page, ...) or a URL
    SourcePos pos;
};

/// The board paper of a cycle, in the council committee-report format.
struct BoardPaper {
    std::string report_of;
    std::string title;
    std::vector<PaperSection> sections;  ///< in the standard order; empty ones included
    std::vector<Contact> officers;
    std::vector<std::string> background_papers;  ///< Markdown
    std::vector<Appendix> appendices;
};

/// One board meeting: content/<place>/cycles/<yyyy-mm>.yaml.
struct Cycle {
    std::string id;  ///< yyyy-mm, from the file name
    SourcePos pos;
    std::string meeting;
    std::string date;  ///< yyyy-mm-dd
    SourcePos date_pos;
    std::string period;
    bool annual = false;
    bool example = false;
    std::string summary;  ///< Markdown
    std::vector<SubgroupUpdate> subgroup_updates;
    std::vector<Update> updates;
    std::optional<BoardPaper> paper;
    std::vector<FigureUse> figure_uses;  ///< every figure its text cites, in file order
};

/// The standard sections of a board paper, in order: key and default heading.
struct PaperSectionName {
    const char* key;
    const char* heading;
};
const std::vector<PaperSectionName>& paper_section_names();

const char* rag_id(Rag rag);     ///< "not-started", "red", ...
const char* rag_label(Rag rag);  ///< "Not started", "Red", ...

}  // namespace hwbgen::model
