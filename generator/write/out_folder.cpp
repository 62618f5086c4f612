#include "write/out_folder.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>
#include <thread>
#include <vector>

#include "write/publish.hpp"
#include "write/site_update.hpp"

namespace fs = boost::filesystem;

namespace hwbgen::write {

namespace {

const char* const marker_header =
    "# hwbgen site: hwbgen made this folder and the entries listed below, and replaces only those.\n"
    "# Anything else here is left alone. Without this file hwbgen will not write here.\n";

// The absolute path with symlinks and ".." resolved as far as the path exists, and no trailing
// "/" or "/." (which boost's lexically_normal may leave).
std::string resolve(const fs::path& path) {
    boost::system::error_code ec;
    fs::path full = fs::weakly_canonical(fs::absolute(path), ec);
    if (ec) full = fs::absolute(path).lexically_normal();
    std::string s = full.generic_string();
    while (s.size() > 1 && (s.back() == '/' || (s.size() > 2 && s.compare(s.size() - 2, 2, "/.") == 0)))
        s.erase(s.size() - (s.back() == '/' ? 1 : 2));
    return s.empty() ? "/" : s;
}

// True when `path` is `folder` or lies inside it.
bool is_within(const std::string& path, const std::string& folder) {
    if (path == folder || folder == "/") return true;
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

std::string home_folder(const std::string& given) {
    if (!given.empty()) return given;
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return "";
}

Refusal refuse(const std::string& out, const std::string& why, const std::string& root) {
    return {"refusing to build into " + out + ": " + why,
            "give --out a new or empty folder of the site's own, such as " + root +
                "/site (the default); hwbgen replaces what it builds there"};
}

// The source folders a build reads: the output may not be, hold or lie inside any of them.
std::optional<Refusal> check_sources(const std::string& out, const std::string& root) {
    const std::pair<const char*, const char*> sources[] = {{"content", "the project's content folder"},
                                                           {"templates", "the project's templates folder"},
                                                           {"indicators", "the project's indicators folder"},
                                                           {".git", "the project's git folder"}};
    for (const auto& [name, label] : sources) {
        const std::string source = resolve(fs::path(root) / name);
        if (out == source) return refuse(out, std::string("it is ") + label, root);
        if (is_within(source, out)) return refuse(out, std::string("it holds ") + label + " (" + source + ")", root);
        if (is_within(out, source))
            return refuse(out, std::string("it lies inside ") + label + " (" + source + ")", root);
    }
    return std::nullopt;
}

std::optional<Refusal> check_place(const std::string& out, const ProtectedFolders& protect) {
    const std::string root = resolve(protect.root);
    if (out == "/") return refuse(out, "it is the root of the file system", root);
    if (out == root) return refuse(out, "it is the project folder", root);
    if (is_within(root, out)) return refuse(out, "it holds the project folder (" + root + ")", root);
    if (auto refusal = check_sources(out, root)) return refusal;
    const std::string given_home = home_folder(protect.home);
    const std::string home = given_home.empty() ? "" : resolve(given_home);
    if (!home.empty() && home != "/" && is_within(home, out))
        return refuse(out, out == home ? "it is your home folder" : "it holds your home folder (" + home + ")", root);
    return std::nullopt;
}

std::vector<std::string> entries(const std::string& folder) {
    std::vector<std::string> names;
    boost::system::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    return names;
}

// A folder hwbgen may take over: empty, or holding only hwbgen's own entries (the lock, the work
// folder and marker of a build that is taking it at this moment, or was killed doing so).
bool is_adoptable(const std::string& folder) {
    for (const auto& name : entries(folder))
        if (!is_reserved_name(name)) return false;
    return true;
}

// The names listed in the marker, or nothing when there is no marker.
std::optional<std::set<std::string>> read_marker(const std::string& folder) {
    struct stat st {};
    const std::string path = folder + "/" + marker_name;
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    std::ifstream in(path);
    std::set<std::string> names;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#' && is_safe_relative_path(line) && line.find('/') == std::string::npos &&
            !is_reserved_name(line))
            names.insert(line);
    return names;
}

bool write_marker(const std::string& folder, const std::set<std::string>& names, std::string& error) {
    std::string text = marker_header;
    for (const auto& n : names) text += n + "\n";
    diag::Diagnostics diags;
    if (replace_file(folder + "/" + marker_name, text, diags)) return true;
    error = diags.all().empty() ? "cannot write " + std::string(marker_name) : diags.all().front().message;
    return false;
}

// The process holding a flock on the file open as `fd`, from /proc/locks (flock has no call that
// says who holds a lock, and writing the holder's id into the lock file would change the site).
long lock_holder(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return 0;
    char wanted[64];
    std::snprintf(wanted, sizeof wanted, "%02x:%02x:%lu", major(st.st_dev), minor(st.st_dev),
                  static_cast<unsigned long>(st.st_ino));
    std::ifstream locks("/proc/locks");
    for (std::string line; std::getline(locks, line);) {
        std::istringstream fields(line);
        std::string number, type, mode, access, pid, file;
        if (fields >> number >> type >> mode >> access >> pid >> file && type == "FLOCK" && file == wanted)
            return std::atol(pid.c_str());
    }
    return 0;
}

// True while `fd` is still the lock file at `path`: a failed first build removes the folder it
// made, lock file and all, and a build that waited for it must then start again.
bool is_current(int fd, const std::string& path) {
    struct stat open_file {
    }, named{};
    return ::fstat(fd, &open_file) == 0 && ::stat(path.c_str(), &named) == 0 && open_file.st_ino == named.st_ino &&
           open_file.st_dev == named.st_dev;
}

// Takes the folder's lock, waiting for another build up to `wait_seconds`.
bool take_lock(int fd, const std::string& out, Deadline deadline, unsigned wait_seconds, std::ostream& progress,
               std::optional<Refusal>& refusal) {
    bool said = false;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            refusal = Refusal{"cannot lock " + out + "/" + lock_name + ": " + std::strerror(errno),
                              "check the output folder is on a local disk that can be written"};
            return false;
        }
        const long pid = lock_holder(fd);
        const std::string who = pid > 0 ? "process " + std::to_string(pid) : "another process";
        if (std::chrono::steady_clock::now() >= deadline) {
            refusal = Refusal{"another build into " + out + " is still running (" + who + ") after waiting " +
                                  std::to_string(wait_seconds) + " s; nothing was written",
                              "let it finish or stop it, then build again; --wait SECONDS waits longer"};
            return false;
        }
        if (!said)
            progress << "hwbgen: waiting for another build into " << out << " to finish (" << who << " holds " << out
                     << "/" << lock_name << ")\n"
                     << std::flush;
        said = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

Refusal not_owned(const std::string& out) {
    return {out + " is not empty and was not made by hwbgen (it has no " + marker_name +
                " file); hwbgen writes only into folders it made",
            "give --out a new or empty folder; if an older hwbgen built this site, delete the folder and build again"};
}

}  // namespace

bool is_reserved_name(const std::string& name) {
    return name == marker_name || name == lock_name || name.compare(0, 7, ".hwbgen") == 0;
}

std::string resolve_out_folder(const std::string& out, const ProtectedFolders& protect,
                               std::optional<Refusal>& refusal) {
    std::string resolved = resolve(out);
    refusal = check_place(resolved, protect);
    return resolved;
}

std::optional<OutFolder> OutFolder::claim(const std::string& out, unsigned wait_seconds, std::ostream& progress,
                                          std::optional<Refusal>& refusal) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
    for (;;) {
        bool again = false;
        auto folder = claim_once(out, deadline, wait_seconds, progress, refusal, again);
        if (!again) return folder;
    }
}

