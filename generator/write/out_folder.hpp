#pragma once
/// The output folder hwbgen writes a site into, and the rules that keep it from touching anything
/// it did not make.
///
/// hwbgen owns a folder only when the folder carries its marker, `.hwbgen-site`, which also lists
/// the top-level entries (place folders, index.html, assets/ ...) hwbgen made there. It writes
/// into a folder that is missing or empty (and then marks it), or one with its marker; it replaces
/// only the entries listed in the marker. One build at a time holds the folder's lock,
/// `.hwbgen-lock`. A build's scratch files and staged site live in one private folder,
/// `.hwbgen-work-XXXXXX`, inside the output folder; the next build clears what a killed one left.
#include <chrono>
#include <iosfwd>
#include <optional>
#include <set>
#include <string>

namespace hwbgen::write {

using Deadline = std::chrono::steady_clock::time_point;

inline constexpr const char* marker_name = ".hwbgen-site";
inline constexpr const char* lock_name = ".hwbgen-lock";
inline constexpr const char* work_prefix = ".hwbgen-work-";

/// Why hwbgen will not write into a folder: one message and one hint, for exit code 2.
struct Refusal {
    std::string message, hint;
};

/// The folders an output folder must keep clear of.
struct ProtectedFolders {
    std::string root;  ///< the project root: the output may lie inside it (ROOT/site) but not be or hold it
    std::string home;  ///< the user's home folder, or empty
};

/// Checks where `out` is, after resolving symlinks and "..", before anything is created: refuses
/// `/`, the project root, its content/, templates/, indicators/ and .git/ (being, holding or lying
/// inside them), a folder holding the root, and the home folder or a folder holding it. Returns
/// the resolved output folder, or the refusal.
std::string resolve_out_folder(const std::string& out, const ProtectedFolders& protect,
                               std::optional<Refusal>& refusal);

/// An output folder claimed for one build: owned (marked), locked, and cleared of a killed
/// build's leftovers. The lock is held until the object is destroyed (or the process ends).
class OutFolder {
public:
    /// Claims `out` (already resolved): refuses a folder that is not empty and has no marker, or
    /// that is a file; creates it if missing; takes the lock, waiting up to `wait_seconds` for
    /// another build (saying once on `progress` which process holds it); marks an adopted folder;
    /// finishes or clears what an interrupted build left.
    static std::optional<OutFolder> claim(const std::string& out, unsigned wait_seconds, std::ostream& progress,
                                          std::optional<Refusal>& refusal);

    OutFolder(OutFolder&& other) noexcept;
    OutFolder& operator=(OutFolder&&) = delete;
    OutFolder(const OutFolder&) = delete;
    ~OutFolder();

    const std::string& path() const { return path_; }

    /// True when `name` (a top-level entry) may be replaced: it does not exist, or hwbgen made it.
    bool may_replace(const std::string& name) const;

    /// Adds `names` to the marker's list (written atomically, and only when the list changes), so a
    /// build that is killed after swapping some of them in still owns them. Until a build records
    /// something, the folder, marker and lock a claim made are removed again when it ends, so a
    /// failed first build leaves nothing behind.
    bool record(const std::set<std::string>& names, std::string& error);

private:
    OutFolder(std::string path, int lock_fd, std::set<std::string> owned);
    static std::optional<OutFolder> claim_once(const std::string& out, Deadline deadline, unsigned wait_seconds,
                                               std::ostream& progress, std::optional<Refusal>& refusal, bool& again);
    // What this claim made, taken back if the build publishes nothing.
    struct Made {
        bool folder = false, lock = false, marker = false;
    };

    std::string path_;
    int lock_fd_ = -1;
    std::set<std::string> owned_;
    Made made_;
};

/// True when `name` is one of hwbgen's own entries in an output folder (marker, lock, work
/// folders), which no place or site file may be called.
bool is_reserved_name(const std::string& name);

}  // namespace hwbgen::write
