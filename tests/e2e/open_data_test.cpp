// Open data: the files under about-data/ parse as CSV and JSON, say the same as each other, and
// agree with the pages (a commitment's rating, an indicator's latest value and comparison).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e_support.hpp"

using namespace hwbgen::test;

namespace {

using Table = std::vector<std::vector<std::string>>;

// RFC 4180: quoted cells may hold commas, doubled quotes and line breaks.
Table parse_csv(const std::string& text) {
    Table rows(1);
    std::string cell;
    bool quoted = false, was_quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            REQUIRE(cell.empty());
            quoted = was_quoted = true;
        } else if (c == ',' || c == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            was_quoted = false;
            if (c == '\n') rows.emplace_back();
        } else {
            cell += c;
        }
    }
    REQUIRE_FALSE(quoted);
    (void)was_quoted;
    REQUIRE(rows.back().empty());  // the file ends with a line break
    rows.pop_back();
    return rows;
}

// The page's HTML escaping, enough for the texts compared here.
std::string escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

// The element of the page that starts with `opening`, up to the end tag `closing`.
std::string element(const std::string& page, const std::string& opening, const std::string& closing) {
    const size_t at = page.find(opening);
    if (at == std::string::npos) return {};
    return page.substr(at, page.find(closing, at) - at);
}

// The page a `page` cell points at: its folder's index.html, fragment dropped.
fs::path page_file(const fs::path& site, const std::string& address) {
    return site / (address.substr(0, address.find('#')) + "index.html");
}

// The JSON value of a CSV cell under the files' rules: empty is null, figures are numbers.
void check_same(const nlohmann::json& value, const std::string& cell, const std::string& column) {
    INFO(column << ": " << cell);
    if (cell.empty()) {
        CHECK((value.is_null() || value == false));
    } else if (value.is_number()) {
        CHECK(value.get<double>() == Approx(std::stod(cell)));
    } else if (value.is_boolean()) {
        CHECK(cell == (value.get<bool>() ? "true" : "false"));
    } else {
        // A neutralised cell carries the apostrophe only in the CSV.
        const std::string text = value.get<std::string>();
        CHECK((cell == text || cell == "'" + text));
    }
}

// The CSV and the JSON list hold the same rows; returns the CSV's rows as column -> cell.
std::vector<std::map<std::string, std::string>> matched(const fs::path& dir, const std::string& name,
                                                        const std::string& list) {
    const Table csv = parse_csv(read_file(dir / (name + ".csv")));
    const auto json = nlohmann::json::parse(read_file(dir / (name + ".json")));
    REQUIRE(csv.size() >= 1);
    const auto& header = csv[0];
    REQUIRE(json[list].size() == csv.size() - 1);
    std::vector<std::map<std::string, std::string>> rows;
    for (size_t r = 1; r < csv.size(); ++r) {
        REQUIRE(csv[r].size() == header.size());
        const auto& object = json[list][r - 1];
        REQUIRE(object.size() == header.size());
        std::map<std::string, std::string> row;
        for (size_t c = 0; c < header.size(); ++c) {
            check_same(object.at(header[c]), csv[r][c], header[c]);
            row[header[c]] = csv[r][c];
        }
        rows.push_back(row);
    }
    return rows;
}

void check_commitments(const fs::path& site) {
    const auto rows = matched(site / "about-data", "commitments", "items");
    size_t rated = 0, on_pages = 0;
    for (const auto& [path, bytes] : read_tree(site))
        if (path.rfind("sections/", 0) == 0)
            for (size_t at = bytes.find("<li id=\"c-"); at != std::string::npos; at = bytes.find("<li id=\"c-", at + 1))
                ++on_pages;
    size_t commitments = 0;
    for (const auto& row : rows) {
        INFO(row.at("id"));
        const auto page = read_file(page_file(site, row.at("page")));
        const bool project = row.at("type") == "Project";
        commitments += project ? 0 : 1;
        const std::string item = project ? element(page, "<section class=\"project\" id=\"p-" + row.at("id") + "\"",
                                                   "</section>")
                                         : element(page, "<li id=\"c-" + row.at("id") + "\">", "</li>");
        REQUIRE_FALSE(item.empty());
        const std::string rating = row.at("latest_rating");
        if (rating.empty()) {
            CHECK(item.find("Progress: ") == std::string::npos);
            continue;
        }
        ++rated;
        CHECK(item.find("Progress: " + rating + "<") != std::string::npos);
        CHECK(item.find("reports/" + row.at("rating_cycle") + "/#u-" + row.at("id")) != std::string::npos);
    }
    // Every commitment on the priority pages is in the file, and some have ratings to compare.
    CHECK(commitments == on_pages);
    CHECK(rated >= 5);
}

