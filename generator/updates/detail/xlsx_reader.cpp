#include "updates/detail/xlsx_reader.hpp"

#include <zip.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>

#include "updates/columns.hpp"

namespace hwbgen::updates::detail {

namespace {

std::string megabytes(size_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB"; }

// One open .xlsx: every part is read only after its sizes are checked against the limits.
class Package {
public:
    Package(const std::string& path, const ReadLimits& limits) : limits_(limits) {
        int code = 0;
        zip_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
        if (!zip_)
            error_ = code == ZIP_ER_NOZIP ? "not a zip file" : "cannot open: " + zip_message(code);
        else if (zip_get_num_entries(zip_, 0) > 10000)
            error_ = "the workbook holds more than 10000 parts";
        else
            check_every_part();
    }
    ~Package() {
        if (zip_) zip_discard(zip_);
    }
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    const std::string& error() const { return error_; }
    bool has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }
    std::optional<std::string> read(const std::string& name);

private:
    static std::string zip_message(int code) {
        zip_error_t e;
        zip_error_init_with_code(&e, code);
        std::string out = zip_error_strerror(&e);
        zip_error_fini(&e);
        return out;
    }
    bool refuse(const std::string& why) {
        error_ = why;
        return false;
    }
    bool check_sizes(const std::string& name, const zip_stat_t& st);
    void check_every_part();

    const ReadLimits& limits_;
    zip_t* zip_ = nullptr;
    size_t total_ = 0;
    std::string error_;
};

bool Package::check_sizes(const std::string& name, const zip_stat_t& st) {
    const zip_uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_ENCRYPTION_METHOD;
    if ((st.valid & need) != need) return refuse(name + " does not say how large it is");
    if (st.encryption_method != ZIP_EM_NONE) return refuse("the workbook is encrypted (password-protected)");
    if (st.size > limits_.part_bytes)
        return refuse(name + " would expand to " + megabytes(st.size) + ", over the limit of " +
                      megabytes(limits_.part_bytes) + " for one sheet");
    if (st.size > (1u << 20) && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.ratio)
        return refuse(name + " would expand from " + std::to_string(st.comp_size) + " bytes to " + megabytes(st.size) +
                      " (more than " + std::to_string(limits_.ratio) + " times): this looks like a zip bomb");
    if (total_ + st.size > limits_.total_bytes)
        return refuse("the workbook would expand to more than " + megabytes(limits_.total_bytes));
    return true;
}

// Every part is checked up front, read or not: a workbook carrying a bomb is refused whole.
void Package::check_every_part() {
    const zip_int64_t n = zip_get_num_entries(zip_, 0);
    size_t total = 0;
    for (zip_int64_t i = 0; i < n && error_.empty(); ++i) {
        zip_stat_t st;
        if (zip_stat_index(zip_, zip_uint64_t(i), 0, &st) != 0) {
            error_ = "cannot read the list of parts";
            break;
        }
        const std::string name = (st.valid & ZIP_STAT_NAME) ? st.name : "a part";
        if (!check_sizes(name, st)) break;
        total += st.size;
        if (total > limits_.total_bytes)
            error_ = "the workbook would expand to more than " + megabytes(limits_.total_bytes);
    }
}

std::optional<std::string> Package::read(const std::string& name) {
    const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
    zip_stat_t st;
    if (index < 0 || zip_stat_index(zip_, zip_uint64_t(index), 0, &st) != 0) {
        refuse("the workbook has no " + name);
        return std::nullopt;
    }
    if (!check_sizes(name, st)) return std::nullopt;
    total_ += st.size;
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_, zip_uint64_t(index), 0), zip_fclose);
    if (!file) {
        refuse("cannot read " + name + ": " + zip_strerror(zip_));
        return std::nullopt;
    }
    // Read one byte more than declared: a part that is larger than its header says is refused.
    std::string bytes(size_t(st.size) + 1, '\0');
    size_t got = 0;
    while (got < bytes.size()) {
        const zip_int64_t n = zip_fread(file.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            refuse("cannot read " + name + ": " + zip_file_strerror(file.get()));
            return std::nullopt;
        }
        if (n == 0) break;
        got += size_t(n);
    }
    if (got != st.size) {
        refuse(name + " is not the size its header gives: the file is damaged or crafted");
        return std::nullopt;
    }
    bytes.resize(got);
    return bytes;
}

// Element and attribute names compared without their namespace prefix ("x:c" is "c").
const char* local(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}
bool named(const pugi::xml_node& n, const char* name) { return std::strcmp(local(n.name()), name) == 0; }
pugi::xml_node child(const pugi::xml_node& n, const char* name) {
    for (auto c : n.children())
        if (named(c, name)) return c;
    return {};
}
const char* attribute(const pugi::xml_node& n, const char* name) {
    for (auto a : n.attributes())
        if (std::strcmp(local(a.name()), name) == 0) return a.value();
    return "";
}

