// Easy Read rules about figures and marks: dates written in figures, big exact numbers, words
// in brackets and symbols. Web and email addresses are blanked out before these run.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "check/detail/easy_read_text.hpp"

namespace hwbgen::check::detail {

namespace {

bool digit_at(const std::string& s, size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); }
bool letter_at(const std::string& s, size_t i) {
    return i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]));
}

size_t digits_from(const std::string& s, size_t i) {
    size_t end = i;
    while (digit_at(s, end)) ++end;
    return end - i;
}

// A number starts here: not inside a word or another number ("v1.2", "12,345" at the 3).
bool number_starts(const std::string& s, size_t i) {
    if (!digit_at(s, i)) return false;
    if (i == 0) return true;
    const char before = s[i - 1];
    if (std::isalnum(static_cast<unsigned char>(before))) return false;
    return !((before == '.' || before == ',' || before == '/' || before == '-') && digit_at(s, i - 2));
}

struct DateMatch {
    size_t length = 0;
    int day = 0, month = 0, year = 0;  ///< day 0: a month and year only
};

int full_year(const std::string& digits) {
    const int y = std::atoi(digits.c_str());
    return digits.size() == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

// dd/mm/yyyy, d.m.yy, dd-mm-yyyy, yyyy-mm-dd and mm/yyyy, at `i`.
DateMatch date_at(const std::string& s, size_t i) {
    const size_t a = digits_from(s, i);
    if (a == 0 || i + a >= s.size()) return {};
    const char sep = s[i + a];
    if (sep != '/' && sep != '.' && sep != '-') return {};
    const size_t j = i + a + 1, b = digits_from(s, j);
    if (b == 0) return {};
    const size_t k = j + b + 1;
    const bool third = k - 1 < s.size() && s[k - 1] == sep && digits_from(s, k) > 0;
    const size_t c = third ? digits_from(s, k) : 0;
    const size_t end = third ? k + c : j + b;
    if (digit_at(s, end) || letter_at(s, end) || ((end < s.size() && (s[end] == sep)) && digit_at(s, end + 1)))
        return {};
    const std::string A = s.substr(i, a), B = s.substr(j, b), C = third ? s.substr(k, c) : "";
    if (third && a == 4 && b <= 2 && c <= 2 && sep != '.')
        return {end - i, std::atoi(C.c_str()), std::atoi(B.c_str()), std::atoi(A.c_str())};
    if (third && a <= 2 && b <= 2 && (c == 2 || c == 4)) {
        int day = std::atoi(A.c_str()), month = std::atoi(B.c_str());
        if (month > 12 && day <= 12) std::swap(day, month);  // written the American way round
        return {end - i, day, month, full_year(C)};
    }
    if (!third && sep == '/' && a <= 2 && c == 0 && b == 4 && std::atoi(B.c_str()) >= 1900 &&
        std::atoi(B.c_str()) < 2100)
        return {end - i, 0, std::atoi(A.c_str()), std::atoi(B.c_str())};
    return {};
}

}  // namespace

std::string date_in_words(int day, int month, int year) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 0 || day > days[month - 1] || year < 1000) return {};
    const std::string rest = std::string(months[month - 1]) + " " + std::to_string(year);
    return day == 0 ? rest : std::to_string(day) + " " + rest;
}

std::vector<Span> find_dates(const PointText& t, std::vector<Finding>& out) {
    std::vector<Span> spans;
    const std::string& s = t.masked;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!number_starts(s, i)) continue;
        const DateMatch d = date_at(s, i);
        const std::string words = d.length ? date_in_words(d.day, d.month, d.year) : "";
        if (words.empty()) continue;
        spans.push_back({i, i + d.length});
        out.push_back({"date-figures", i, "date written in figures '" + t.raw.substr(i, d.length) + "'",
                       "write '" + words + "', with the month as a word"});
        i += d.length;
    }
    return spans;
}

