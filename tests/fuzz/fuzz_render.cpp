// libFuzzer target: any bytes as content Markdown and as a place's own template.
#include <boost/filesystem.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "render/abbreviations.hpp"
#include "render/markdown.hpp"
#include "render/site.hpp"

namespace fs = boost::filesystem;

namespace {

// The real default theme, read once from the source tree.
const hwbgen::load::MemoryTree& theme() {
    static const hwbgen::load::MemoryTree tree = [] {
        hwbgen::load::MemoryTree t;
        const fs::path root(HWBGEN_SOURCE_DIR);
        for (fs::recursive_directory_iterator it(root / "templates"), end; it != end; ++it) {
            if (!fs::is_regular_file(it->path())) continue;
            std::ifstream in(it->path().string(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            t.add(fs::relative(it->path(), root).generic_string(), bytes.str());
        }
        return t;
    }();
    return tree;
}

hwbgen::model::Place place_with(const std::string& text) {
    hwbgen::model::Place place;
    place.id = "p";
    place.name = text;
    place.vision = text;
    place.glossary = {{"HWB", {}, text, text, true}};
    hwbgen::model::Section s;
    s.id = "s";
    s.title = text;
    s.intro = text;
    hwbgen::model::Priority p;
    p.id = "p1";
    p.title = text;
    p.narrative = text;
    p.success = {{text, {text}}};
    p.commitments = {{"c1", {}, text, hwbgen::model::Tier::do_, std::nullopt, text}};
    s.priorities.push_back(p);
    s.easy_read = {{text, {}, false, "heart", {}, text}};
    place.sections.push_back(s);
    return place;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::string html = hwbgen::render::markdown_to_html(input);
    hwbgen::render::mark_abbreviations(html, {{"HWB", input}, {input, input}});
    hwbgen::render::markdown_inline_to_html(input);
    hwbgen::load::MemoryTree tree = theme();
    tree.add("content/p/templates/html/priority.mustache", input);
    hwbgen::diag::Diagnostics diags;
    hwbgen::render::render_place(tree, place_with(input), {}, {}, diags);
    return 0;
}