bool parse(const std::string& bytes, pugi::xml_document& doc) {
    return doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata);
}

// The text of a string item: plain <t>, or the <t> of each rich-text run; phonetic runs skipped.
std::string string_item(const pugi::xml_node& si) {
    std::string out;
    for (auto c : si.children()) {
        if (named(c, "t")) out += c.text().get();
        if (named(c, "r")) out += child(c, "t").text().get();
    }
    return decode_office_escapes(out);
}

struct Styles {
    std::vector<bool> date, percent;  // by cell style index
};

bool is_date_code(const std::string& code) {
    bool quoted = false, bracket = false;
    for (const char c : code) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '[' || c == ']')) bracket = c == '[';
        if (!quoted && !bracket && std::strchr("dmyhsDMYHS", c)) return true;
    }
    return false;
}

Styles read_styles(const std::string& xml) {
    Styles out;
    pugi::xml_document doc;
    if (!parse(xml, doc)) return out;
    const auto sheet = doc.first_child();
    std::map<int, std::string> codes;
    for (auto f : child(sheet, "numFmts").children())
        codes[std::atoi(attribute(f, "numFmtId"))] = attribute(f, "formatCode");
    for (auto xf : child(sheet, "cellXfs").children()) {
        const int id = std::atoi(attribute(xf, "numFmtId"));
        const auto code = codes.find(id);
        const bool custom = code != codes.end();
        out.date.push_back(custom ? is_date_code(code->second) : (id >= 14 && id <= 22) || (id >= 45 && id <= 47));
        out.percent.push_back(custom ? code->second.find('%') != std::string::npos : id == 9 || id == 10);
    }
    return out;
}

std::string number_text(double v) {
    if (!std::isfinite(v)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
}

struct Book {
    std::vector<std::pair<std::string, std::string>> sheets;  // name, part
    std::vector<std::string> strings;
    Styles styles;
    bool date1904 = false;
};

std::string part_path(std::string target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    while (target.rfind("../", 0) == 0) target = target.substr(3);
    return target.rfind("xl/", 0) == 0 ? target : "xl/" + target;
}

bool read_book(Package& zip, Book& book) {
    const auto workbook = zip.read("xl/workbook.xml");
    const auto rels = workbook ? zip.read("xl/_rels/workbook.xml.rels") : std::nullopt;
    if (!rels) return false;
    pugi::xml_document wb, rd;
    if (!parse(*workbook, wb) || !parse(*rels, rd)) return false;
    std::map<std::string, std::string> targets;
    std::string strings_part, styles_part;
    for (auto r : rd.first_child().children()) {
        const std::string type = attribute(r, "Type"), target = part_path(attribute(r, "Target"));
        targets[attribute(r, "Id")] = target;
        if (type.size() >= 14 && type.compare(type.size() - 14, 14, "/sharedStrings") == 0) strings_part = target;
        if (type.size() >= 7 && type.compare(type.size() - 7, 7, "/styles") == 0) styles_part = target;
    }
    const auto root = wb.first_child();
    const std::string d1904 = attribute(child(root, "workbookPr"), "date1904");
    book.date1904 = d1904 == "1" || d1904 == "true";
    for (auto s : child(root, "sheets").children())
        book.sheets.push_back({attribute(s, "name"), targets[attribute(s, "id")]});
    if (!strings_part.empty() && zip.has(strings_part)) {
        const auto bytes = zip.read(strings_part);
        pugi::xml_document doc;
        if (!bytes || !parse(*bytes, doc)) return false;
        for (auto si : doc.first_child().children())
            if (named(si, "si")) book.strings.push_back(string_item(si));
    }
    if (!styles_part.empty() && zip.has(styles_part)) {
        const auto bytes = zip.read(styles_part);
        if (!bytes) return false;
        book.styles = read_styles(*bytes);
    }
    return true;
}

bool parse_ref(const char* ref, int& row, int& column) {
    int col = 0, r = 0;
    const char* p = ref;
    for (; *p >= 'A' && *p <= 'Z'; ++p) col = col * 26 + (*p - 'A' + 1);
    for (; *p >= '0' && *p <= '9'; ++p) r = r * 10 + (*p - '0');
    if (col == 0 || r == 0 || *p || col > 16384 || r > 1048576) return false;
    row = r;
    column = col - 1;
    return true;
}

// Line breaks as Windows pastes them (CR LF, or CR alone) become plain LF, as in the content.
std::string plain_lines(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r')
            out += text[i];
        else if (i + 1 >= text.size() || text[i + 1] != '\n')
            out += '\n';
    }
    return out;
}

