#include "render/infographic.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "render/markdown.hpp"

namespace hwbgen::render {

namespace {

constexpr int width = 1200, margin = 40, gap = 24, header_height = 150, line = 30;
const char* const font = "Liberation Sans, Arial, Helvetica, sans-serif";

// The colours of the site's comparison badges (GOV.UK palette, as Fingertips uses), with the
// text colour that keeps AA contrast on each. The word is always written as well.
struct Badge {
    const char* fill;
    const char* text;
    const char* stroke;
};

Badge badge_for(const std::string& compared) {
    if (compared == "Better") return {"#00703c", "#ffffff", "#00703c"};
    if (compared == "Similar") return {"#ffdd00", "#0b0c0c", "#0b0c0c"};
    if (compared == "Worse") return {"#d4351c", "#ffffff", "#d4351c"};
    if (compared == "Higher") return {"#003078", "#ffffff", "#003078"};
    if (compared == "Lower") return {"#5694ca", "#0b0c0c", "#0b0c0c"};
    return {"#ffffff", "#0b0c0c", "#0b0c0c"};
}

// Lines of at most `chars` characters, broken between words; a word longer than a line is
// broken inside. Counted in bytes, which errs towards shorter lines for non-ASCII text.
std::vector<std::string> wrap(const std::string& text, size_t chars) {
    std::vector<std::string> lines;
    std::string current;
    std::istringstream words(text);
    for (std::string word; words >> word;) {
        while (word.size() > chars) {
            if (!current.empty()) lines.push_back(std::move(current));
            current.clear();
            lines.push_back(word.substr(0, chars));
            word.erase(0, chars);
        }
        if (!current.empty() && current.size() + 1 + word.size() > chars) {
            lines.push_back(std::move(current));
            current.clear();
        }
        current += (current.empty() ? "" : " ") + word;
    }
    if (!current.empty()) lines.push_back(std::move(current));
    return lines;
}

struct Tile {
    const derive::IndicatorFigure* figure;
    std::vector<std::string> name;
};

std::string text_lines(int x, int y, int size, const char* weight, const std::vector<std::string>& lines, int spacing) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i)
        out += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + static_cast<int>(i) * spacing) +
               "\" font-size=\"" + std::to_string(size) + "\" font-weight=\"" + weight + "\">" + escape_html(lines[i]) +
               "</text>\n";
    return out;
}

// One tile: name, value, unit, the comparison as a badge with its word, England, the period.
std::string tile_svg(const Tile& t, int x, int y, int w, int h, int name_lines) {
    const auto& f = *t.figure;
    const auto& d = *f.definition;
    const Badge badge = badge_for(f.compared);
    const std::string value = f.latest->value ? derive::format_value(*f.latest->value) : "No data";
    const std::string england = f.england && f.england->value ? derive::format_value(*f.england->value) : "no value";
    std::string out = "<g>\n<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                      std::to_string(w) + "\" height=\"" + std::to_string(h) +
                      "\" fill=\"#f3f2f1\" stroke=\"#b1b4b6\" stroke-width=\"2\"/>\n";
    out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(w) +
           "\" height=\"8\" fill=\"#005a70\"/>\n";
    const int left = x + 20;
    int at = y + 44;
    out += text_lines(left, at, 22, "bold", t.name, 28);
    at += name_lines * 28 + 44;
    out += text_lines(left, at, 56, "bold", {value}, 0);
    at += 36;
    // The unit on one line; the table beside the infographic gives it in full.
    auto unit = wrap(d.unit, static_cast<size_t>((w - 40) / 12));
    if (unit.size() > 1) unit = {unit[0] + "…"};
    out += text_lines(left, at, 24, "normal", unit, 0);
    at += 24;
    out += text_lines(left, at + 8, 20, "normal", {"Compared with England:"}, 0);
    at += 20;
    const std::string word = f.compared + (f.published_comparison ? " *" : "");
    const int badge_w = 24 + static_cast<int>(word.size()) * 14;
    out += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(at) + "\" width=\"" +
           std::to_string(badge_w) + "\" height=\"38\" fill=\"" + badge.fill + "\" stroke=\"" + badge.stroke +
           "\" stroke-width=\"2\"/>\n";
    out += "<text x=\"" + std::to_string(left + 12) + "\" y=\"" + std::to_string(at + 27) +
           "\" font-size=\"22\" font-weight=\"bold\" fill=\"" + badge.text + "\">" + escape_html(word) + "</text>\n";
    at += 38 + 34;
    out += text_lines(left, at, 22, "normal", {"England: " + england}, 0);
    at += line;
    out += text_lines(left, at, 22, "normal", {"Period: " + f.latest->time_period}, 0);
    if (f.example) out += text_lines(left, at + line, 20, "bold", {"Example data"}, 0);
    return out + "</g>\n";
}

}  // namespace