void check_indicators(const fs::path& site) {
    const auto rows = matched(site / "about-data", "indicators", "rows");
    size_t latest = 0;
    for (const auto& row : rows) {
        if (row.at("latest") != "true") continue;
        ++latest;
        INFO(row.at("indicator_id"));
        const auto page = read_file(page_file(site, row.at("page")));
        char value[64];
        std::snprintf(value, sizeof value, "%.1f", std::stod(row.at("value")));
        CHECK(page.find("<span class=\"headline-value\">" + std::string(value) + " ") != std::string::npos);
        CHECK(page.find(", " + escaped(row.at("time_period")) + ". England: ") != std::string::npos);
        CHECK(page.find("\">" + row.at("compared_with_england") + "</span>") != std::string::npos);
        CHECK(page.find(escaped(row.at("recent_trend"))) != std::string::npos);
    }
    // One latest row for each indicator page.
    size_t pages = 0;
    for (const auto& [path, bytes] : read_tree(site / "indicators"))
        if (path.find("/index.html") != std::string::npos) ++pages;
    CHECK(latest == pages);
    CHECK(latest >= 3);
}

}  // namespace

TEST_CASE("open data files parse and agree with the pages", "[e2e][open-data]") {
    TempProject project;
    const auto r = run_hwbgen("build --quiet --root " + source_dir.string() + " --out " +
                                  (project.root / "site").string(),
                              project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    size_t places = 0;
    for (const auto* place : {"leicestershire", "leicester"}) {
        INFO(place);
        const fs::path site = project.root / "site" / place;
        REQUIRE(fs::exists(site / "about-data/commitments.csv"));
        ++places;
        check_commitments(site);
        check_indicators(site);
        const auto about = read_file(site / "about-data/index.html");
        for (const auto* file : {"commitments.csv", "commitments.json", "indicators.csv", "indicators.json"})
            CHECK(about.find("href=\"" + std::string(file) + "\"") != std::string::npos);
        CHECK(about.find("Open Government Licence v3.0") != std::string::npos);
    }
    CHECK(places == 2);
}

TEST_CASE("open data cells that a spreadsheet would run are neutralised", "[e2e][open-data]") {
    TempProject project;
    copy_project(project.root, {"templates"});
    copy_tree(source_dir / "tests/fixtures/minimal", project.root);
    const fs::path section = project.root / "content/minimal/sections/01-start-well.yaml";
    std::string yaml = read_file(section);
    const std::string plain = "text: We will help families find *free* childcare.";
    REQUIRE(yaml.find(plain) != std::string::npos);
    yaml.replace(yaml.find(plain), plain.size(), "text: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"");
    write_file(section, yaml);
    const auto r = run_hwbgen("build --quiet --root " + project.root.string(), project.root);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto csv = read_file(project.root / "site/minimal/about-data/commitments.csv");
    CHECK(csv.find(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",") != std::string::npos);
    for (const auto& row : parse_csv(csv))
        for (const auto& cell : row) {
            INFO(cell);
            CHECK((cell.empty() || std::string("=+@\t\r").find(cell[0]) == std::string::npos));
        }
    const auto indicators = parse_csv(read_file(project.root / "site/minimal/about-data/indicators.csv"));
    CHECK(indicators.size() > 1);
}