Cell read_cell(const pugi::xml_node& c, const Book& book) {
    Cell cell;
    const std::string type = attribute(c, "t");
    const std::string value = child(c, "v").text().get();
    const size_t style = size_t(std::atoi(attribute(c, "s")));
    if (const auto f = child(c, "f")) {
        cell.kind = Cell::Kind::formula;
        cell.text = "=" + std::string(f.text().get());
    } else if (type == "s") {
        const size_t i = size_t(std::atol(value.c_str()));
        cell.text = !value.empty() && i < book.strings.size() ? book.strings[i] : "";
    } else if (type == "inlineStr") {
        cell.text = string_item(child(c, "is"));
    } else if (type == "str" || type == "d") {
        cell.text = decode_office_escapes(value);
    } else if (type == "b") {
        cell.kind = Cell::Kind::boolean;
        cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "e") {
        cell.kind = Cell::Kind::error;
        cell.text = value;
    } else if (!value.empty()) {
        const double v = std::strtod(value.c_str(), nullptr);
        const bool date = style < book.styles.date.size() && book.styles.date[style];
        const bool percent = style < book.styles.percent.size() && book.styles.percent[style];
        cell.kind = date ? Cell::Kind::date : Cell::Kind::number;
        cell.text = date ? serial_date(v, book.date1904) : percent ? number_text(v * 100) + "%" : number_text(v);
    }
    cell.text = plain_lines(cell.text);
    return cell;
}

// The sheet's cells; false (with `why`) when it breaks a limit.
bool read_cells(const pugi::xml_node& data, const Book& book, const ReadLimits& limits, Sheet& sheet,
                std::string& why) {
    int row_number = 0, rows = 0;
    for (auto row : data.children()) {
        if (!named(row, "row")) continue;
        const int r = std::atoi(attribute(row, "r"));
        row_number = r > 0 ? r : row_number + 1;
        if (++rows > limits.rows)
            return why = "the sheet has more than " + std::to_string(limits.rows) + " rows", false;
        int column = -1;
        for (auto c : row.children()) {
            if (!named(c, "c")) continue;
            int cr = row_number, cc = column + 1;
            const char* ref = attribute(c, "r");
            if (*ref && !parse_ref(ref, cr, cc))
                return why = std::string("a cell has a bad position '") + ref + "'", false;
            column = cc;
            if (cc >= limits.columns)
                return why = "the sheet has more than " + std::to_string(limits.columns) + " columns", false;
            Cell cell = read_cell(c, book);
            cell.row = cr;
            cell.column = cc;
            if (!cell.text.empty() || cell.kind == Cell::Kind::formula) sheet.cells.push_back(std::move(cell));
        }
    }
    return true;
}

bool has_marker(const Sheet& sheet, const std::string& marker) {
    for (const auto& c : sheet.cells)
        if (heading_key(c.text) == heading_key(marker)) return true;
    return false;
}

}  // namespace

std::optional<Sheet> read_xlsx(const std::string& path, const std::string& marker, diag::Diagnostics& diags,
                               const ReadLimits& limits) {
    Package zip(path, limits);
    const auto refused = [&](const std::string& why, const std::string& hint) {
        diags.error({path, 0, 0}, why, hint);
        return std::nullopt;
    };
    const std::string damaged = "save it again from the spreadsheet program as an Excel workbook (.xlsx)";
    if (!zip.error().empty()) return refused(zip.error(), damaged);
    Book book;
    if (!read_book(zip, book))
        return refused(zip.error().empty() ? "the workbook's structure cannot be read" : zip.error(), damaged);
    for (const auto& [name, part] : book.sheets) {
        const auto bytes = zip.read(part);
        if (!bytes) return refused(zip.error(), damaged);
        pugi::xml_document doc;
        if (!parse(*bytes, doc)) return refused("sheet '" + name + "' is not valid XML", damaged);
        Sheet sheet{path, name, {}};
        std::string why;
        if (!read_cells(child(doc.first_child(), "sheetData"), book, limits, sheet, why))
            return refused(name + ": " + why, "send back the workbook as it was exported, with the updates filled in");
        if (has_marker(sheet, marker)) return sheet;
    }
    return refused("no sheet has a '" + marker + "' column heading",
                   "the Updates sheet exported by 'hwbgen updates export' must keep its headings");
}

std::string decode_office_escapes(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 3])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 4])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 5]))) {
            const unsigned long code = std::strtoul(text.substr(i + 2, 4).c_str(), nullptr, 16);
            if (code < 0x80) {
                out += char(code);
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string serial_date(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 0 || serial > 2958466) return number_text(serial);
    // Days from 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    long days = long(std::floor(serial)) + (date1904 ? -24107 : -25569);
    if (!date1904 && serial < 61) ++days;  // Excel's phantom 29 February 1900
    const int minutes = int(std::lround((serial - std::floor(serial)) * 1440));
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    std::string out = buf;
    if (minutes > 0 && minutes < 1440) {
        std::snprintf(buf, sizeof buf, " %02d:%02d", minutes / 60, minutes % 60);
        out += buf;
    }
    return out;
}

}  // namespace hwbgen::updates::detail
