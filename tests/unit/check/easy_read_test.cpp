#include <catch2/catch.hpp>

#include "check/easy_read.hpp"
#include "load/easy_read.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

model::Place place_with(const std::string& text, bool quoted = false) {
    model::Place place;
    place.id = "testshire";
    place.glossary = {{"JSNA", {}, "Joint Strategic Needs Assessment", "", true},
                      {"HWB", {}, "Health and Wellbeing Board", "The group of leaders who plan health.", true}};
    place.easy_read.intro.push_back({text, {"place.yaml", 10, 13}, quoted, "heart", {"place.yaml", 11, 16}, "A heart"});
    return place;
}

std::string problems(const model::Place& place) {
    load::MemoryTree tree;
    tree.add("templates/assets/pictures/heart.svg", "<svg/>");
    diag::Diagnostics diags;
    const auto resources = load::load_easy_read_resources(tree, diags);
    check::check_easy_read(place, resources, tree, diags);
    return test::summary(diags);
}

}  // namespace

TEST_CASE("a good Easy Read point passes every rule", "[check][easy-read]") {
    CHECK(problems(place_with("We will help 8 out of 10 children walk.")).empty());
}

TEST_CASE("sentence-length: a warning above 10 words and an error above 15", "[check][easy-read]") {
    CHECK(problems(place_with("We will help children and families to walk and play in the park.")) ==
          "place.yaml:10:13: warning: sentence has 13 words; aim for 10 or fewer [easy-read:sentence-length] "
          "[use fewer, shorter words, or split it]\n");
    CHECK(problems(place_with("We will help children and their families and their friends to walk and play in "
                              "the big green park.")) ==
          "place.yaml:10:13: error: sentence has 19 words, more than 15 [easy-read:sentence-length] "
          "[split it into two points, one idea each]\n");
}

TEST_CASE("one-idea: two sentences in one point", "[check][easy-read]") {
    CHECK(problems(place_with("We will help you. Call us.")) ==
          "place.yaml:10:29: error: more than one sentence in a point [easy-read:one-idea] "
          "[give each sentence its own point and picture]\n");
}

TEST_CASE("abbreviation: the glossary's meaning is suggested", "[check][easy-read]") {
    CHECK(problems(place_with("The HWB meets 4 times a year.")) ==
          "place.yaml:10:17: error: abbreviation 'HWB' [easy-read:abbreviation] "
          "[write 'Health and Wellbeing Board' instead]\n");
}

TEST_CASE("hard-word: a glossary word with no Easy Read meaning", "[check][easy-read]") {
    CHECK(problems(place_with("We will write a new jsna soon.")) ==
          "place.yaml:10:13: error: hard word 'JSNA' has no Easy Read meaning [easy-read:hard-word] "
          "[add 'easy_read:' to its entry in the glossary, or use a simpler word]\n");
}

TEST_CASE("percentage: the share is given back as 'N out of 10'", "[check][easy-read]") {
    CHECK(problems(place_with("About 80% of children are healthy.", true)) ==
          "place.yaml:10:20: error: percentage '80%' [easy-read:percentage] [write '8 out of 10' instead]\n");
    CHECK(problems(place_with("About a quarter of adults smoke.")).find("[write '1 out of 4' instead]") !=
          std::string::npos);
    CHECK(problems(place_with("Only 3% of people wait.")).find("[write '3 out of 100' instead]") != std::string::npos);
}

TEST_CASE("number-words: numbers are written as digits", "[check][easy-read]") {
    CHECK(problems(place_with("We meet three times.")) ==
          "place.yaml:10:21: error: number written as a word 'three' [easy-read:number-words] [write '3' instead]\n");
}

TEST_CASE("passive-voice: a warning that says who should act", "[check][easy-read]") {
    CHECK(problems(place_with("Children are helped at school.")) ==
          "place.yaml:10:22: warning: passive voice 'are helped' [easy-read:passive-voice] "
          "[say who does it: 'We will help you', not 'You will be helped']\n");
}

TEST_CASE("picture: a missing picture gets a suggestion", "[check][easy-read]") {
    auto place = place_with("We will help you.");
    place.easy_read.intro[0].picture = "hart";
    CHECK(problems(place) ==
          "place.yaml:11:16: error: no picture called 'hart' [easy-read:picture] [did you mean 'heart'?]\n");
}

TEST_CASE("document-length: more than 24 printed pages", "[check][easy-read]") {
    auto place = place_with("We will help you.");
    place.pos = {"place.yaml", 1, 1};
    place.easy_read.intro.resize(150, place.easy_read.intro[0]);
    CHECK(problems(place) ==
          "place.yaml:1:1: error: the Easy Read version would print on about 27 pages, more than 24 "
          "[easy-read:document-length] [keep the points people need most, or make a separate document for each "
          "section]\n");
}

TEST_CASE("a place can turn a rule into a warning or off", "[check][easy-read]") {
    auto place = place_with("The HWB meets three times.");
    place.easy_read_rules = {{"abbreviation", "warning"}, {"number-words", "off"}};
    CHECK(problems(place) ==
          "place.yaml:10:17: warning: abbreviation 'HWB' [easy-read:abbreviation] "
          "[write 'Health and Wellbeing Board' instead]\n");
}

TEST_CASE("out_of says shares the Easy Read way", "[check][easy-read]") {
    CHECK(check::out_of(80, 100) == "8 out of 10");
    CHECK(check::out_of(1, 4) == "1 out of 4");
    CHECK(check::out_of(3, 100) == "3 out of 100");
    CHECK(check::out_of(1, 2) == "1 out of 2");
    CHECK(check::out_of(50, 100) == "5 out of 10");
}
