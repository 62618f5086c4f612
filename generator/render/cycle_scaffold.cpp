#include "render/cycle_scaffold.hpp"

#include <map>

#include "derive/progress.hpp"
#include "render/yaml_text.hpp"

namespace hwbgen::render {

namespace {

std::string one_line(std::string text, size_t most) {
    for (auto& c : text)
        if (c == '\n') c = ' ';
    return text.size() <= most ? text : text.substr(0, most - 3) + "...";
}

struct LastUpdate {
    const model::Update* update;
    bool example;  ///< made up, by itself or as part of an example cycle
};

// The update each item last had, from the latest cycle that reported it.
std::map<std::string, LastUpdate> last_updates(const model::Place& place) {
    std::map<std::string, LastUpdate> out;
    for (const auto& cycle : place.cycles)
        for (const auto& u : cycle.updates) out[u.item.id] = {&u, u.example || cycle.example};
    return out;
}

const char* const header = R"(# Progress updates for one board meeting. Made by `hwbgen new-cycle`: every commitment and
# project of the strategy is listed with the rating and update it last had, as a starting point.
# Change what has moved on, delete items this meeting does not hear about, then run
# `hwbgen check` and `hwbgen build`. The fields (see content/README.md, "cycles"):
#   rag:         red, amber, green, complete or not-started: the rating for this period
#   update:      what happened in the period (Markdown)
#   next_steps:  what happens next (Markdown)
#   kpis:        key performance indicators: '- {name: ..., current: ..., target: ...}'
#   plus_groups: actions for PLUS groups, by their id in place.yaml (smi: ..., ld: ...)
#   risks:       risks and mitigations (Markdown)
#   escalation:  a point the board is asked to act on (Markdown)
#   example:     true when the update is made up (pages then say so)
)";

}  // namespace

std::string cycle_scaffold(const model::Place& place, const std::string& cycle_id) {
    const std::string meeting = place.cycles.empty() ? place.board : place.cycles.back().meeting;
    std::string out = header;
    out += "meeting: " + yaml_quoted(meeting) + "\n";
    out += "date: " + cycle_id + "-01                   # the meeting's date: correct the day\n";
    out += "period: \"\"                         # the period the updates cover, e.g. June to November\n";
    out += "annual: false                      # true for the annual report, with the indicator deep dive\n";
    out += "example: false                     # true if the updates below are made up\n";
    out += "updates:\n";
    const auto last = last_updates(place);
    const auto items = derive::strategy_items(place);
    const model::Priority* priority = nullptr;
    for (const auto& item : items) {
        if (item.priority != priority) {
            priority = item.priority;
            out += "\n  # " + item.section->title + ": " + priority->title + "\n";
        }
        const auto it = last.find(item.id);
        const model::Update* previous = it == last.end() ? nullptr : it->second.update;
        out += "  - item: " + item.id + "\n";
        out += "    # " + std::string(item.is_project ? "Project: " : "") + one_line(item.text, 90) + "\n";
        if (item.owner) out += "    # Owner: " + item.owner->name + "\n";
        out += std::string("    rag: ") + model::rag_id(previous ? previous->rag : model::Rag::not_started) +
               (previous ? "    # last time: " + std::string(model::rag_label(previous->rag)) : "") + "\n";
        out += yaml_block("update", previous ? previous->update : std::string{}, "    ");
        out += yaml_block("next_steps", previous ? previous->next_steps : std::string{}, "    ");
        // Made-up text carried forward stays marked, so it is never published as real.
        if (previous && it->second.example)
            out += "    example: true                  # carried over from made-up text\n";
    }
    return out;
}

}  // namespace hwbgen::render
