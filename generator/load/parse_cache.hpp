#pragma once
/// A cache of content files already read into the model, keyed by the files' bytes, so a
/// rebuild (`hwbgen serve` after an edit) parses only the files that changed.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace hwbgen::load {

/// A 128-bit hash of `bytes` as 32 hex digits: two independent 64-bit hashes, so a changed
/// file is never taken for the one it replaced.
std::string content_hash(std::string_view bytes);

/// Holds, per content file, the hash of the bytes it was read from, what they were read into
/// (place.yaml's fields, a section, a page or a cycle) and the diagnostics reading them gave,
/// which are reported again on every hit, so a cached load reports exactly what a fresh one
/// does. Safe to use from several threads. One entry per path: an edited file replaces its
/// entry.
class ParseCache {
public:
    ParseCache();
    ~ParseCache();
    ParseCache(const ParseCache&) = delete;
    ParseCache& operator=(const ParseCache&) = delete;

    /// Files read from the cache since it was made, and files parsed.
    size_t hits() const;
    size_t misses() const;
    /// Drops the entries of files under `prefix` (e.g. a deleted place's folder).
    void forget(const std::string& prefix);

    struct Impl;  ///< defined in parse_cache.cpp; used by the loaders
    Impl& impl() { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace hwbgen::load
