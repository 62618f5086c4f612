// The Easy Read rules that come from the guidance's word lists and marks, with the word lists
// shipped in templates/easy-read/: each rule fires on a bad point and is silent on a good one.
#include <catch2/catch.hpp>

#include "check/easy_read.hpp"
#include "load/easy_read.hpp"
#include "support.hpp"

using namespace hwbgen;

namespace {

const model::EasyReadResources& shipped() {
    static const model::EasyReadResources resources = [] {
        const load::DiskTree tree(HWBGEN_SOURCE_DIR);
        diag::Diagnostics diags;
        auto r = load::load_easy_read_resources(tree, diags);
        REQUIRE(diags.all().empty());
        return r;
    }();
    return resources;
}

model::Place place_saying(const std::vector<std::string>& texts) {
    model::Place place;
    place.id = "testshire";
    place.glossary = {{"JSNA", {}, "Joint Strategic Needs Assessment", "", true},
                      {"HWB", {}, "Health and Wellbeing Board", "The group of leaders who plan health.", true},
                      {"ICB", {}, "Integrated Care Board", "The NHS group that plans care here.", true}};
    int line = 10;
    for (const auto& t : texts) place.easy_read.intro.push_back({t, {"place.yaml", line++, 13}, false, "", {}, ""});
    return place;
}

std::string problems(const model::Place& place) {
    const load::MemoryTree tree;
    diag::Diagnostics diags;
    check::check_easy_read(place, shipped(), tree, diags);
    return test::summary(diags);
}

std::string problems(const std::string& text) { return problems(place_saying({text})); }

}  // namespace

TEST_CASE("the shipped word lists load and are not empty", "[check][easy-read]") {
    CHECK(shipped().words.jargon.size() > 100);
    CHECK(shipped().words.idioms.size() > 30);
    CHECK(shipped().words.abbreviations.size() > 40);
}

TEST_CASE("good points pass every rule with the shipped lists", "[check][easy-read]") {
    for (const char* good :
         {"We will help you stay well at home.", "About 2,500 people use the service.",
          "The plan runs from 2022 to 2032.", "It costs about 2.5 million pounds.", "We will see you on 12 March 2024.",
          "Call us on 0116 454 1000.", "Email us at health@leics.gov.uk.",
          "Visit www.leicestershire.gov.uk/health to find out more.", "We are not able to help with that.",
          "Do not smoke near babies.", "The Integrated Care Board plans care.", "We want everyone to live well.",
          "Go to your doctor if you feel ill.", "A vaccine stops you getting ill.",
          "You can read [our plan](https://example.org/plan).", "Doctors and nurses will help you."})
        CHECK(problems(good) == "");
}

TEST_CASE("jargon: a hard word with the plain word to use, in any of its forms", "[check][easy-read]") {
    CHECK(problems("We are commissioning new services.") ==
          "place.yaml:10:20: error: hard word 'commissioning' [easy-read:jargon] "
          "[write 'buying services' instead, or explain the word in the glossary (easy_read:)]\n");
    CHECK(problems("Services are Integrated.").find("hard word 'Integrated'") != std::string::npos);
    CHECK(problems("We will look at care pathways.").find("hard word 'pathways'") != std::string::npos);
    CHECK(problems("We will talk to stakeholders.").find("[write 'people and groups who are involved'") !=
          std::string::npos);
    CHECK(problems("Safeguarding keeps you safe.").find("hard word 'Safeguarding'") != std::string::npos);
    CHECK(problems("We will reduce health inequalities.").find("hard word 'health inequalities'") != std::string::npos);
}

TEST_CASE("jargon: a word in bold is explained, and so are its later uses", "[check][easy-read]") {
    CHECK(problems(place_saying({"You may need **safeguarding**.", "Safeguarding means keeping you safe."})) == "");
}

TEST_CASE("jargon: a place adds its own words and accepts others", "[check][easy-read]") {
    auto place = place_saying({"Your locality team and your pathway."});
    place.easy_read_words.accepted = {"pathway", "Locality"};
    place.easy_read_words.jargon = {{"team", "the people who help you", {}}};
    CHECK(problems(place) ==
          "place.yaml:10:27: error: hard word 'team' [easy-read:jargon] "
          "[write 'the people who help you' instead, or explain the word in the glossary (easy_read:)]\n");
}

TEST_CASE("idiom: figures of speech, hyphenated or not", "[check][easy-read]") {
    CHECK(problems("We want joined-up care.") ==
          "place.yaml:10:21: error: figure of speech 'joined-up' [easy-read:idiom] [say what you mean: 'working "
          "together']\n");
    CHECK(problems("We want joined up care.").find("figure of speech 'joined up'") != std::string::npos);
    CHECK(problems("We look at the bigger picture.").find("figure of speech 'the bigger picture'") !=
          std::string::npos);
    CHECK(problems("Help is there 24/7.") ==
          "place.yaml:10:27: error: figure of speech '24/7' [easy-read:idiom] [say what you mean: 'every day and every "
          "night']\n");
}

