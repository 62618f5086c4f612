#include "updates/cycle_merge.hpp"

#include <algorithm>
#include <map>

#include "load/cycle_layout.hpp"
#include "render/yaml_text.hpp"
#include "updates/owners.hpp"

namespace hwbgen::updates {

namespace {

std::string one_line(std::string text, size_t most) {
    for (auto& c : text)
        if (c == '\n') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (text.size() <= most) return text;
    size_t cut = most - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    return text.substr(0, cut) + "...";
}

// The entry as new-cycle lays it out: the item's words and owner as comments under its id.
std::string entry(const model::Update& u, const model::Place& place, const std::vector<derive::Item>& items,
                  const std::string& indent) {
    std::vector<std::string> comments;
    for (const auto& item : items)
        if (item.id == u.item.id) {
            comments.push_back(std::string(item.is_project ? "Project: " : "") + one_line(item.text, 90));
            if (item.owner) comments.push_back("Owner: " + item.owner->name);
        }
    (void)place;
    return render::update_entry(u, comments, indent);
}

size_t rank_of(const std::vector<derive::Item>& items, const std::string& id) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return i;
    return items.size();
}

struct Edit {
    size_t begin, end;
    std::string text;
};

std::string apply(std::string text, std::vector<Edit> edits) {
    // From the end backwards, so earlier offsets stay true; at one offset a replacement goes
    // first, so an insertion there lands before what replaced it.
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        if (a.begin != b.begin) return a.begin > b.begin;
        return (a.end > a.begin) > (b.end > b.begin);
    });
    for (const auto& e : edits) text.replace(e.begin, e.end - e.begin, e.text);
    return text;
}

// Every update, kept and changed, written as a fresh block list in the strategy's order.
std::string whole_list(const std::vector<model::Update>& changed, const std::vector<model::Update>& kept,
                       const model::Place& place, const std::vector<derive::Item>& items) {
    std::vector<const model::Update*> all;
    all.reserve(changed.size() + kept.size());
    for (const auto& u : changed) all.push_back(&u);
    for (const auto& u : kept)
        if (std::none_of(changed.begin(), changed.end(), [&](const auto& c) { return c.item.id == u.item.id; }))
            all.push_back(&u);
    std::stable_sort(all.begin(), all.end(), [&](const auto* a, const auto* b) {
        return rank_of(items, a->item.id) < rank_of(items, b->item.id);
    });
    std::string out = "updates:\n";
    for (const auto* u : all) out += entry(*u, place, items, "  ");
    return out;
}

std::vector<Edit> splice(const load::CycleLayout& layout, const std::vector<model::Update>& changed,
                         const model::Place& place, const std::vector<derive::Item>& items) {
    std::map<std::string, const load::UpdateSpan*> spans;
    for (const auto& s : layout.entries) spans.emplace(s.item, &s);
    std::vector<Edit> edits;
    std::map<size_t, std::string> inserts;  // new entries by where they go, in strategy order
    for (const auto& u : changed) {
        const std::string text = entry(u, place, items, layout.indent);
        if (const auto it = spans.find(u.item.id); it != spans.end()) {
            edits.push_back({it->second->begin, it->second->end, text});
            continue;
        }
        // After the nearest item before it in the strategy that the file lists, else first.
        size_t at = layout.entries.front().begin;
        for (size_t r = rank_of(items, u.item.id); r-- > 0;)
            if (const auto before = spans.find(items[r].id); before != spans.end()) {
                at = before->second->end;
                break;
            }
        inserts[at] += text;
    }
    for (auto& [at, text] : inserts) edits.push_back({at, at, text});
    return edits;
}

}  // namespace

std::optional<std::string> merge_updates(const std::string& original, const std::vector<model::Update>& changed,
                                         const std::vector<model::Update>& kept, const model::Place& place,
                                         const std::vector<derive::Item>& items, std::string& error) {
    std::string text = original;
    if (changed.empty()) return text;
    if (!text.empty() && text.back() != '\n') text += '\n';
    const auto layout = load::cycle_layout(text, error);
    if (!layout) return std::nullopt;
    std::vector<model::Update> ordered = changed;
    std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) {
        return rank_of(items, a.item.id) < rank_of(items, b.item.id);
    });
    if (layout->block_list) return apply(text, splice(*layout, ordered, place, items));
    if (layout->has_updates)
        return apply(text, {{layout->updates_begin, layout->updates_end, whole_list(ordered, kept, place, items)}});
    return text + whole_list(ordered, kept, place, items);
}

}  // namespace hwbgen::updates
