// The program serves any place: nothing under generator/ or templates/ may name one of the
// example places, its area code, one of its section ids, or the system they make up. The words
// are read from content/ when the test runs, so a new place is covered with no change here.
#include <catch2/catch.hpp>

#include <cctype>
#include <map>
#include <set>

#include "e2e_support.hpp"
#include "load/load.hpp"
#include "load/system.hpp"

using namespace hwbgen;
using namespace hwbgen::test;

namespace {

struct Word {
    std::string text;
    bool ignore_case = false;
    std::string why;  ///< where the word comes from
};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

bool same(char a, char b, bool ignore_case) {
    return ignore_case ? std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b))
                       : a == b;
}

// Every whole-word occurrence of `word` in `text`, as 1-based line numbers.
std::vector<int> lines_naming(const std::string& text, const Word& word) {
    std::vector<int> lines;
    const auto& w = word.text;
    int line = 1;
    for (size_t i = 0; i + w.size() <= text.size(); ++i) {
        if (text[i] == '\n') ++line;
        if (i > 0 && is_word_char(text[i - 1])) continue;
        if (i + w.size() < text.size() && is_word_char(text[i + w.size()])) continue;
        bool match = true;
        for (size_t k = 0; k < w.size() && match; ++k) match = same(text[i + k], w[k], word.ignore_case);
        if (match) lines.push_back(line);
    }
    return lines;
}

// The words that would tie the program to the example content.
std::vector<Word> words_of_the_examples(std::vector<std::string>& skipped) {
    const load::DiskTree tree(source_dir.string());
    std::set<std::string> builtin_kinds;  // the program's own vocabulary, documented in content/README.md
    for (const auto& k : model::default_section_kinds()) builtin_kinds.insert(k.id);
    std::vector<Word> words;
    diag::Diagnostics diags;  // a place with mistakes still gives its name and ids
    for (const auto& id : load::find_places(tree)) {
        const auto place = load::load_place(tree, id, diags);
        words.push_back({id, false, "the folder of content/" + id});
        if (!place.name.empty()) words.push_back({place.name, true, "the name in content/" + id + "/place.yaml"});
        if (!place.area_code.empty())
            words.push_back({place.area_code, false, "the area code in content/" + id + "/place.yaml"});
        for (const auto& s : place.sections) {
            // Short or one-word ids ("theme", "housing") are ordinary words the program may use;
            // ids equal to a built-in section kind ("cross-cutting") are the program's own word.
            if (s.id.size() < 6 || s.id.find('-') == std::string::npos || builtin_kinds.count(s.id)) {
                skipped.push_back(s.id + " (section of " + id + ")");
                continue;
            }
            words.push_back({s.id, false, "a section id of content/" + id});
        }
    }
    const auto system = load::load_system(tree, diags);
    if (!system.pos.file.empty()) {
        words.push_back({system.name, true, "the name in content/system.yaml"});
        if (!system.short_name.empty())
            words.push_back({system.short_name, false, "the short name in content/system.yaml"});
    }
    return words;
}

}  // namespace

TEST_CASE("generator/ and templates/ name no place, area code, section or system of the examples", "[e2e][content]") {
    std::vector<std::string> skipped;
    const auto words = words_of_the_examples(skipped);
    REQUIRE(words.size() >= 4);
    std::string not_searched;
    for (const auto& s : skipped) not_searched += " " + s;
    INFO("not searched for, as ordinary or built-in words:" << not_searched);
    std::string hits;
    std::map<std::string, size_t> searched;
    for (const char* folder : {"generator", "templates"})
        for (fs::recursive_directory_iterator it(source_dir / folder), end; it != end; ++it) {
            if (!fs::is_regular_file(it->path())) continue;
            ++searched[folder];
            const std::string text = read_file(it->path());
            const std::string rel = fs::relative(it->path(), source_dir).generic_string();
            for (const auto& w : words)
                for (const int line : lines_naming(text, w))
                    hits += rel + ":" + std::to_string(line) + ": '" + w.text + "' (" + w.why + ")\n";
        }
    // A renamed folder must not pass by searching nothing: generator/ alone has over 100 files.
    CHECK(searched["generator"] >= 100);
    CHECK(searched["templates"] >= 30);
    INFO("the program must not name the example content; found:\n" << hits);
    CHECK(hits.empty());
}
