#include "updates/workbook_writer.hpp"

#include <xlsxwriter.h>

#include <ctime>
#include <memory>

#include "updates/columns.hpp"

namespace hwbgen::updates {

namespace {

// Ratings in words on a colour, dark text on a light fill (contrast above 4.5:1).
struct RagColours {
    lxw_color_t fill, text;
};
const RagColours rag_colours[model::rag_count] = {
    {0xEDEDED, 0x3A3A3A},  // not started
    {0xFFC7CE, 0x9C0006},  // red
    {0xFFEB9C, 0x7A4500},  // amber
    {0xC6EFCE, 0x006100},  // green
    {0xBDD7EE, 0x1F3864},  // complete
};

const char* const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string month_of(const std::string& cycle) {
    const int m = std::stoi(cycle.substr(5, 2));
    return std::string(month_names[m - 1]) + " " + cycle.substr(0, 4);
}

struct Formats {
    lxw_format* title;
    lxw_format* paragraph;
    lxw_format* header;
    lxw_format* reference;  ///< locked, grey: what the lead reads
    lxw_format* fill;       ///< unlocked, white: what the lead types
    lxw_format* last_rag[model::rag_count];
    lxw_format* fill_rag[model::rag_count];
};

lxw_format* text_format(lxw_workbook* wb, lxw_color_t background, bool unlocked) {
    lxw_format* f = workbook_add_format(wb);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, 0xA6A6A6);
    format_set_bg_color(f, background);
    if (unlocked) format_set_unlocked(f);
    return f;
}

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 16);
    f.paragraph = workbook_add_format(wb);
    format_set_text_wrap(f.paragraph);
    format_set_align(f.paragraph, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_size(f.paragraph, 12);
    f.header = text_format(wb, 0x1F3864, false);
    format_set_bold(f.header);
    format_set_font_color(f.header, 0xFFFFFF);
    f.reference = text_format(wb, 0xF2F2F2, false);
    f.fill = text_format(wb, 0xFFFFFF, true);
    for (int r = 0; r < model::rag_count; ++r) {
        f.last_rag[r] = text_format(wb, rag_colours[r].fill, false);
        format_set_font_color(f.last_rag[r], rag_colours[r].text);
        format_set_bold(f.last_rag[r]);
        // Conditional formats carry only what changes: the colours and weight.
        f.fill_rag[r] = workbook_add_format(wb);
        format_set_bg_color(f.fill_rag[r], rag_colours[r].fill);
        format_set_font_color(f.fill_rag[r], rag_colours[r].text);
        format_set_bold(f.fill_rag[r]);
    }
    return f;
}

class Writer {
public:
    Writer(const WorkbookRequest& request, lxw_workbook* wb)
        : r_(request), wb_(wb), f_(make_formats(wb)), columns_(columns(*request.place)) {}

    std::string write() {
        instructions(workbook_add_worksheet(wb_, "Instructions"));
        updates(workbook_add_worksheet(wb_, updates_sheet));
        return error_;
    }

private:
    void instructions(lxw_worksheet* ws);
    void updates(lxw_worksheet* ws);
    void item_row(lxw_worksheet* ws, lxw_row_t row, const derive::Item& item);
    std::string cell_text(const Column& c, const derive::Item& item) const;
    void text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& s, lxw_format* f);
    void drop_downs(lxw_worksheet* ws, lxw_row_t last);
    std::vector<std::string> instruction_lines() const;

    const WorkbookRequest& r_;
    lxw_workbook* wb_;
    Formats f_;
    std::vector<Column> columns_;
    std::string error_;
};

