#include "write/site_update.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "write/publish.hpp"

namespace fs = boost::filesystem;

namespace hwbgen::write {

namespace {

const char* const journal_name = "COMMIT";

bool write_all(int fd, const char* data, size_t size) {
    for (size_t done = 0; done < size;) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

bool read_all(int fd, std::string& into, size_t size) {
    into.resize(size);
    for (size_t done = 0; done < size;) {
        const ssize_t n = ::read(fd, into.data() + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// Writes a staged entry: one mkdir per new folder and open, write, close per file, with none of
// the checks a general-purpose library makes again for every file. A file whose published copy
// has the same bytes is hard-linked from it instead, so it keeps its inode and modification time.
class TreeWriter {
public:
    TreeWriter(std::string root, std::string published) : root_(std::move(root)), published_(std::move(published)) {
        made_.insert("");
    }

    bool write(const std::string& rel, const std::string& bytes) {
        const auto slash = rel.rfind('/');
        if (slash != std::string::npos && !make_folder(rel.substr(0, slash))) return false;
        const std::string path = root_ + "/" + rel;
        if (reuse_published(rel, bytes, path)) return true;
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0) return false;
        const bool written = write_all(fd, bytes.data(), bytes.size());
        const int saved = errno;
        if (::close(fd) != 0) return false;
        errno = saved;
        return written;
    }

    bool make_folder(const std::string& rel) {
        if (made_.count(rel)) return true;
        const auto slash = rel.rfind('/');
        if (slash != std::string::npos && !make_folder(rel.substr(0, slash))) return false;
        // One level at a time, never the parents: once the work folder is removed (on a signal),
        // nothing can bring it back.
        if (::mkdir((root_ + "/" + rel).c_str(), 0755) != 0 && errno != EEXIST) return false;
        made_.insert(rel);
        return true;
    }

private:
    bool reuse_published(const std::string& rel, const std::string& bytes, const std::string& path) {
        const std::string published = published_ + "/" + rel;
        const int fd = ::open(published.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) return false;
        struct stat st {};
        const bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && size_t(st.st_size) == bytes.size() &&
                          read_all(fd, buffer_, bytes.size()) && buffer_ == bytes;
        ::close(fd);
        if (!same) return false;
        if (::link(published.c_str(), path.c_str()) == 0) return true;
        // A file system without hard links: copy, keeping the modification time.
        const int out = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (out < 0) return false;
        const timespec times[2] = {st.st_atim, st.st_mtim};
        const bool ok = write_all(out, bytes.data(), bytes.size()) && ::futimens(out, times) == 0;
        return ::close(out) == 0 && ok;
    }

    std::string root_, published_;
    std::set<std::string> made_;
    std::string buffer_;
};

bool same_bytes(const std::string& a, const std::string& b, off_t size) {
    std::string bytes_a, bytes_b;
    const int fa = ::open(a.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW),
              fb = ::open(b.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    const bool same = fa >= 0 && fb >= 0 && read_all(fa, bytes_a, size_t(size)) &&
                      read_all(fb, bytes_b, size_t(size)) && bytes_a == bytes_b;
    if (fa >= 0) ::close(fa);
    if (fb >= 0) ::close(fb);
    return same;
}

// Replaces the staged file `staged` by a hard link to `published` when their bytes are equal.
void link_if_unchanged(const std::string& staged, const std::string& published) {
    struct stat s {
    }, p{};
    if (::lstat(staged.c_str(), &s) != 0 || !S_ISREG(s.st_mode) || s.st_nlink != 1) return;  // linked already
    if (::lstat(published.c_str(), &p) != 0 || !S_ISREG(p.st_mode) || p.st_size != s.st_size) return;
    if (!same_bytes(staged, published, s.st_size)) return;
    const std::string temporary = staged + ".hwbgen-link";
    if (::link(published.c_str(), temporary.c_str()) == 0 && ::rename(temporary.c_str(), staged.c_str()) != 0)
        ::unlink(temporary.c_str());
}

// Files that steps after staging added to an entry (PDFs, a search index) keep their time too
// when their bytes did not change: each file written anew is compared with the published one.
void link_unchanged(const std::string& staged, const std::string& published) {
    struct stat st {};
    if (::lstat(staged.c_str(), &st) != 0) return;
    if (!S_ISDIR(st.st_mode)) return link_if_unchanged(staged, published);
    boost::system::error_code ec;
    for (fs::recursive_directory_iterator it(staged, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->symlink_status(ec).type() != fs::regular_file) continue;
        const std::string path = it->path().string();
        link_if_unchanged(path, published + path.substr(staged.size()));
    }
}

ino_t inode_of(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

// Puts `fresh` at `target` in one step, so the published entry is never missing: an exchange
// leaves the previous entry at `fresh`. Without RENAME_EXCHANGE (some file systems) the previous
// entry moves to `old` first.
enum class Swap { failed, created, exchanged, moved };

Swap swap_in(const std::string& fresh, const std::string& target, const std::string& old) {
    if (!exists(target)) return ::rename(fresh.c_str(), target.c_str()) == 0 ? Swap::created : Swap::failed;
#ifdef RENAME_EXCHANGE
    if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return Swap::exchanged;
    if (errno != EINVAL && errno != ENOSYS) return Swap::failed;
#endif
    if (::rename(target.c_str(), old.c_str()) != 0) return Swap::failed;
    if (::rename(fresh.c_str(), target.c_str()) == 0) return Swap::moved;
    const int saved = errno;
    ::rename(old.c_str(), target.c_str());
    errno = saved;
    return Swap::failed;
}

// Undoes swap_in.
void swap_back(Swap how, const std::string& fresh, const std::string& target, const std::string& old) {
    if (how == Swap::created) ::rename(target.c_str(), fresh.c_str());
#ifdef RENAME_EXCHANGE
    if (how == Swap::exchanged) ::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE);
#endif
    if (how == Swap::moved && ::rename(target.c_str(), fresh.c_str()) == 0) ::rename(old.c_str(), target.c_str());
}

// Removes a folder even while a thread still writes into it (it cannot recreate the folder).
void remove_folder(const std::string& path) {
    boost::system::error_code ec;
    for (int attempt = 0; attempt < 5 && exists(path); ++attempt) fs::remove_all(path, ec);
}

// The journal: each entry with the inode of its staged copy, so a later build can tell which
// entries were already swapped in (the published one has that inode) and which were not.
std::map<std::string, ino_t> read_journal(const std::string& work) {
    std::map<std::string, ino_t> entries;
    std::ifstream in(work + "/" + journal_name);
    std::string name;
    unsigned long long inode = 0;
    while (in >> name >> inode)
        if (is_safe_relative_path(name) && name.find('/') == std::string::npos) entries[name] = ino_t(inode);
    return entries;
}

void finish_commit(const std::string& out, const std::string& work) {
    for (const auto& [name, inode] : read_journal(work)) {
        const std::string fresh = work + "/new/" + name, target = out + "/" + name;
        if (inode_of(target) != inode && inode_of(fresh) == inode) swap_in(fresh, target, work + "/old/" + name);
    }
}

}  // namespace

void finish_interrupted_updates(const std::string& out) {
    boost::system::error_code ec;
    std::vector<std::string> leftovers;
    for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, std::strlen(work_prefix), work_prefix) == 0 ||
            name.compare(0, std::strlen(marker_name) + 8, std::string(marker_name) + ".hwbgen-") == 0)
            leftovers.push_back(it->path().string());
    }
    for (const auto& path : leftovers) {
        if (exists(path + "/" + journal_name)) finish_commit(out, path);
        remove_folder(path);
    }
}

std::optional<SiteUpdate> SiteUpdate::begin(const OutFolder& out, diag::Diagnostics& diags) {
    std::string pattern = out.path() + "/" + work_prefix + std::string(6, 'X');
    const bool made = ::mkdtemp(pattern.data()) != nullptr;
    if (!made || ::mkdir((pattern + "/new").c_str(), 0755) != 0 || ::mkdir((pattern + "/old").c_str(), 0755) != 0 ||
        ::mkdir((pattern + "/tmp").c_str(), 0700) != 0) {
        diags.error({out.path(), 0, 0}, std::string("cannot make a work folder: ") + std::strerror(errno),
                    "check there is free disk space and that the output folder can be written");
        if (made) remove_folder(pattern);
        return std::nullopt;
    }
    return SiteUpdate(out.path(), pattern);
}

SiteUpdate::SiteUpdate(std::string out, std::string work) : out_(std::move(out)), work_(std::move(work)) {}

SiteUpdate::SiteUpdate(SiteUpdate&& other) noexcept
    : out_(std::move(other.out_)), work_(std::move(other.work_)), staged_(std::move(other.staged_)),
      mutex_(std::move(other.mutex_)), fail_swap_at_(other.fail_swap_at_), abandoned_(other.abandoned_) {
    other.work_.clear();
}

SiteUpdate::~SiteUpdate() {
    if (!work_.empty() && !abandoned_) remove_folder(work_);
}

void SiteUpdate::abandon() {
    const std::lock_guard<std::mutex> lock(*mutex_);
    abandoned_ = true;
    remove_folder(work_);
}

bool SiteUpdate::stage_folder(const std::string& name, const std::vector<render::OutputFile>& files,
                              diag::Diagnostics& diags) {
    std::vector<const render::OutputFile*> pointers;
    pointers.reserve(files.size());
    for (const auto& f : files) pointers.push_back(&f);
    return stage_entry(name, pointers, diags);
}

bool SiteUpdate::stage_files(const std::vector<render::OutputFile>& files, diag::Diagnostics& diags) {
    std::map<std::string, std::vector<const render::OutputFile*>> by_entry;
    for (const auto& f : files) {
        if (!is_safe_relative_path(f.path)) {
            diags.error({f.path, 0, 0}, "refusing to write outside the site folder",
                        "template names must not contain '..' or start with '/'");
            return false;
        }
        by_entry[f.path.substr(0, f.path.find('/'))].push_back(&f);
    }
    for (const auto& [name, entry_files] : by_entry) {
        // A top-level file is staged as itself; a folder (assets/) with its files inside.
        const bool folder = entry_files.front()->path != name;
        std::vector<render::OutputFile> relative;
        if (!folder) {
            if (!stage_entry(name, {}, diags)) return false;
            TreeWriter writer(work_ + "/new", out_);
            if (!writer.write(name, entry_files.front()->bytes)) {
                diags.error({out_ + "/" + name, 0, 0}, std::string("cannot write file: ") + std::strerror(errno),
                            "check there is free disk space and that the output folder can be written");
                return false;
            }
            continue;
        }
        for (const auto* f : entry_files) relative.push_back({f->path.substr(name.size() + 1), f->bytes});
        if (!stage_folder(name, relative, diags)) return false;
    }
    return true;
}

// Stages one entry: a folder holding `files` (none: a top-level file the caller writes itself).
bool SiteUpdate::stage_entry(const std::string& name, const std::vector<const render::OutputFile*>& files,
                             diag::Diagnostics& diags) {
    if (!is_safe_relative_path(name) || name.find('/') != std::string::npos || is_reserved_name(name)) {
        diags.error({name, 0, 0}, "refusing to write '" + name + "' into the site folder",
                    "ids and template names must be plain names, without '/', '..' or a leading '.hwbgen'");
        return false;
    }
    {
        const std::lock_guard<std::mutex> lock(*mutex_);
        if (abandoned_ || !staged_.insert(name).second) {
            diags.error({out_ + "/" + name, 0, 0}, "two parts of the site are both called '" + name + "'",
                        "rename the place folder under content/ or the template that makes it");
            return false;
        }
    }
    if (files.empty()) return true;
    TreeWriter writer(work_ + "/new", out_);
    bool ok = writer.make_folder(name);
    for (const auto* f : files) {
        if (!ok) break;
        if (!is_safe_relative_path(f->path)) {
            diags.error({f->path, 0, 0}, "refusing to write outside the site folder",
                        "ids and template names must not contain '..' or start with '/'");
            return false;
        }
        ok = writer.write(name + "/" + f->path, f->bytes);
        if (!ok)
            diags.error({out_ + "/" + name + "/" + f->path, 0, 0},
                        std::string("cannot write file: ") + std::strerror(errno),
                        "check there is free disk space and that the output folder can be written");
    }
    return ok;
}

bool SiteUpdate::commit(OutFolder& out, diag::Diagnostics& diags, bool& refused) {
    const std::lock_guard<std::mutex> lock(*mutex_);
    refused = false;
    if (abandoned_) return false;
    for (const auto& name : staged_)
        if (!out.may_replace(name)) {
            diags.error({out_ + "/" + name, 0, 0},
                        "hwbgen did not make " + out_ + "/" + name + " and will not replace it; nothing was published",
                        "move it out of " + out_ + ", or give --out a folder of the site's own");
            refused = true;
            return false;
        }
    for (const auto& name : staged_) link_unchanged(work_ + "/new/" + name, out_ + "/" + name);
    std::string error;
    std::ostringstream journal;
    for (const auto& name : staged_) journal << name << " " << inode_of(work_ + "/new/" + name) << "\n";
    diag::Diagnostics write_diags;
    if (!out.record(staged_, error) || !replace_file(work_ + "/" + journal_name, journal.str(), write_diags)) {
        diags.error({out_, 0, 0}, error.empty() ? "cannot write the commit journal" : error,
                    "check there is free disk space and that the output folder can be written");
        return false;
    }
    return swap_all(diags);
}

// Swaps every staged entry in; when one fails, swaps back those already in, last first.
bool SiteUpdate::swap_all(diag::Diagnostics& diags) {
    std::vector<std::pair<std::string, Swap>> done;
    for (const auto& name : staged_) {
        const std::string fresh = work_ + "/new/" + name, target = out_ + "/" + name, old = work_ + "/old/" + name;
        Swap how = Swap::failed;
        if (done.size() == fail_swap_at_)
            errno = EIO;
        else
            how = swap_in(fresh, target, old);
        if (how != Swap::failed) {
            done.emplace_back(name, how);
            continue;
        }
        diags.error({target, 0, 0},
                    std::string("cannot replace the site: ") + std::strerror(errno) +
                        "; what was already replaced was put back",
                    "check the output folder and everything in it can be written");
        for (auto it = done.rbegin(); it != done.rend(); ++it)
            swap_back(it->second, work_ + "/new/" + it->first, out_ + "/" + it->first, work_ + "/old/" + it->first);
        ::unlink((work_ + "/" + journal_name).c_str());
        return false;
    }
    return true;
}

}  // namespace hwbgen::write
