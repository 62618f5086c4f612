#pragma once
/// The joint health and wellbeing strategy of one place, as plain data. No I/O here.
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/easy_read.hpp"

namespace hwbgen::model {

using diag::SourcePos;

/// An id written in content that points at something else (a sub-group, indicator, section).
struct Ref {
    std::string id;
    SourcePos pos;
};

/// How a strategy groups its sections (life-course stages, themes, cross-cutting priorities):
/// the vocabulary is the place's own, with life-course and cross-cutting as defaults.
struct SectionKind {
    std::string id;
    SourcePos pos;
    std::string label;    ///< one section of this kind: "Life-course stage", "Theme"
    std::string heading;  ///< heading over these sections on the home page
    bool band = false;    ///< on the plan on a page: a full-width band instead of a column
};

/// The kinds a place gets when its place.yaml declares none.
std::vector<SectionKind> default_section_kinds();

/// The board's Do / Sponsor / Watch approach; most commitments start unassigned.
enum class Tier { unassigned, do_, sponsor, watch };

struct SuccessMeasure {
    std::string text;                ///< Markdown
    std::vector<std::string> items;  ///< optional sub-points, Markdown
};

struct Commitment {
    std::string id;
    SourcePos pos;
    std::string text;  ///< Markdown
    Tier tier = Tier::unassigned;
    std::optional<Ref> lead;
    std::string due;
};

/// A key performance indicator of a logic-model project.
struct Kpi {
    std::string name;
    std::string current;
    std::string target;
};

/// A project of a logic model (a priority workstream with its own KPIs).
struct Project {
    std::string id;
    SourcePos pos;
    std::string title;
    std::string description;  ///< Markdown
    std::vector<Kpi> kpis;
    std::string governance;   ///< who is responsible for this project, Markdown
    std::optional<Ref> lead;  ///< the sub-group it reports through (default: the section's lead)
};

struct Priority {
    std::string id;
    SourcePos pos;
    std::string number;
    std::string title;
    std::string narrative;     ///< Markdown
    std::string where_we_are;  ///< Markdown
    std::vector<SuccessMeasure> success;
    std::vector<Commitment> commitments;
    std::vector<Ref> indicators;
    // Logic-model fields, empty for strategies that do not use them.
    std::string objective;  ///< Markdown
    std::vector<std::string> rationale;
    std::vector<Project> projects;
    std::string governance;
    std::vector<std::string> outcomes;
};

/// One point of an Easy Read page: a sentence with a picture beside it.
struct EasyReadPoint {
    std::string text;     ///< one short sentence; **bold** marks a hard word
    SourcePos pos;        ///< of the text
    bool quoted = false;  ///< the text was written in quotes (columns shift by one)
    std::string picture;  ///< a name from templates/assets/pictures/, without .svg
    SourcePos picture_pos;
    std::string alt;
};

/// The Easy Read version of the strategy as a whole.
struct EasyRead {
    std::string title;
    std::vector<EasyReadPoint> intro, vision, how_we_will_know, contact;
    bool empty() const { return intro.empty() && vision.empty() && how_we_will_know.empty() && contact.empty(); }
};

struct Section {
    std::string id;
    SourcePos pos;
    std::string number;
    std::string title;
    Ref kind;  ///< a SectionKind id
    std::optional<Ref> lead;
    std::string intro;  ///< Markdown
    std::vector<Priority> priorities;
    std::vector<EasyReadPoint> easy_read;
};

/// A free-standing page: introduction, next steps, references.
struct Page {
    std::string id;
    SourcePos pos;
    std::string number;
    std::string title;
    std::string body;  ///< Markdown
};

/// A guiding principle or an enabler: a bold title and its explanation.
struct Principle {
    std::string title;
    std::string text;  ///< Markdown
};

struct GlossaryEntry {
    std::string term;
    SourcePos pos;
    std::string meaning;
    std::string easy_read;
    bool abbreviation = true;
};

struct Subgroup {
    std::string id;
    SourcePos pos;
    std::string name;
    std::string short_name;
    std::vector<Ref> covers;
    std::string description;  ///< Markdown
    std::vector<std::string> focus;
};

/// A population with the starkest inequalities (Core20PLUS5): progress updates report the
/// actions for each.
struct PlusGroup {
    std::string id;
    SourcePos pos;
    std::string name;
    std::string description;  ///< Markdown
};

struct TimetableEntry {
    std::string month;
    std::string subject;
    std::optional<Ref> lead;
};

struct Contact {
    std::string name;
    std::string role;
    std::string email;
    std::string phone;
};

/// Headings a place may word its own way.
struct Labels {
    std::string where_we_are = "Where are we now?";
    std::string success = "What does success look like?";
    std::string commitments = "Our commitments";
};

struct Foreword {
    std::string body;  ///< Markdown
    std::vector<std::string> signed_by;
};

struct Strategy {
    std::string title;
    std::string years;
    std::string status;
};

struct Cycle;

struct Place {
    std::string id;  ///< the folder name under content/
    SourcePos pos;
    /// False when a file of the place could not be read: what it held is missing, so checks
    /// that look for names (unknown section, unknown item) would only report that again.
    bool read_cleanly = true;
    std::string name;
    std::string area_code;
    std::string board;
    std::string site_url;
    Strategy strategy;
    std::string vision;
    std::string vision_narrative;  ///< Markdown
    Foreword foreword;
    std::string principles_intro;  ///< Markdown
    std::vector<Principle> principles;
    std::string enablers_intro;  ///< Markdown
    std::vector<Principle> enablers;
    std::vector<GlossaryEntry> glossary;
    std::vector<Subgroup> subgroups;
    std::vector<TimetableEntry> timetable;
    std::vector<Contact> contacts;
    std::vector<PlusGroup> plus_groups;
    std::vector<SectionKind> section_kinds;
    std::vector<std::string> comparators;
    Labels labels;
    std::vector<Section> sections;
    std::vector<Page> pages;
    std::vector<Cycle> cycles;  ///< oldest first (model/cycle.hpp)
    EasyRead easy_read;
    /// Easy Read rule name -> "error", "warning" or "off", where the place changes the default.
    std::vector<std::pair<std::string, std::string>> easy_read_rules;
    SourcePos easy_read_rules_pos;
    /// The place's own additions to the Easy Read word lists (place.yaml `easy_read_words`).
    EasyReadWords easy_read_words;
};

/// The place's kind with this id; null when it has none.
const SectionKind* find_kind(const Place& place, const std::string& id);
/// "Do", "Sponsor", "Watch" or "Not yet assigned", as the board writes them.
const char* tier_label(Tier tier);

}  // namespace hwbgen::model

// A Place holds its cycles, so whoever sees a Place sees a whole Cycle too.
#include "model/cycle.hpp"
