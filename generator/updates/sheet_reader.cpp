#include "updates/sheet_reader.hpp"

#include <sys/stat.h>
#include <fstream>

#include "load/source_text.hpp"
#include "updates/columns.hpp"
#include "updates/detail/xlsx_reader.hpp"

namespace hwbgen::updates {

std::string Sheet::where(int row, int column) const {
    return file + ": " + (name.empty() ? "" : name + "!") + column_letters(column) + std::to_string(row);
}

namespace {

bool ends_with(const std::string& s, const char* suffix) {
    const size_t n = std::char_traits<char>::length(suffix);
    if (s.size() < n) return false;
    for (size_t i = 0; i < n; ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - n + i])) != suffix[i]) return false;
    return true;
}

// The delimiter the header line uses: Excel writes ';' where ',' is the decimal comma.
char delimiter_of(const std::string& text) {
    const std::string first = text.substr(0, text.find('\n'));
    size_t counts[3] = {0, 0, 0};
    const char candidates[3] = {',', ';', '\t'};
    for (const char c : first)
        for (int i = 0; i < 3; ++i) counts[i] += c == candidates[i];
    int best = 0;
    for (int i = 1; i < 3; ++i)
        if (counts[i] > counts[best]) best = i;
    return candidates[best];
}

// RFC 4180: quoted fields may hold the delimiter, quotes ("") and line breaks.
bool parse_csv(const std::string& text, const ReadLimits& limits, Sheet& sheet, std::string& why) {
    const char delimiter = delimiter_of(text);
    int row = 1, column = 0;
    std::string field;
    bool quoted = false, was_quoted = false;
    const auto end_field = [&] {
        if (!field.empty() || was_quoted) sheet.cells.push_back({row, column, Cell::Kind::text, field});
        field.clear();
        was_quoted = false;
        ++column;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"' && field.empty()) {
            quoted = was_quoted = true;
        } else if (c == delimiter) {
            end_field();
            if (column >= limits.columns)
                return why = "more than " + std::to_string(limits.columns) + " columns", false;
        } else if (c == '\n') {
            end_field();
            column = 0;
            if (++row > limits.rows) return why = "more than " + std::to_string(limits.rows) + " rows", false;
        } else {
            field += c;
        }
    }
    if (quoted) return why = "a quoted field is not closed", false;
    if (!field.empty()) end_field();
    return true;
}

std::optional<Sheet> read_csv(const std::string& path, std::string bytes, diag::Diagnostics& diags,
                              const ReadLimits& limits) {
    const auto text = load::prepare_text(path, std::move(bytes), diags);
    if (!text) return std::nullopt;
    Sheet sheet{path, "", {}};
    std::string why;
    if (!parse_csv(*text, limits, sheet, why)) {
        diags.error({path, 0, 0}, "cannot read the CSV file: " + why,
                    "save the Updates sheet again as 'CSV UTF-8 (comma delimited)'");
        return std::nullopt;
    }
    return sheet;
}

std::optional<std::string> read_file(const std::string& path, size_t most, diag::Diagnostics& diags) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        diags.error({path, 0, 0}, "cannot read the file", "check the name; give the workbooks the leads sent back");
        return std::nullopt;
    }
    if (size_t(st.st_size) > most) {
        diags.error({path, 0, 0}, "the file is larger than " + std::to_string(most >> 20) + " MB",
                    "a returned workbook is far smaller: check this is the right file");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes(size_t(st.st_size), '\0');
    in.read(bytes.data(), std::streamsize(bytes.size()));
    return bytes;
}

}  // namespace

std::optional<Sheet> read_sheet(const std::string& path, const std::string& marker, diag::Diagnostics& diags,
                                const ReadLimits& limits) {
    auto bytes = read_file(path, limits.file_bytes, diags);
    if (!bytes) return std::nullopt;
    if (bytes->rfind("PK\x03\x04", 0) == 0 || bytes->rfind("PK\x05\x06", 0) == 0)
        return detail::read_xlsx(path, marker, diags, limits);
    if (ends_with(path, ".csv")) return read_csv(path, std::move(*bytes), diags, limits);
    const bool old_excel = bytes->rfind("\xD0\xCF\x11\xE0", 0) == 0;
    diags.error({path, 0, 0},
                old_excel ? "this is an old Excel 97-2003 file (.xls), not a workbook hwbgen reads"
                          : "not a zip file, so not an Excel workbook (.xlsx)",
                "open it in the spreadsheet program and save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'");
    return std::nullopt;
}

}  // namespace hwbgen::updates