std::vector<std::string> Writer::instruction_lines() const {
    const auto& place = *r_.place;
    std::string ratings;
    for (int r = 0; r < model::rag_count; ++r)
        ratings += std::string(r ? (r + 1 == model::rag_count ? " or " : ", ") : "") +
                   model::rag_label(model::Rag((r + 1) % model::rag_count));
    std::vector<std::string> out = {
        "For: " + r_.owner->name,
        "This workbook lists the " + std::to_string(r_.owner->items.size()) + " commitments and projects of " +
            place.strategy.title + " that " + r_.owner->name + " leads. Please say how each one is going, for the " +
            place.board + " meeting in " + month_of(r_.cycle) + ".",
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one paragraph, written over two lines
        "Go to the Updates sheet. Each row is one commitment or project. The grey columns show what "
        "was reported last time, for you to read; they cannot be changed. Type in the white columns.",
        "Rating: choose one from the list in the cell: " + ratings + ".",
        "Update: what has happened since the last report.",
        "Next steps: what will happen next.",
        "KPI values: one line for each key performance indicator: its name, a colon, then the latest "
        "value, for example 'Number of people reached: 1,250'. The names are there already.",
    };
    if (!place.plus_groups.empty())
        out.push_back("PLUS group columns: what is being done for each of these groups, or leave it empty.");
    out.push_back("Risks and mitigations: what could go wrong, and what is being done about it.");
    out.push_back(
        "Escalate to the board?: choose Yes if the board needs to act, and say what and why "
        "under 'Reason for escalation'. Otherwise choose No or leave it empty.");
    out.push_back(
        "You may use simple formatting: start a line with '- ' for a bullet point, and put "
        "**two stars** around words to make them bold. Links must start with https://. "
        "Do not paste web page code (HTML) or formulas: they will be refused.");
    out.push_back(
        "Leave a row empty if there is nothing to report this time. Please do not change the "
        "IDs, rename the sheets or add rows.");
    out.push_back(
        "When you have finished, save the file as an Excel workbook (.xlsx) and send it back. "
        "Without Excel, save the Updates sheet as 'CSV UTF-8' and send that.");
    return out;
}

void Writer::instructions(lxw_worksheet* ws) {
    worksheet_set_column(ws, 0, 0, 90, f_.paragraph);
    worksheet_fit_to_pages(ws, 1, 0);
    text(ws, 0, 0, "Progress updates for the " + r_.place->board + ", " + month_of(r_.cycle), f_.title);
    worksheet_set_row(ws, 0, 24, nullptr);
    lxw_row_t row = 2;
    for (const auto& line : instruction_lines()) {
        const size_t wrapped_lines = 1 + line.size() / 80;  // whole lines of about 80 characters
        worksheet_set_row(ws, row, 16.0 * double(wrapped_lines), nullptr);
        text(ws, row++, 0, line, f_.paragraph);
    }
    worksheet_protect(ws, nullptr, nullptr);
}

std::string Writer::cell_text(const Column& c, const derive::Item& item) const {
    const auto find = [&](const UpdatesByItem& m) {
        const auto it = m.find(item.id);
        return it == m.end() ? nullptr : it->second;
    };
    const model::Update* last = find(r_.last);
    const model::Update* now = find(r_.prefill);
    switch (c.field) {
        case Field::id: return item.id;
        case Field::title: return item.text;
        case Field::where: return item.section->title + ": " + item.priority->title;
        case Field::last_rating: return last ? model::rag_label(last->rag) : "";
        case Field::last_update: return last ? unwrapped(last->update) : "";
        case Field::last_next_steps: return last ? unwrapped(last->next_steps) : "";
        case Field::rating: return now ? model::rag_label(now->rag) : "";
        case Field::update: return now ? unwrapped(now->update) : "";
        case Field::next_steps: return now ? unwrapped(now->next_steps) : "";
        case Field::kpis: {
            if (now) return kpi_lines(now->kpis);
            std::vector<model::Kpi> names = last ? last->kpis : std::vector<model::Kpi>{};
            if (names.empty() && item.is_project)
                for (const auto& p : item.priority->projects)
                    if (p.id == item.id) names = p.kpis;
            for (auto& k : names) k.current.clear();
            return kpi_lines(names);
        }
        case Field::plus_group:
            if (now)
                for (const auto& g : now->plus_groups)
                    if (g.group.id == c.plus_group) return unwrapped(g.text);
            return "";
        case Field::risks: return now ? unwrapped(now->risks) : "";
        case Field::escalate: return now ? (now->escalation.empty() ? no_word : yes_word) : "";
        case Field::escalation: return now ? unwrapped(now->escalation) : "";
        case Field::workbook: return workbook_tag(r_);
    }
    return "";
}

void Writer::text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& s, lxw_format* f) {
    // Always a string cell, never a formula: text starting with = + - @ stays text.
    const lxw_error e = s.empty() ? worksheet_write_blank(ws, row, col, f)
                                  : worksheet_write_string(ws, row, col, s.c_str(), f);
    if (e != LXW_NO_ERROR && error_.empty())
        error_ = "cannot write cell " + column_letters(col) + std::to_string(row + 1) + ": " + lxw_strerror(e);
}

// Rows tall enough to read the longest cell, up to about ten lines.
double row_height(const std::vector<Column>& columns, const std::vector<std::string>& cells) {
    size_t lines = 1;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (columns[i].field == Field::workbook) continue;
        size_t n = 0, run = 0;
        const size_t per_line = size_t(columns[i].width * 1.1);
        for (const char c : cells[i]) {
            if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // UTF-8 continuation
            if (c == '\n' || ++run >= per_line) ++n, run = 0;
        }
        lines = std::max(lines, n + 1);
    }
    return 15.0 * double(std::min<size_t>(lines, 10)) + 3;
}

