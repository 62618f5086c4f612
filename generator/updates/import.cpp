#include "updates/import.hpp"

#include <algorithm>

#include "check/check.hpp"
#include "load/load.hpp"
#include "load/source_text.hpp"
#include "render/cycle_scaffold.hpp"
#include "updates/cycle_merge.hpp"
#include "updates/overlay_tree.hpp"

namespace hwbgen::updates {

std::optional<model::Place> checked_place(const load::ContentTree& tree, const std::string& id,
                                          diag::Diagnostics& diags) {
    diag::Diagnostics found;
    model::Place place = load::load_place(tree, id, found);
    if (!found.has_errors()) {
        const model::IndicatorSet indicators = load::load_indicators(tree, found);
        check::check_place(place, indicators, found);
    }
    // Only errors stop an import; warnings are for 'hwbgen check' to give, once.
    for (const auto& d : found.all())
        if (d.severity == diag::Severity::error) diags.add(d);
    if (found.has_errors()) return std::nullopt;
    return place;
}

namespace {

// The cycle file's text now, or what new-cycle would write when the cycle has no file yet.
std::optional<std::string> starting_text(const load::ContentTree& tree, const model::Place& place, ImportPlan& plan,
                                         const std::string& cycle, diag::Diagnostics& diags) {
    if (auto bytes = tree.read(plan.path)) {
        plan.original = *bytes;
        return load::prepare_text(plan.path, std::move(*bytes), diags);
    }
    plan.created = true;
    if (!place.cycles.empty() && place.cycles.back().id > cycle) {
        diags.error(place.cycles.back().pos,
                    "the cycle " + cycle + " has no file and would come before the latest cycle " +
                        place.cycles.back().id,
                    "import into the cycle the workbooks were exported for");
        return std::nullopt;
    }
    return render::cycle_scaffold(place, cycle) + render::board_paper_scaffold(place, cycle);
}

const model::Cycle* find_cycle(const model::Place& place, const std::string& id) {
    for (const auto& c : place.cycles)
        if (c.id == id) return &c;
    return nullptr;
}

std::string change_words(const model::Update& now, const model::Update* before) {
    if (!before) return "first report (" + std::string(model::rag_label(now.rag)) + ")";
    if (now.rag == before->rag) return "";
    if (now.rag == model::Rag::complete) return "completed";
    return std::string(model::rag_label(before->rag)) + " -> " + model::rag_label(now.rag);
}

std::string summary(const ImportContext& ctx, const ImportResult& result) {
    std::string out;
    for (const auto& f : result.files) {
        std::vector<std::string> missing;
        size_t owned = 0;
        if (!f.owner.empty()) {
            for (const auto& item : *ctx.items)
                if (owner_id(*ctx.place, item, f.by) == f.owner) {
                    ++owned;
                    if (std::find(f.returned.begin(), f.returned.end(), item.id) == f.returned.end())
                        missing.push_back(item.id);
                }
        }
        out += f.file + ": " + (f.owner.empty() ? "" : owner_name(*ctx.place, f.owner) + ": ");
        out += std::to_string(f.returned.size()) + (owned ? " of " + std::to_string(owned) : "") + " came back";
        if (!f.owner.empty()) out += ", " + std::to_string(missing.size()) + " missing";
        for (size_t i = 0; i < missing.size(); ++i) out += (i ? ", " : ": ") + missing[i];
        out += "\n";
        std::string changes;
        for (const auto& id : f.returned) {
            const auto& u = result.updates.at(id).update;
            const auto b = ctx.before.find(id);
            const std::string words = change_words(u, b == ctx.before.end() ? nullptr : b->second);
            if (!words.empty()) changes += "    " + id + ": " + words + "\n";
        }
        out += changes.empty() ? "  no rating changed since the last cycle\n"
                               : "  changed since the last cycle:\n" + changes;
    }
    return out;
}

// Loads the merged file back and checks it gives exactly the updates intended: the changed
// ones as they came in, every other one as it was.
bool verify(const load::ContentTree& tree, const ImportPlan& plan, const std::string& place_id,
            const std::vector<model::Update>& intended, const std::string& cycle, diag::Diagnostics& diags) {
    const OverlayTree after(tree, plan.path, plan.merged);
    diag::Diagnostics found;
    const auto place = checked_place(after, place_id, found);
    if (!place) {
        diags.append(found);
        return false;
    }
    const auto now = updates_in(*place, cycle);
    if (now.size() != intended.size()) {
        diags.error({plan.path, 0, 0},
                    "the merged cycle would hold " + std::to_string(now.size()) + " updates, not " +
                        std::to_string(intended.size()),
                    "this is a fault in hwbgen: please report it with the workbooks");
        return false;
    }
    for (const auto& u : intended) {
        const auto it = now.find(u.item.id);
        if (it == now.end() || !same_update(*it->second, u)) {
            diags.error({plan.path, 0, 0}, "the merged update of '" + u.item.id + "' would not read back as intended",
                        "this is a fault in hwbgen: please report it with the workbook");
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<ImportPlan> plan_import(const load::ContentTree& tree, const std::string& place_id,
                                      const std::string& cycle, const std::vector<std::string>& files,
                                      diag::Diagnostics& diags) {
    ImportPlan plan;
    plan.path = "content/" + place_id + "/cycles/" + cycle + ".yaml";
    const auto before_place = checked_place(tree, place_id, diags);
    if (!before_place) return std::nullopt;
    const auto text = starting_text(tree, *before_place, plan, cycle, diags);
    if (!text) return std::nullopt;
    // The place with the cycle's text as the import starts from it (the scaffold, if new).
    const OverlayTree start(tree, plan.path, *text);
    const auto place = checked_place(start, place_id, diags);
    if (!place) return std::nullopt;
    const auto items = derive::strategy_items(*place);
    const ImportContext ctx{&*place, &items, cycle, updates_in(*place, cycle), updates_before(*place, cycle)};
    ImportResult result;
    for (const auto& file : files)
        if (const auto sheet = read_sheet(file, "ID", diags)) read_returned(ctx, *sheet, result, diags);
    if (diags.has_errors()) return std::nullopt;

    std::vector<model::Update> changed;
    for (const auto& item : items)
        if (const auto it = result.updates.find(item.id); it != result.updates.end()) {
            const auto now = ctx.current.find(item.id);
            if (now == ctx.current.end() || !same_update(*now->second, it->second.update)) {
                changed.push_back(it->second.update);
                plan.changed.push_back(item.id);
            }
        }
    const model::Cycle* cycle_now = find_cycle(*place, cycle);
    std::string error;
    const auto merged = merge_updates(*text, changed, cycle_now ? cycle_now->updates : std::vector<model::Update>{},
                                      *place, items, error);
    if (!merged) {
        diags.error({plan.path, 0, 0}, "cannot lay out the cycle file: " + error,
                    "run 'hwbgen check' and fix the file first");
        return std::nullopt;
    }
    plan.merged = plan.changed.empty() && !plan.created ? plan.original : *merged;
    std::vector<model::Update> intended = changed;
    for (const auto& [id, u] : ctx.current)
        if (std::find(plan.changed.begin(), plan.changed.end(), id) == plan.changed.end()) intended.push_back(*u);
    if (!verify(tree, plan, place_id, intended, cycle, diags)) return std::nullopt;
    plan.summary = summary(ctx, result);
    return plan;
}

}  // namespace hwbgen::updates
