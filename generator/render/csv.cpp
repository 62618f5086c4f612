#include "render/csv.hpp"

#include <cmath>
#include <cstdlib>

namespace hwbgen::render {

namespace {

bool is_finite_number(const std::string& text) {
    if (text.empty()) return false;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    // strtod also reads "inf", "nan" and hex; only plain decimals count as numbers here.
    return end == text.c_str() + text.size() && std::isfinite(v) &&
           text.find_first_not_of("0123456789.-+eE") == std::string::npos;
}

bool starts_formula(const std::string& text) {
    if (text.empty()) return false;
    const char c = text[0];
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string csv_cell(const std::string& text, bool numeric) {
    std::string cell = starts_formula(text) && !(numeric && is_finite_number(text)) ? "'" + text : text;
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string out = "\"";
    for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace hwbgen::render