void Writer::item_row(lxw_worksheet* ws, lxw_row_t row, const derive::Item& item) {
    std::vector<std::string> cells;
    for (const auto& c : columns_) cells.push_back(cell_text(c, item));
    worksheet_set_row(ws, row, row_height(columns_, cells), nullptr);
    for (size_t i = 0; i < columns_.size(); ++i) {
        lxw_format* f = columns_[i].fill ? f_.fill : f_.reference;
        if (columns_[i].field == Field::last_rating)
            for (int r = 0; r < model::rag_count; ++r)
                if (cells[i] == model::rag_label(model::Rag(r))) f = f_.last_rag[r];
        text(ws, row, lxw_col_t(i), cells[i], f);
    }
}

void Writer::drop_downs(lxw_worksheet* ws, lxw_row_t last) {
    static const char* ratings[] = {model::rag_label(model::Rag::red),         model::rag_label(model::Rag::amber),
                                    model::rag_label(model::Rag::green),       model::rag_label(model::Rag::complete),
                                    model::rag_label(model::Rag::not_started), nullptr};
    static const char* yes_no[] = {yes_word, no_word, nullptr};
    for (size_t i = 0; i < columns_.size(); ++i) {
        const Field field = columns_[i].field;
        if (field != Field::rating && field != Field::escalate) continue;
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = const_cast<char**>(field == Field::rating ? ratings : yes_no);
        v.error_title = const_cast<char*>(field == Field::rating ? "Choose a rating" : "Choose Yes or No");
        v.error_message = const_cast<char*>("Please choose one of the values in the list.");
        worksheet_data_validation_range(ws, 1, lxw_col_t(i), last, lxw_col_t(i), &v);
        if (field != Field::rating) continue;
        for (int r = 0; r < model::rag_count; ++r) {
            const std::string quoted = std::string("\"") + model::rag_label(model::Rag(r)) + "\"";
            lxw_conditional_format cf{};
            cf.type = LXW_CONDITIONAL_TYPE_CELL;
            cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
            cf.value_string = const_cast<char*>(quoted.c_str());
            cf.format = f_.fill_rag[r];
            worksheet_conditional_format_range(ws, 1, lxw_col_t(i), last, lxw_col_t(i), &cf);
        }
    }
}

void Writer::updates(lxw_worksheet* ws) {
    for (size_t i = 0; i < columns_.size(); ++i) {
        lxw_row_col_options hidden{1, 0, 0};
        const bool hide = columns_[i].field == Field::workbook;
        worksheet_set_column_opt(ws, lxw_col_t(i), lxw_col_t(i), columns_[i].width, nullptr, hide ? &hidden : nullptr);
        text(ws, 0, lxw_col_t(i), columns_[i].heading, f_.header);
    }
    worksheet_set_row(ws, 0, 32, nullptr);
    lxw_row_t row = 1;
    for (const auto* item : r_.owner->items) item_row(ws, row++, *item);
    drop_downs(ws, row - 1);
    worksheet_freeze_panes(ws, 1, 2);
    // Printed, it reads across one sheet of A3 with the headings on every page.
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 8);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    lxw_protection allow{};
    allow.format_columns = allow.format_rows = 1;  // leads may widen a column to read it
    worksheet_protect(ws, nullptr, &allow);
}

// The cycle's first day at noon UTC: a fixed creation date, so the same input gives the same bytes.
time_t fixed_date(const std::string& cycle) {
    std::tm tm{};
    tm.tm_year = std::stoi(cycle.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(cycle.substr(5, 2)) - 1;
    tm.tm_mday = 1;
    tm.tm_hour = 12;
    return timegm(&tm);
}

}  // namespace

std::string workbook_tag(const WorkbookRequest& r) {
    return r.place->id + " " + r.cycle + " " + grouping_id(r.by) + " " + r.owner->id;
}

std::string write_workbook(const WorkbookRequest& request, const std::string& path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) return "cannot create the workbook";
    const std::string title = "Progress updates: " + request.owner->name + ", " + request.cycle;
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>("hwbgen");
    props.keywords = const_cast<char*>("hwbgen updates");
    props.created = fixed_date(request.cycle);
    workbook_set_properties(wb, &props);
    std::string error = Writer(request, wb).write();
    const lxw_error closed = workbook_close(wb);
    if (error.empty() && closed != LXW_NO_ERROR) error = lxw_strerror(closed);
    return error;
}

}  // namespace hwbgen::updates