std::string round_simply(double value) {
    if (value >= 999500) {
        const double millions = value / 1e6;
        char text[32];
        std::snprintf(text, sizeof text, millions >= 9.95 ? "%.0f" : "%.1f", millions);
        std::string n = text;
        if (n.size() > 2 && n.compare(n.size() - 2, 2, ".0") == 0) n.resize(n.size() - 2);
        return n + " million";
    }
    const double step = std::pow(10.0, std::floor(std::log10(value)) - 1);
    const auto rounded = static_cast<long long>(static_cast<double>(std::llround(value / step)) * step);
    std::string digits = std::to_string(rounded), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

namespace {

struct NumberMatch {
    size_t length = 0;
    std::string digits;  ///< the whole part without commas
    bool grouped = false, decimals = false;
};

NumberMatch number_at(const std::string& s, size_t i) {
    NumberMatch n;
    size_t end = i + digits_from(s, i);
    n.digits = s.substr(i, end - i);
    // 12,345,678: commas between groups of three digits.
    while (end + 3 < s.size() + 0 && s[end] == ',' && digits_from(s, end + 1) == 3 && n.digits.size() <= 3 + 4 * 8) {
        n.digits += s.substr(end + 1, 3);
        end += 4;
        n.grouped = true;
    }
    if (end + 1 < s.size() && s[end] == '.' && digit_at(s, end + 1)) {
        n.decimals = true;
        end += 1 + digits_from(s, end + 1);
    }
    n.length = end - i;
    return n;
}

bool in_spans(size_t at, const std::vector<Span>& spans) {
    for (const auto& s : spans)
        if (at >= s.begin && at < s.end) return true;
    return false;
}

// Digits grouped by spaces ("0116 454 1000") are a phone number, not an amount.
bool beside_other_digits(const std::string& s, size_t from, size_t to) {
    size_t before = from;
    while (before > 0 && s[before - 1] == ' ') --before;
    size_t after = to;
    while (after < s.size() && s[after] == ' ') ++after;
    return (before < from && digit_at(s, before - 1)) || (after > to && digit_at(s, after));
}

}  // namespace

void find_big_numbers(const PointText& t, const std::vector<Span>& dates, std::vector<Finding>& out) {
    const std::string& s = t.masked;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!number_starts(s, i) || in_spans(i, dates)) continue;
        const NumberMatch n = number_at(s, i);
        const size_t end = i + n.length;
        const bool code = n.digits.size() > 1 && n.digits[0] == '0';  // phone numbers, codes
        const double value = std::atof(n.digits.c_str());
        const bool year = !n.grouped && n.digits.size() == 4 && value >= 1900 && value < 2100;
        size_t significant = n.digits.find_last_not_of('0') + 1;
        if (n.decimals) significant = n.digits.size() + 1;
        if (code || year || value < 1000 || significant <= 2 || letter_at(s, end) || beside_other_digits(s, i, end) ||
            n.digits.size() > 15) {
            i = end;
            continue;
        }
        out.push_back({"big-number", i, "exact big number '" + t.raw.substr(i, n.length) + "'",
                       "round it and say it simply: 'about " + round_simply(value) + "'"});
        i = end;
    }
}

void find_brackets(const PointText& t, std::vector<Finding>& out) {
    const std::string& s = t.masked;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '(' && s[i] != '[') continue;
        const size_t close = s.find(s[i] == '(' ? ')' : ']', i);
        const std::string inside = t.raw.substr(i, close == std::string::npos ? std::string::npos : close + 1 - i);
        out.push_back(
            {"brackets", i, "words in brackets '" + inside + "'", "say it in its own point, or leave it out"});
        if (close != std::string::npos) i = close;
    }
}

namespace {

struct Symbol {
    const char* text;
    const char* hint;
};

const Symbol symbols[] = {
    {"&", "write 'and'"},
    {"/", "write 'or', or 'and'"},
    {"+", "write 'and', or 'and over' after an age"},
    {"=", "write 'is', or 'means'"},
    {"<", "write 'less than'"},
    {">", "write 'more than'"},
    {"~", "write 'about'"},
    {"#", "write 'number'"},
    {"@", "write 'at'"},
    {"|", "leave it out"},
    {"\\", "leave it out"},
    {"^", "leave it out"},
    {"\xE2\x86\x92", "write 'then', or 'to'"},
    {"\xE2\x89\xA5", "write 'or more'"},
    {"\xE2\x89\xA4", "write 'or less'"},
    {"\xC2\xB1", "write 'about'"},
    {"\xC3\x97", "write 'times'"},
    {"\xC3\xB7", "write 'divided by'"},
};

// Marks another rule reports, or that belong to something else.
bool symbol_is_part_of_something(const std::string& s, size_t i, const std::string& symbol) {
    const auto upper = [&](size_t k) { return k < s.size() && std::isupper(static_cast<unsigned char>(s[k])); };
    if (symbol == "/") return digit_at(s, i - 1) && digit_at(s, i + 1);           // a fraction or a date
    if (symbol == "&") return i > 0 && upper(i - 1) && upper(i + 1);              // A&E: an abbreviation
    if (symbol == "+") return digit_at(s, i + 1) && (i == 0 || s[i - 1] == ' ');  // +44: a phone number
    if (symbol == ">" || symbol == "<") return (i == 0 && symbol == ">");         // a Markdown quote
    return false;
}

}  // namespace

void find_symbols(const PointText& t, std::vector<Finding>& out) {
    const std::string& s = t.masked;
    for (size_t i = 0; i < s.size(); ++i)
        for (const auto& sym : symbols) {
            const std::string text = sym.text;
            if (s.compare(i, text.size(), text) != 0 || symbol_is_part_of_something(s, i, text)) continue;
            out.push_back({"symbol", i, "symbol '" + text + "'", sym.hint});
            i += text.size() - 1;
            break;
        }
}

}  // namespace hwbgen::check::detail
