#include "load/parse_cache.hpp"

#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>

#include "load/detail/cached_read.hpp"

namespace hwbgen::load {

std::string content_hash(std::string_view bytes) {
    // FNV-1a over 8-byte words (then the tail bytes), and the standard library's MurmurHash
    // over the bytes with the length: two unrelated 64-bit hashes.
    std::uint64_t fnv = 14695981039346656037ull;
    size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + at, 8);
        fnv = (fnv ^ word) * 1099511628211ull;
        fnv ^= fnv >> 29;
    }
    for (; at < bytes.size(); ++at) fnv = (fnv ^ static_cast<unsigned char>(bytes[at])) * 1099511628211ull;
    const std::uint64_t murmur = std::hash<std::string_view>{}(bytes) ^ (bytes.size() * 0x9E3779B97F4A7C15ull);
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(fnv),
                  static_cast<unsigned long long>(murmur));
    return hex;
}

struct ParseCache::Impl {
    struct Entry {
        std::string hash;
        detail::FileModel model;
        diag::Diagnostics diags;
    };
    std::mutex mutex;
    std::map<std::string, Entry> entries;
    size_t hits = 0, misses = 0;
};

ParseCache::ParseCache() : impl_(std::make_unique<Impl>()) {}
ParseCache::~ParseCache() = default;

size_t ParseCache::hits() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->hits;
}

size_t ParseCache::misses() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->misses;
}

void ParseCache::forget(const std::string& prefix) {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    auto& entries = impl_->entries;
    for (auto it = entries.lower_bound(prefix);
         it != entries.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
        it = entries.erase(it);
}

namespace detail {

namespace {

// The tree as it was when the file's bytes were hashed, so the parse sees exactly those bytes
// even if an editor saves again meanwhile.
class PinnedFile : public ContentTree {
public:
    PinnedFile(const ContentTree& tree, const std::string& path, const std::string& bytes)
        : tree_(tree), path_(path), bytes_(bytes) {}
    std::vector<std::string> files(const std::string& dir) const override { return tree_.files(dir); }
    std::vector<std::string> folders(const std::string& dir) const override { return tree_.folders(dir); }
    std::optional<std::string> read(const std::string& path) const override {
        return path == path_ ? std::optional<std::string>(bytes_) : tree_.read(path);
    }

private:
    const ContentTree& tree_;
    const std::string& path_;
    const std::string& bytes_;
};

std::optional<FileModel> read_uncached(const ContentTree& tree, const std::string& path, diag::Diagnostics& diags,
                                       const FileReader& read) {
    const auto file = read_yaml(tree, path, diags);
    if (!file) return std::nullopt;
    return read(YamlMap(file->context, file->root));
}

}  // namespace

std::optional<FileModel> read_cached(ParseCache* cache, const ContentTree& tree, const std::string& path,
                                     diag::Diagnostics& diags, const FileReader& read) {
    if (!cache) return read_uncached(tree, path, diags, read);
    const auto bytes = tree.read(path);
    if (!bytes) return read_uncached(tree, path, diags, read);  // reports it as a fresh read would
    const std::string hash = content_hash(*bytes);
    auto& impl = cache->impl();
    {
        std::lock_guard<std::mutex> lock(impl.mutex);
        const auto it = impl.entries.find(path);
        if (it != impl.entries.end() && it->second.hash == hash) {
            ++impl.hits;
            diags.append(it->second.diags);
            return it->second.model;
        }
    }
    diag::Diagnostics own;
    auto model = read_uncached(PinnedFile(tree, path, *bytes), path, own, read);
    diags.append(own);
    std::lock_guard<std::mutex> lock(impl.mutex);
    ++impl.misses;
    if (model)
        impl.entries[path] = {hash, *model, std::move(own)};
    else
        impl.entries.erase(path);  // unparsable files are parsed again, to report them again
    return model;
}

}  // namespace detail

}  // namespace hwbgen::load