TEST_CASE("latin-abbreviation: etc., e.g. and i.e.", "[check][easy-read]") {
    CHECK(problems("Eat fruit, vegetables etc.") ==
          "place.yaml:10:35: error: 'etc.' is hard to read [easy-read:latin-abbreviation] "
          "[name each thing, or say 'and other things']\n");
    CHECK(problems("Eat fruit e.g. apples.")
              .find("'e.g.' is hard to read [easy-read:latin-abbreviation] [write 'for example']") !=
          std::string::npos);
    CHECK(problems("Eat fruit, i.e. apples.").find("'i.e.' is hard to read") != std::string::npos);
    CHECK(problems("Eat fruit eg apples.").find("'eg' is hard to read") != std::string::npos);
    CHECK(problems("Eat fruit e.g. Apples.").find("one-idea") == std::string::npos);
}

TEST_CASE("brackets: words in brackets", "[check][easy-read]") {
    CHECK(problems("See your doctor (your GP) soon.")
              .find("place.yaml:10:29: error: words in brackets '(your GP)' [easy-read:brackets] "
                    "[say it in its own point, or leave it out]\n") != std::string::npos);
    CHECK(problems("See your doctor soon.") == "");
}

TEST_CASE("symbol: & / + = and others, not in addresses, dates or A&E", "[check][easy-read]") {
    CHECK(problems("Health & care.") == "place.yaml:10:20: error: symbol '&' [easy-read:symbol] [write 'and']\n");
    CHECK(problems("Call or text us.") == "");
    CHECK(problems("Call and/or text us.").find("symbol '/'") != std::string::npos);
    CHECK(problems("Adults aged 18+ can come.").find("symbol '+'") != std::string::npos);
    CHECK(problems("Rest = health.").find("symbol '='") != std::string::npos);
    CHECK(problems("Go to A&E if it is bad.") ==
          "place.yaml:10:19: error: abbreviation 'A&E' [easy-read:abbreviation] [write it out in full]\n");
}

TEST_CASE("double-negative: 'not unusual' and 'don't know nothing'", "[check][easy-read]") {
    CHECK(problems("It is not unusual to feel sad.") ==
          "place.yaml:10:19: error: double negative 'not unusual' [easy-read:double-negative] "
          "[say it the positive way: 'usual' instead of 'not unusual']\n");
    CHECK(problems("It is not very uncommon.").find("double negative 'not very uncommon'") != std::string::npos);
    CHECK(problems("We don't know nothing.").find("double negative 'don't know nothing'") != std::string::npos);
    CHECK(problems("We will not leave you without help.") == "");
}

TEST_CASE("big-number: a long exact figure is rounded; years and phone numbers are not", "[check][easy-read]") {
    CHECK(problems("We helped 2,547 people.") ==
          "place.yaml:10:23: warning: exact big number '2,547' [easy-read:big-number] "
          "[round it and say it simply: 'about 2,500']\n");
    CHECK(problems("We helped 12345 people.").find("'about 12,000'") != std::string::npos);
    CHECK(problems("It cost 1,234,567 pounds.").find("'about 1.2 million'") != std::string::npos);
    CHECK(problems("We helped 2,500 people in 2023.") == "");
    CHECK(problems("Call 0300 123 4567.") == "");
}

TEST_CASE("date-figures: dates in figures are said with the month as a word", "[check][easy-read]") {
    CHECK(problems("Come on 12/03/2024.") ==
          "place.yaml:10:21: error: date written in figures '12/03/2024' [easy-read:date-figures] "
          "[write '12 March 2024', with the month as a word]\n");
    CHECK(problems("Come on 12.03.24.").find("[write '12 March 2024'") != std::string::npos);
    CHECK(problems("Come on 2024-03-12.").find("[write '12 March 2024'") != std::string::npos);
    CHECK(problems("Come on 03/25/2024.").find("[write '25 March 2024'") != std::string::npos);
    CHECK(problems("It starts in 04/2025.").find("[write 'April 2025'") != std::string::npos);
    CHECK(problems("Come on 12/03/2024.").find("fraction") == std::string::npos);
    CHECK(problems("It costs 2.5 pounds.") == "");
}

TEST_CASE("capitals: shouted words are text in capitals, abbreviations stay abbreviations", "[check][easy-read]") {
    CHECK(problems("PLEASE CALL US today.") ==
          "place.yaml:10:13: error: text in capitals 'PLEASE CALL US' [easy-read:capitals] "
          "[write 'Please call us'; use bold to make a word stand out]\n");
    CHECK(problems("It is FREE to come.").find("word in capitals 'FREE'") != std::string::npos);
    CHECK(problems("The HWB meets.") ==
          "place.yaml:10:17: error: abbreviation 'HWB' [easy-read:abbreviation] [write 'Health and Wellbeing Board' "
          "instead]\n");
    CHECK(problems("Ask the JSNA team.").find("abbreviation 'JSNA'") != std::string::npos);
}

TEST_CASE("every rule can be turned off", "[check][easy-read]") {
    auto place = place_saying({"PLEASE see (your GP) & get joined-up care etc. on 12/03/2024, not unusual 2,547."});
    for (const auto& rule : check::easy_read_rule_names()) place.easy_read_rules.emplace_back(rule, "off");
    CHECK(problems(place) == "");
}