std::optional<OutFolder> OutFolder::claim_once(const std::string& out, Deadline deadline, unsigned wait_seconds,
                                               std::ostream& progress, std::optional<Refusal>& refusal, bool& again) {
    struct stat st {};
    const bool existed = ::stat(out.c_str(), &st) == 0;
    if (existed && !S_ISDIR(st.st_mode)) {
        refusal = Refusal{out + " is a file, not a folder", "give --out a new or empty folder"};
        return std::nullopt;
    }
    if (!read_marker(out) && !is_adoptable(out)) {
        refusal = not_owned(out);
        return std::nullopt;
    }
    boost::system::error_code ec;
    fs::create_directories(out, ec);
    const std::string lock_path = out + "/" + lock_name;
    const bool lock_existed = ::lstat(lock_path.c_str(), &st) == 0;
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (ec || fd < 0) {
        refusal = Refusal{"cannot create " + out + ": " + (ec ? ec.message() : std::strerror(errno)),
                          "check the folder above it exists and can be written"};
        return std::nullopt;
    }
    OutFolder folder(out, fd, {});
    if (!take_lock(fd, out, deadline, wait_seconds, progress, refusal)) return std::nullopt;
    if (!is_current(fd, lock_path)) {
        again = true;
        return std::nullopt;
    }
    // Another build may have marked (or someone filled) the folder while this one waited.
    auto owned = read_marker(out);
    std::string error;
    if (!owned && !is_adoptable(out))
        refusal = not_owned(out);
    else if (!owned && !write_marker(out, {}, error))
        refusal = Refusal{error, "check the output folder can be written"};
    if (refusal) return std::nullopt;
    folder.made_ = {!existed, !lock_existed, !owned};
    finish_interrupted_updates(out);
    folder.owned_ = owned.value_or(std::set<std::string>{});
    return folder;
}

OutFolder::OutFolder(std::string path, int lock_fd, std::set<std::string> owned)
    : path_(std::move(path)), lock_fd_(lock_fd), owned_(std::move(owned)) {}

OutFolder::OutFolder(OutFolder&& other) noexcept
    : path_(std::move(other.path_)), lock_fd_(other.lock_fd_), owned_(std::move(other.owned_)), made_(other.made_) {
    other.lock_fd_ = -1;
}

OutFolder::~OutFolder() {
    if (lock_fd_ < 0) return;
    // A build that published nothing takes back what it made: a failed first build leaves no folder.
    if (made_.marker) ::unlink((path_ + "/" + marker_name).c_str());
    if (made_.lock) ::unlink((path_ + "/" + lock_name).c_str());
    if (made_.folder) ::rmdir(path_.c_str());  // only if empty
    ::close(lock_fd_);                         // closing releases the lock
}

bool OutFolder::may_replace(const std::string& name) const {
    struct stat st {};
    return owned_.count(name) || ::lstat((path_ + "/" + name).c_str(), &st) != 0;
}

bool OutFolder::record(const std::set<std::string>& names, std::string& error) {
    std::set<std::string> all;
    for (const auto& n : owned_) {  // an entry removed by hand is no longer hwbgen's
        struct stat st {};
        if (::lstat((path_ + "/" + n).c_str(), &st) == 0) all.insert(n);
    }
    all.insert(names.begin(), names.end());
    made_ = {};                                                      // the folder now holds a site: it stays
    if (all == owned_ && read_marker(path_) == owned_) return true;  // unchanged: keep its bytes and time
    if (!write_marker(path_, all, error)) return false;
    owned_ = std::move(all);
    return true;
}

}  // namespace hwbgen::write
