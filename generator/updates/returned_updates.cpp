#include "updates/returned_updates.hpp"

#include <algorithm>
#include <sstream>

#include "updates/columns.hpp"
#include "updates/text_rules.hpp"

namespace hwbgen::updates {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A cell's value as a message quotes it: one line, no control characters, not too long.
std::string shown(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (out.size() >= 60) return out + "...";
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
    return out;
}

std::string allowed_ratings() {
    std::string out;
    for (int r = 1; r <= model::rag_count; ++r)
        out += std::string(r > 1 ? ", " : "") + model::rag_label(model::Rag(r % model::rag_count));
    return out;
}

// One row of the sheet: its cells by column.
using Row = std::map<int, const Cell*>;

class RowReader {
public:
    RowReader(const ImportContext& ctx, const Sheet& sheet, ImportResult& result, diag::Diagnostics& diags)
        : ctx_(ctx), sheet_(sheet), result_(result), diags_(diags), columns_(columns(*ctx.place)) {}

    void read();

private:
    bool map_headings(const Row& header, int row);
    void read_row(int row, const Row& cells);
    bool check_cells(int row, const Row& cells);
    bool check_tag(int row, const Row& cells);
    std::string value(const Row& cells, Field field, const std::string& group = {}) const;
    int column_of(Field field, const std::string& group = {}) const;
    void error(int row, Field field, std::string message, std::string hint, const std::string& group = {});
    const derive::Item* find_item(int row, const std::string& id);
    std::optional<model::Update> update_of(int row, const Row& cells, const derive::Item& item);
    std::string checked_text(int row, const Row& cells, Field field, const std::string& group = {});
    std::vector<model::Kpi> known_kpis(const derive::Item& item) const;

