#include "write/publish.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sys/stat.h>

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

bool write_file(const fs::path& path, const std::string& bytes) {
    boost::system::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path.string(), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    return !ec && out.good();
}

// Writing a site is mostly creating files: one mkdir per new folder and open, write, close per
// file, with none of the checks a general-purpose library makes again for every file.
class TreeWriter {
public:
    explicit TreeWriter(std::string root) : root_(std::move(root)) { made_.insert(""); }

    bool write(const std::string& rel, const std::string& bytes) {
        const auto slash = rel.rfind('/');
        if (slash != std::string::npos && !make_folder(rel.substr(0, slash))) return false;
        const int fd = ::open((root_ + "/" + rel).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) return false;
        for (size_t done = 0; done < bytes.size();) {
            const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                const int saved = errno;
                ::close(fd);
                errno = saved;
                return false;
            }
            done += static_cast<size_t>(n);
        }
        return ::close(fd) == 0;
    }

private:
    bool make_folder(const std::string& rel) {
        if (made_.count(rel)) return true;
        const auto slash = rel.rfind('/');
        if (slash != std::string::npos && !make_folder(rel.substr(0, slash))) return false;
        if (::mkdir((root_ + "/" + rel).c_str(), 0755) != 0 && errno != EEXIST) return false;
        made_.insert(rel);
        return true;
    }

    std::string root_;
    std::set<std::string> made_;
};

bool write_tree(const fs::path& dir, const std::vector<render::OutputFile>& files, diag::Diagnostics& diags) {
    TreeWriter writer(dir.string());
    for (const auto& f : files) {
        if (!is_safe_relative_path(f.path)) {
            diags.error({f.path, 0, 0}, "refusing to write outside the site folder",
                        "ids and template names must not contain '..' or start with '/'");
            return false;
        }
        if (!writer.write(f.path, f.bytes)) {
            diags.error({(dir / f.path).string(), 0, 0}, std::string("cannot write file: ") + std::strerror(errno),
                        "check there is free disk space and that the output folder is writable");
            return false;
        }
    }
    return true;
}

// Exchanges the two folders in one step, so the published folder is never missing.
bool swap_into_place(const fs::path& fresh, const fs::path& target, const fs::path& old) {
    boost::system::error_code ec;
    if (!fs::exists(target, ec)) return ::rename(fresh.c_str(), target.c_str()) == 0;
#ifdef RENAME_EXCHANGE
    if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        fs::rename(fresh, old, ec);  // `fresh` now holds the previous site
        return true;
    }
#endif
    if (::rename(target.c_str(), old.c_str()) != 0) return false;
    if (::rename(fresh.c_str(), target.c_str()) == 0) return true;
    ::rename(old.c_str(), target.c_str());
    return false;
}

}  // namespace

StagedPlace stage_place(const std::string& out_dir, const std::string& place_id,
                        const std::vector<render::OutputFile>& files, diag::Diagnostics& diags) {
    // One folder name per staging, so places (even one named twice) can be staged at once.
    static std::atomic<unsigned> count{0};
    const fs::path out(out_dir);
    const std::string tag = place_id + "." + std::to_string(::getpid()) + "." + std::to_string(count++);
    StagedPlace staged{(out / (".new-" + tag)).string(), (out / place_id).string(), (out / (".old-" + tag)).string()};
    boost::system::error_code ec;
    fs::remove_all(staged.fresh, ec);
    fs::remove_all(staged.old, ec);
    fs::create_directories(staged.fresh, ec);
    if (ec) {
        diags.error({out_dir, 0, 0}, "cannot create output folder: " + ec.message(), "check the --out folder");
        return {};
    }
    if (!write_tree(staged.fresh, files, diags)) {
        fs::remove_all(staged.fresh, ec);
        return {};
    }
    return staged;
}

bool swap_staged(StagedPlace& staged, diag::Diagnostics& diags) {
    if (staged.fresh.empty()) return false;
    boost::system::error_code ec;
    const bool swapped = swap_into_place(staged.fresh, staged.target, staged.old);
    if (swapped) {
        fs::remove_all(staged.old, ec);
    } else {  // the previous site stays (in `old` only if putting it back failed too)
        if (!diags.has_errors())
            diags.error({staged.target, 0, 0}, std::string("cannot replace the site: ") + std::strerror(errno));
        fs::remove_all(staged.fresh, ec);
    }
    staged = {};
    return swapped;
}

void discard_staged(StagedPlace& staged) {
    boost::system::error_code ec;
    if (!staged.fresh.empty()) fs::remove_all(staged.fresh, ec);
    staged = {};
}

bool publish_place(const std::string& out_dir, const std::string& place_id,
                   const std::vector<render::OutputFile>& files, diag::Diagnostics& diags) {
    StagedPlace staged = stage_place(out_dir, place_id, files, diags);
    return swap_staged(staged, diags);
}

bool replace_file(const std::string& path, const std::string& bytes, diag::Diagnostics& diags) {
    const fs::path target(path);
    const fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".new");
    boost::system::error_code ec;
    if (!write_file(temporary, bytes) || (fs::rename(temporary, target, ec), ec)) {
        diags.error({path, 0, 0}, std::string("cannot write file: ") + std::strerror(errno),
                    "check the folder exists and is writable");
        fs::remove(temporary, ec);
        return false;
    }
    return true;
}

bool publish_files(const std::string& out_dir, const std::vector<render::OutputFile>& files,
                   diag::Diagnostics& diags) {
    for (const auto& f : files)
        if (!is_safe_relative_path(f.path)) {
            diags.error({f.path, 0, 0}, "refusing to write outside the site folder",
                        "template names must not contain '..' or start with '/'");
            return false;
        }
    for (const auto& f : files)
        if (!replace_file((fs::path(out_dir) / f.path).string(), f.bytes, diags)) return false;
    return true;
}

}  // namespace hwbgen::write
