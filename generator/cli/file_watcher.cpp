#include "cli/file_watcher.hpp"

#include <dirent.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <stdexcept>

namespace hwbgen::cli {

struct FileWatcher::Watches {
    std::map<int, std::string> folders;  // watch descriptor -> folder relative to the root
};

namespace {

// Writes that finish (close after writing), renames in and out, creations and deletions; the
// watched folder itself going away. Symbolic links are not followed into.
constexpr uint32_t watch_mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF |
                                IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR | IN_DONT_FOLLOW;

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_real_folder(const std::string& path) {
    struct stat st;
    return lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

bool is_editor_scratch(const std::string& name) {
    if (name.empty() || name == "4913" || ends_with(name, "~")) return true;  // vim's probe file, backups
    if (name.rfind(".#", 0) == 0 || (name.front() == '#' && name.back() == '#')) return true;  // emacs
    if (name.rfind(".goutputstream-", 0) == 0) return true;  // GNOME's save-through-temp
    for (const char* suffix : {".swp", ".swx", ".swo", ".tmp", ".crswap"})
        if (ends_with(name, suffix)) return true;
    return false;
}

FileWatcher::FileWatcher(std::string root, const std::vector<std::string>& folders)
    : root_(std::move(root)), watches_(new Watches) {
    inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (inotify_ < 0 || wake_ < 0) {
        const std::string why = std::strerror(errno);
        if (inotify_ >= 0) close(inotify_);
        if (wake_ >= 0) close(wake_);
        delete watches_;
        throw std::runtime_error("cannot watch files for changes (inotify): " + why);
    }
    for (const auto& folder : folders) watch_tree(folder, nullptr);
}

FileWatcher::~FileWatcher() {
    if (inotify_ >= 0) close(inotify_);
    if (wake_ >= 0) close(wake_);
    inotify_ = wake_ = -1;
    delete watches_;
    watches_ = nullptr;
}

// Watches `relative` and every folder below it. Folders that appear after the watch starts can
// already hold files (a folder copied or moved in), so those are reported in `found`.
void FileWatcher::watch_tree(const std::string& relative, std::vector<std::string>* found) {
    const std::string full = root_ + "/" + relative;
    if (!is_real_folder(full)) return;
    const int wd = inotify_add_watch(inotify_, full.c_str(), watch_mask);
    if (wd < 0) return;  // e.g. out of watches: the folder is not seen, the rest still are
    watches_->folders[wd] = relative;
    DIR* dir = opendir(full.c_str());
    if (!dir) return;
    std::vector<std::string> children;
    while (const dirent* e = readdir(dir)) {
        const std::string name = e->d_name;
        if (name != "." && name != "..") children.push_back(name);
    }
    closedir(dir);
    for (const auto& name : children) {
        const std::string child = relative + "/" + name;
        if (is_real_folder(root_ + "/" + child))
            watch_tree(child, found);
        else if (found)
            found->push_back(child);
    }
}

// Drains the queue; false when stop() was called.
bool FileWatcher::read_events(std::vector<std::string>& changed) {
    alignas(struct inotify_event) char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = read(inotify_, buffer, sizeof buffer);
        if (n <= 0) return true;
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const struct inotify_event*>(buffer + at);
            at += static_cast<ssize_t>(sizeof(struct inotify_event) + e->len);
            if (e->mask & IN_Q_OVERFLOW) {
                changed.push_back("*");  // events were lost: redo everything
                continue;
            }
            const auto folder = watches_->folders.find(e->wd);
            if (folder == watches_->folders.end()) continue;
            if (e->mask & IN_IGNORED) {
                watches_->folders.erase(folder);
                continue;
            }
            if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                changed.push_back(folder->second);
                continue;
            }
            const std::string name = e->len ? e->name : "";
            if (is_editor_scratch(name)) continue;
            const std::string path = folder->second + "/" + name;
            if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(path, &changed);
            changed.push_back(path);
        }
    }
}

std::vector<std::string> FileWatcher::wait(int quiet_ms) {
    std::vector<std::string> changed;
    pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
    int timeout = -1;  // the first change may be a long time coming
    const auto give_up = [&] { return std::chrono::steady_clock::now() + std::chrono::seconds(1); };
    auto deadline = give_up();  // a file written without pause still gets rebuilt each second
    for (;;) {
        if (timeout >= 0 && std::chrono::steady_clock::now() > deadline) break;
        fds[0].revents = fds[1].revents = 0;
        const int ready = poll(fds, 2, timeout);
        if (ready < 0 && errno == EINTR) continue;
        if (fds[1].revents) return {};
        if (ready <= 0) break;  // quiet for quiet_ms: the save is complete
        const size_t before = changed.size();
        read_events(changed);
        if (changed.size() > before && timeout < 0) deadline = give_up();
        if (changed.size() > before || timeout >= 0) timeout = quiet_ms;
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

void FileWatcher::stop() const {
    const uint64_t one = 1;
    (void)!write(wake_, &one, sizeof one);
}

}  // namespace hwbgen::cli