    const ImportContext& ctx_;
    const Sheet& sheet_;
    ImportResult& result_;
    diag::Diagnostics& diags_;
    std::vector<Column> columns_;
    std::map<int, const Column*> by_column_;  // sheet column -> what it holds
    FileReturn file_;
    std::string owner_;  // from the hidden Workbook cell; empty when the sheet has none
    Grouping by_ = Grouping::subgroup;
    std::map<std::string, int> seen_;  // id -> row
};

const Column* column_for(const std::vector<Column>& columns, const model::Place& place, const std::string& heading) {
    const std::string key = heading_key(heading);
    for (const auto& c : columns) {
        if (heading_key(c.heading) == key) return &c;
        if (c.field == Field::plus_group && key == heading_key("PLUS group: " + c.plus_group)) return &c;
    }
    (void)place;
    return nullptr;
}

bool RowReader::map_headings(const Row& header, int row) {
    bool ok = true;
    for (const auto& [col, cell] : header) {
        const Column* c = column_for(columns_, *ctx_.place, cell->text);
        if (!c) continue;  // a column of the lead's own: ignored
        for (const auto& [other, known] : by_column_)
            if (known == c) {
                diags_.error({sheet_.where(row, col), 0, 0}, "the heading '" + shown(cell->text) + "' appears twice",
                             "keep one column '" + c->heading + "' (the other is " + column_letters(other) + ")");
                ok = false;
            }
        by_column_[col] = c;
    }
    for (const Field f : {Field::id, Field::rating})
        if (column_of(f) < 0) {
            diags_.error({sheet_.where(row, 0), 0, 0},
                         "no '" + std::string(f == Field::id ? "ID" : "Rating") + "' column in the heading row",
                         "keep the headings of the exported Updates sheet");
            ok = false;
        }
    return ok;
}

int RowReader::column_of(Field field, const std::string& group) const {
    for (const auto& [col, c] : by_column_)
        if (c->field == field && c->plus_group == group) return col;
    return -1;
}

std::string RowReader::value(const Row& cells, Field field, const std::string& group) const {
    const auto it = cells.find(column_of(field, group));
    return it == cells.end() ? std::string{} : trimmed(it->second->text);
}

void RowReader::error(int row, Field field, std::string message, std::string hint, const std::string& group) {
    const int col = column_of(field, group);
    diags_.error({sheet_.where(row, col < 0 ? 0 : col), 0, 0}, std::move(message), std::move(hint));
}

// Formulas are never evaluated and spreadsheet errors never read as text.
bool RowReader::check_cells(int row, const Row& cells) {
    bool ok = true;
    for (const auto& [col, cell] : cells) {
        if (cell->kind == Cell::Kind::formula)
            diags_.error({sheet_.where(row, col), 0, 0},
                         "a formula ('" + shown(cell->text) + "'): formulas are not read",
                         "type the value itself, or copy the cell and paste it back as values only");
        else if (cell->kind == Cell::Kind::error)
            diags_.error({sheet_.where(row, col), 0, 0},
                         "the cell shows a spreadsheet error '" + shown(cell->text) + "'", "type the value itself");
        else
            continue;
        ok = false;
    }
    return ok;
}

bool RowReader::check_tag(int row, const Row& cells) {
    const std::string tag = value(cells, Field::workbook);
    if (tag.empty()) return true;
    std::istringstream in(tag);
    std::string place, cycle, by, owner;
    in >> place >> cycle >> by >> owner;
    if (place != ctx_.place->id) {
        error(row, Field::workbook,
              "this workbook is for the place '" + shown(place) + "', not '" + ctx_.place->id + "'",
              "import it into its own place");
        return false;
    }
    if (cycle != ctx_.cycle) {
        error(row, Field::workbook, "this workbook was exported for the cycle " + shown(cycle) + ", not " + ctx_.cycle,
              "send the leads this cycle's workbooks ('hwbgen updates export " + ctx_.place->id + " " + ctx_.cycle +
                  "')");
        return false;
    }
    if (owner_.empty()) {
        owner_ = owner;
        by_ = by == "lead" ? Grouping::lead : Grouping::subgroup;
        file_.owner = owner;
        file_.by = by_;
    }
    return true;
}

const derive::Item* RowReader::find_item(int row, const std::string& id) {
    std::vector<std::string> ids;
    for (const auto& item : *ctx_.items) {
        if (item.id == id) return &item;
        ids.push_back(item.id);
    }
    const std::string hint = diag::did_you_mean(id, ids);
    error(row, Field::id, "unknown commitment or project '" + shown(id) + "'",
          hint.empty() ? "keep the IDs as exported: each names a commitment or project of the strategy" : hint);
    return nullptr;
}

std::string RowReader::checked_text(int row, const Row& cells, Field field, const std::string& group) {
    std::string text = value(cells, field, group);
    const TextProblem p = text_problem(text);
    if (!p.message.empty()) error(row, field, p.message, p.hint, group);
    return text;
}

std::vector<model::Kpi> RowReader::known_kpis(const derive::Item& item) const {
    for (const auto* m : {&ctx_.current, &ctx_.before}) {
        const auto it = m->find(item.id);
        if (it != m->end() && !it->second->kpis.empty()) return it->second->kpis;
    }
    if (item.is_project)
        for (const auto& p : item.priority->projects)
            if (p.id == item.id) return p.kpis;
    return {};
}

bool parse_escalate(const std::string& text, bool& yes) {
    const std::string t = lower(text);
    if (t == "yes" || t == "y" || t == "true") return yes = true, true;
    if (t.empty() || t == "no" || t == "n" || t == "false") return yes = false, true;
    return false;
}

std::optional<model::Update> RowReader::update_of(int row, const Row& cells, const derive::Item& item) {
    const int errors = diags_.error_count();
    model::Update u;
    u.item = {item.id, {}};
    const std::string rating = value(cells, Field::rating);
    if (rating.empty())
        error(row, Field::rating, "no rating for '" + item.id + "'", "choose one of: " + allowed_ratings());
    else if (!parse_rating(rating, u.rag)) {
        std::vector<std::string> words;
        words.reserve(model::rag_count);
        for (int r = 0; r < model::rag_count; ++r) words.push_back(model::rag_label(model::Rag(r)));
        const std::string close = diag::did_you_mean(rating, words);
        error(row, Field::rating, "unknown rating '" + shown(rating) + "'",
              (close.empty() ? "" : close + " ") + "allowed values: " + allowed_ratings());
    }
    u.update = checked_text(row, cells, Field::update);
    u.next_steps = checked_text(row, cells, Field::next_steps);
    const std::string kpis = checked_text(row, cells, Field::kpis);
    if (has_kpi_values(kpis, known_kpis(item))) u.kpis = read_kpi_lines(kpis, known_kpis(item));
    for (const auto& g : ctx_.place->plus_groups)
        if (const std::string text = checked_text(row, cells, Field::plus_group, g.id); !text.empty())
            u.plus_groups.push_back({{g.id, {}}, text});
    u.risks = checked_text(row, cells, Field::risks);
    const std::string reason = checked_text(row, cells, Field::escalation);
    bool escalate = false;
    if (!parse_escalate(value(cells, Field::escalate), escalate))
        error(row, Field::escalate, "'" + shown(value(cells, Field::escalate)) + "' is not Yes or No",
              "choose Yes or No from the list");
    else if (escalate && reason.empty())
        error(row, Field::escalation, "escalation is Yes but no reason is given",
              "say what the board is asked to do, and why");
    else if (!escalate && !reason.empty() && !value(cells, Field::escalate).empty())
        error(row, Field::escalate, "escalation is No but a reason is given", "choose Yes, or clear the reason");
    u.escalation = reason;
    if (diags_.error_count() != errors) return std::nullopt;
    return u;
}

bool returned(const Row& cells, const std::vector<int>& fill_columns) {
    for (const int col : fill_columns)
        if (cells.count(col) && !trimmed(cells.at(col)->text).empty()) return true;
    return false;
}

void RowReader::read_row(int row, const Row& cells) {
    if (!check_cells(row, cells) || !check_tag(row, cells)) return;
    const std::string id = value(cells, Field::id);
    std::vector<int> fill;
    for (const auto& [col, c] : by_column_)
        if (c->fill && c->field != Field::kpis) fill.push_back(col);
    if (id.empty()) {
        if (returned(cells, fill))
            error(row, Field::id, "this row has an update but no ID", "put the row's ID back, as exported");
        return;
    }
    const derive::Item* item = find_item(row, id);
    if (!item) return;
    if (const auto [it, added] = seen_.emplace(id, row); !added)
        return error(row, Field::id, "'" + id + "' appears twice in this sheet",
                     "the other is in row " + std::to_string(it->second));
    if (!owner_.empty()) {
        const std::string owner = owner_id(*ctx_.place, *item, by_);
        if (owner != owner_)
            return error(row, Field::id,
                         "'" + id + "' belongs to " + owner_name(*ctx_.place, owner) + ", not to " +
                             owner_name(*ctx_.place, owner_) + " whose workbook this is",
                         "remove the row; " + owner_name(*ctx_.place, owner) + " reports on it in its own workbook");
    }
    const std::string kpis = value(cells, Field::kpis);
    if (!returned(cells, fill) && !has_kpi_values(kpis, known_kpis(*item))) return;  // nothing to report this time
    auto update = update_of(row, cells, *item);
    if (!update) return;
    const std::string where = sheet_.where(row, column_of(Field::id));
    const auto [it, added] = result_.updates.emplace(id, Returned{*update, where});
    if (!added && !same_update(it->second.update, *update))
        return error(row, Field::id, "'" + id + "' is also in " + it->second.where + ", with a different update",
                     "keep the update in one workbook, or make both the same");
    file_.returned.push_back(id);
}

void RowReader::read() {
    std::vector<const Cell*> cells;
    for (const auto& c : sheet_.cells) cells.push_back(&c);
    std::stable_sort(cells.begin(), cells.end(), [](const Cell* a, const Cell* b) {
        return std::tie(a->row, a->column) < std::tie(b->row, b->column);
    });
    std::map<int, Row> rows;
    for (const auto* c : cells) rows[c->row][c->column] = c;
    file_.file = sheet_.file;
    // The heading row is the first with an ID heading: rows above it (a title) are skipped.
    auto header = std::find_if(rows.begin(), rows.end(), [](const auto& row) {
        return std::any_of(row.second.begin(), row.second.end(),
                           [](const auto& kv) { return heading_key(kv.second->text) == "id"; });
    });
    if (header == rows.end() || !map_headings(header->second, header->first)) {
        if (header == rows.end())
            diags_.error({sheet_.file, 0, 0}, "no heading row with an 'ID' column",
                         "keep the headings of the exported Updates sheet");
        return;
    }
    for (auto it = std::next(header); it != rows.end(); ++it) read_row(it->first, it->second);
    result_.files.push_back(file_);
}

}  // namespace

bool parse_rating(const std::string& text, model::Rag& rag) {
    std::string t = lower(trimmed(text));
    for (auto& c : t)
        if (c == '-' || c == '_') c = ' ';
    for (int r = 0; r < model::rag_count; ++r) {
        std::string label = lower(model::rag_label(model::Rag(r)));
        if (t == label) return rag = model::Rag(r), true;
    }
    return false;
}

void read_returned(const ImportContext& context, const Sheet& sheet, ImportResult& result, diag::Diagnostics& diags) {
    RowReader(context, sheet, result, diags).read();
}

}  // namespace hwbgen::updates
