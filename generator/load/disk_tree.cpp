// The project folder on disk, read without leaving it and without reading more than a limit.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "load/content_tree.hpp"

namespace fs = boost::filesystem;

namespace hwbgen::load {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_content_name(const std::string& path) {
    for (const char* ext : {".yaml", ".yml", ".md", ".mustache"})
        if (ends_with(path, ext)) return true;
    return false;
}

std::string size_text(std::uintmax_t bytes) {
    char buffer[32];
    if (bytes >= (1u << 30))
        std::snprintf(buffer, sizeof buffer, "%.1f GiB", double(bytes) / double(1u << 30));
    else
        std::snprintf(buffer, sizeof buffer, "%.1f MiB", double(bytes) / double(1u << 20));
    return buffer;
}

std::string real_path(const std::string& path) {
    char buffer[PATH_MAX];
    return ::realpath(path.c_str(), buffer) ? std::string(buffer) : std::string{};
}

std::string link_target(const std::string& path) {
    char buffer[PATH_MAX];
    const ssize_t n = ::readlink(path.c_str(), buffer, sizeof buffer - 1);
    return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string{};
}

bool inside(const std::string& real, const std::string& root) {
    return root.empty() || real == root ||
           (real.size() > root.size() && real.compare(0, root.size(), root) == 0 &&
            (root.back() == '/' || real[root.size()] == '/'));
}

const char* kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

// Reads at most `limit` bytes from an open file; the file's size was checked, but it may grow.
std::optional<std::string> read_all(int fd, std::uintmax_t size, std::uintmax_t limit) {
    std::string bytes;
    bytes.resize(static_cast<size_t>(std::min(size, limit)) + 1);
    size_t used = 0;
    for (;;) {
        if (used == bytes.size()) {
            if (bytes.size() > limit) return std::nullopt;
            bytes.resize(std::min<size_t>(bytes.size() * 2, static_cast<size_t>(limit) + 1));
        }
        const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) break;
        used += static_cast<size_t>(n);
    }
    if (used > limit) return std::nullopt;
    bytes.resize(used);
    return bytes;
}

}  // namespace

std::uintmax_t size_limit_for(const std::string& path) {
    return is_content_name(path) ? max_content_file_bytes : max_other_file_bytes;
}

DiskTree::DiskTree(std::string root) : root_(std::move(root)) {
    if (!root_.empty()) real_root_ = real_path(root_);
}

std::string DiskTree::full(const std::string& path) const {
    return root_.empty() ? path : (fs::path(root_) / path).string();
}

// Opens the file for reading when nothing is wrong with it; the caller closes `*fd_out`.
std::optional<FileProblem> DiskTree::open_problem(const std::string& path, int* fd_out) const {
    const std::string name = full(path);
    struct stat st {};
    if (::lstat(name.c_str(), &st) != 0)
        return FileProblem{path, "cannot read file: it does not exist", "check the file's name and folder"};
    const std::string real = real_path(name);
    if (real.empty())
        return FileProblem{path, "symbolic link to something that does not exist ('" + link_target(name) + "')",
                           "remove the link, or put the file itself here"};
    if (!root_.empty() && !inside(real, real_root_))
        return FileProblem{path, "symbolic link to '" + real + "', outside the project folder",
                           "copy the file into the project instead of linking to it: nothing from outside the "
                           "project is published"};
    if (::stat(name.c_str(), &st) != 0)
        return FileProblem{path, std::string("cannot read file: ") + std::strerror(errno), ""};
    if (S_ISDIR(st.st_mode))
        return FileProblem{path, "this is a folder, not a file", "rename the folder, or put a file here instead"};
    if (!S_ISREG(st.st_mode))
        return FileProblem{path, std::string("this is ") + kind_of(st.st_mode) + ", not a regular file",
                           "remove it; only regular files are read"};
    const std::uintmax_t limit = size_limit_for(path);
    if (static_cast<std::uintmax_t>(st.st_size) > limit)
        return FileProblem{path,
                           "file is " + size_text(st.st_size) + ", over the " + size_text(limit) +
                               " limit for this kind of file",
                           "check that this is the right file; content files are far smaller"};
    // Non-blocking, so a pipe swapped in since the check cannot stall the build.
    const int fd = ::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return FileProblem{path, std::string("cannot read file: ") + std::strerror(errno),
                           "check the file's permissions"};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return FileProblem{path, "this is not a regular file", "remove it; only regular files are read"};
    }
    if (fd_out)
        *fd_out = fd;
    else
        ::close(fd);
    return std::nullopt;
}

std::optional<FileProblem> DiskTree::problem(const std::string& path) const { return open_problem(path, nullptr); }

bool DiskTree::has_entry(const std::string& path) const {
    struct stat st {};
    return ::lstat(full(path).c_str(), &st) == 0;
}

std::optional<std::string> DiskTree::read(const std::string& path) const {
    int fd = -1;
    if (open_problem(path, &fd)) return std::nullopt;
    struct stat st {};
    ::fstat(fd, &st);
    auto bytes = read_all(fd, static_cast<std::uintmax_t>(st.st_size), size_limit_for(path));
    ::close(fd);
    return bytes;
}

namespace {

std::vector<std::string> entries(const fs::path& dir, bool want_folders) {
    std::vector<std::string> names;
    boost::system::error_code ec;
    if (!fs::is_directory(dir, ec)) return names;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const bool is_folder = fs::is_directory(it->status());
        const bool is_file = fs::is_regular_file(it->status());
        if (want_folders ? is_folder : is_file) names.push_back(it->path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool looks_like_a_file(const std::string& name) {
    for (const char* ext : {".yaml", ".yml", ".csv", ".mustache"})
        if (ends_with(name, ext)) return true;
    return false;
}

}  // namespace

std::vector<std::string> DiskTree::files(const std::string& dir) const { return entries(full(dir), false); }

std::vector<std::string> DiskTree::folders(const std::string& dir) const { return entries(full(dir), true); }

std::vector<FileProblem> DiskTree::unusable_files(const std::string& dir) const {
    std::vector<FileProblem> out;
    scan(dir, 0, out);
    return out;
}

// Every entry is judged as read() would judge it; folders (linked ones inside the root too)
// are walked to a fixed depth, so a link to a parent folder cannot make the walk endless.
void DiskTree::scan(const std::string& dir, int depth, std::vector<FileProblem>& out) const {
    std::vector<std::string> names;
    boost::system::error_code ec;
    for (fs::directory_iterator it(full(dir), ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        const std::string path = dir + "/" + name;
        struct stat st {};
        const bool folder = ::stat(full(path).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
        const std::string real = real_path(full(path));
        if (!folder || real.empty() || !inside(real, real_root_)) {
            if (auto p = problem(path)) out.push_back(std::move(*p));
        } else if (inside(real_path(full(dir)), real)) {
            out.push_back(
                {path, "symbolic link to a folder that holds it ('" + link_target(full(path)) + "'), so it never ends",
                 "remove the link"});
        } else if (looks_like_a_file(name)) {
            out.push_back({path, "this is a folder, not a file", "rename the folder, or put a file here instead"});
        } else if (depth + 1 >= max_folder_depth) {
            out.push_back({path,
                           "folders nest more than " + std::to_string(max_folder_depth) +
                               " deep here (a symbolic link to a folder above it?)",
                           "remove the link or flatten the folders"});
        } else {
            scan(path, depth + 1, out);
        }
    }
}

}  // namespace hwbgen::load