std::string infographic_svg(const model::Place& place, const std::vector<derive::IndicatorFigure>& figures) {
    std::vector<Tile> tiles;
    const int columns = 3, tile_w = (width - 2 * margin - (columns - 1) * gap) / columns;
    int name_lines = 1;
    std::set<std::string> sources;
    bool published = false;
    for (const auto& f : figures) {
        if (!f.latest) continue;
        tiles.push_back({&f, wrap(f.definition->name, static_cast<size_t>((tile_w - 40) / 12))});
        name_lines = std::max(name_lines, static_cast<int>(tiles.back().name.size()));
        if (!f.definition->source.empty()) sources.insert(f.definition->source);
        published = published || f.published_comparison;
    }
    if (tiles.empty()) return {};
    const int rows = static_cast<int>((tiles.size() + columns - 1) / columns);
    const int tile_h = 44 + name_lines * 28 + 44 + 36 + 24 + 20 + 38 + 34 + 3 * line + 4;
    std::string source_text = "Source: ";
    for (const auto& s : sources) source_text += (source_text.size() > 8 ? "; " : "") + s;
    if (sources.empty()) source_text = "Source: see About the data on the board's website.";
    auto footer = wrap(source_text, 100);
    if (published) footer.push_back("* Compared with England by Fingertips: the download gave no confidence limits.");
    const int height = header_height + rows * tile_h + (rows - 1) * gap + 30 + static_cast<int>(footer.size()) * 26 +
                       20;
    const std::string title = "Health and wellbeing in " + place.name + ", compared with England";
    std::string desc;
    for (const auto& t : tiles) {
        const auto& f = *t.figure;
        desc += f.definition->name + ": " +
                (f.latest->value ? derive::format_value(*f.latest->value) + " " + f.definition->unit : "no data") +
                " (" + f.latest->time_period + "), " + f.compared + " compared with England" +
                (f.england && f.england->value ? " (England " + derive::format_value(*f.england->value) + ")" : "") +
                ". ";
    }
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) + "\" height=\"" +
                      std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                      std::to_string(height) + "\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"" + font +
                      "\" fill=\"#0b0c0c\">\n";
    out += "<title id=\"title\">" + escape_html(title) + "</title>\n<desc id=\"desc\">" + escape_html(desc) +
           "</desc>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    out += "<rect width=\"100%\" height=\"110\" fill=\"#005a70\"/>\n";
    out += "<text x=\"" + std::to_string(margin) +
           "\" y=\"52\" font-size=\"34\" font-weight=\"bold\" fill=\"#ffffff\">" +
           escape_html("Health and wellbeing in " + place.name) + "</text>\n";
    out += "<text x=\"" + std::to_string(margin) + "\" y=\"90\" font-size=\"22\" fill=\"#ffffff\">" +
           escape_html(place.board + ": latest values compared with England") + "</text>\n";
    for (size_t i = 0; i < tiles.size(); ++i) {
        const int col = static_cast<int>(i % columns), row = static_cast<int>(i / columns);
        out += tile_svg(tiles[i], margin + col * (tile_w + gap), header_height - 16 + row * (tile_h + gap), tile_w,
                        tile_h, name_lines);
    }
    out += text_lines(margin, height - 20 - static_cast<int>(footer.size() - 1) * 26, 18, "normal", footer, 26);
    return out + "</svg>\n";
}

}  // namespace hwbgen::render
