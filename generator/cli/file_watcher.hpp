#pragma once
// Watching the project's content/, templates/ and indicators/ with inotify, so `serve`
// rebuilds the moment a file is saved, without polling.
#include <string>
#include <vector>

namespace hwbgen::cli {

/// Watches folders under a root, and every folder created or moved in below them later.
/// Editors that save through a temporary file and a rename, and files created or deleted,
/// are seen like plain writes. Not copyable; one thread waits, another may call stop().
class FileWatcher {
public:
    /// Watches `root`/`folder` for each of `folders` that exists. Throws std::runtime_error
    /// when inotify is not available.
    FileWatcher(std::string root, const std::vector<std::string>& folders);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    /// Blocks until something changes, then gathers changes until `quiet_ms` pass without one,
    /// and returns the changed paths relative to the root (sorted, unique; "*" when events were
    /// lost). Returns an empty list once stop() is called.
    std::vector<std::string> wait(int quiet_ms);
    /// Wakes wait() for good; safe from any thread.
    void stop() const;

private:
    void watch_tree(const std::string& relative, std::vector<std::string>* found);
    bool read_events(std::vector<std::string>& changed);

    std::string root_;
    int inotify_ = -1;
    int wake_ = -1;  // an eventfd that stop() signals
    struct Watches;
    Watches* watches_;
};

/// Whether a file name is an editor's scratch file (swap files, backups, save-through-temp
/// names), whose changes need no rebuild of their own.
bool is_editor_scratch(const std::string& name);

}  // namespace hwbgen::cli
