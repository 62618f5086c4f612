#pragma once
/// What the cycles already say about each item: its last update before a cycle, and the
/// update a cycle's own file already holds.
#include <map>
#include <string>

#include "model/strategy.hpp"

namespace hwbgen::updates {

using UpdatesByItem = std::map<std::string, const model::Update*>;

/// Each item's update in the latest cycle before `cycle_id` that reported it.
UpdatesByItem updates_before(const model::Place& place, const std::string& cycle_id);

/// The updates cycle `cycle_id` itself holds; empty when it has no file yet.
UpdatesByItem updates_in(const model::Place& place, const std::string& cycle_id);

/// The cycle's updates that someone has changed since `new-cycle` carried them over: those
/// differing from the item's update before the cycle.
UpdatesByItem updated_in(const model::Place& place, const std::string& cycle_id);

/// The same progress, ignoring layout: text compared without surrounding white space.
bool same_update(const model::Update& a, const model::Update& b);

/// Text as a cell or a YAML block gives it, without white space around it.
std::string trimmed(const std::string& text);

/// Markdown with its soft line breaks (a paragraph wrapped in the YAML file) joined into one
/// line, so a cell shows flowing text; lists, tables, code, blank lines and hard breaks stay.
/// It renders the same as the original.
std::string unwrapped(const std::string& markdown);

}  // namespace hwbgen::updates
