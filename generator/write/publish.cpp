#include "write/publish.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstring>

namespace fs = boost::filesystem;

namespace hwbgen::write {

bool is_safe_relative_path(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

namespace {

bool write_all(int fd, const std::string& bytes) {
    for (size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// Writes `bytes` to a new file beside `target` whose name holds the process id and a counter, so
// builds and threads writing the same target at once never share a temporary file. Returns its
// path, or "" with errno set.
std::string write_temporary(const fs::path& target, const std::string& bytes) {
    static std::atomic<unsigned> count{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string name = target.filename().string();
        const fs::path path = target.parent_path() / ((name[0] == '.' ? "" : ".") + name + ".hwbgen-" +
                                                      std::to_string(::getpid()) + "-" + std::to_string(count++));
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0 && errno == EEXIST) continue;  // left by a killed process that had the same id
        if (fd < 0) return "";
        const bool written = write_all(fd, bytes);
        const int saved = errno;
        if (::close(fd) == 0 && written) return path.string();
        ::unlink(path.c_str());
        errno = written ? errno : saved;
        return "";
    }
    errno = EEXIST;
    return "";
}

}  // namespace

bool replace_file(const std::string& path, const std::string& bytes, diag::Diagnostics& diags) {
    const fs::path target(path);
    boost::system::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    const std::string temporary = write_temporary(target, bytes);
    if (temporary.empty() || ::rename(temporary.c_str(), path.c_str()) != 0) {
        diags.error({path, 0, 0}, std::string("cannot write file: ") + std::strerror(errno),
                    "check there is free disk space and that the folder can be written");
        if (!temporary.empty()) ::unlink(temporary.c_str());
        return false;
    }
    return true;
}

bool create_new_file(const std::string& path, const std::string& bytes, std::string& error) {
    const std::string temporary = write_temporary(fs::path(path), bytes);
    // link() never replaces: it fails with EEXIST on any existing name, a dangling symlink included.
    const bool linked = !temporary.empty() && ::link(temporary.c_str(), path.c_str()) == 0;
    if (!linked) error = std::strerror(errno);
    if (!temporary.empty()) ::unlink(temporary.c_str());
    return linked;
}

}  // namespace hwbgen::write
