#include "cli/build_cache.hpp"

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/diagnostics_output.hpp"
#include "load/parse_cache.hpp"

namespace hwbgen::cli {

namespace {

const char* const cache_folder = ".hwbgen-cache";
const char* const format_line = "hwbgen build cache 1";

std::string listing_hash(const std::vector<std::string>& names) {
    std::string joined;
    for (const auto& n : names) joined += n + '\n';
    return load::content_hash(joined);
}

std::string read_hash(const std::optional<std::string>& bytes) { return bytes ? load::content_hash(*bytes) : "-"; }

std::string escape(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out;
}

std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    }
    return out;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    for (size_t at = 0;;) {
        const size_t tab = line.find('\t', at);
        out.push_back(unescape(line.substr(at, tab - at)));
        if (tab == std::string::npos) return out;
        at = tab + 1;
    }
}

std::string stamp(const struct stat& st) {
    return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino);
}

// Which hwbgen this is (a new build of the program may write different bytes), and which
// pandoc, if any, makes its Word documents.
std::string binary_identity() {
    struct stat st;
    if (stat("/proc/self/exe", &st) != 0) return "";
    std::string identity = std::to_string(st.st_dev) + ":" + stamp(st) + " pandoc:";
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && stat((dir + "/pandoc").c_str(), &st) == 0) return identity + dir + ":" + stamp(st);
    return identity + "none";
}

// Every regular file under `dir` with its size, modification time and inode.
std::vector<std::pair<std::string, std::string>> output_files(const std::string& dir) {
    static thread_local std::vector<std::pair<std::string, std::string>>* found = nullptr;
    static thread_local size_t prefix = 0;
    std::vector<std::pair<std::string, std::string>> out;
    found = &out;
    prefix = dir.size() + 1;
    nftw(
        dir.c_str(),
        [](const char* path, const struct stat* st, int type, FTW*) {
            const std::string relative = std::string(path).substr(std::min(prefix, std::strlen(path)));
            if (relative.rfind(".hwbgen-", 0) == 0) return type == FTW_D ? FTW_SKIP_SUBTREE : 0;  // lock, marker, work
            if (type == FTW_F && S_ISREG(st->st_mode)) found->emplace_back(relative, stamp(*st));
            return 0;
        },
        32, FTW_PHYS | FTW_ACTIONRETVAL);
    found = nullptr;
    return out;
}

bool is_real_folder(const std::string& path) {
    struct stat st;
    return lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

const char* const tag =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# hwbgen's build cache: what its last builds read and wrote. Safe to delete.\n";

// A folder hwbgen made for its cache: a real folder (not a link) with hwbgen's CACHEDIR.TAG.
bool is_ours(const std::string& folder) {
    if (!is_real_folder(folder)) return false;
    std::ifstream in(folder + "/CACHEDIR.TAG", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str() == tag;
}

}  // namespace

// Makes the cache folder, or finds the one hwbgen made; a folder of that name made by anyone
// else is left alone and the build goes without a cache.
bool BuildCache::own_folder() const {
    if (is_ours(folder_)) return true;
    if (mkdir(folder_.c_str(), 0755) != 0) return false;
    std::ofstream(folder_ + "/CACHEDIR.TAG", std::ios::binary) << tag;
    return is_ours(folder_);
}

std::vector<std::string> RecordingTree::files(const std::string& dir) const {
    auto names = tree_.files(dir);
    note('f', dir, listing_hash(names));
    return names;
}

std::vector<std::string> RecordingTree::folders(const std::string& dir) const {
    auto names = tree_.folders(dir);
    note('d', dir, listing_hash(names));
    return names;
}

std::optional<std::string> RecordingTree::read(const std::string& path) const {
    auto bytes = tree_.read(path);
    note('r', path, read_hash(bytes));
    return bytes;
}

void RecordingTree::note(char kind, const std::string& path, const std::string& hash) const {
    std::lock_guard<std::mutex> lock(mutex_);
    reads_.emplace(kind, path, hash);
}

std::vector<RecordingTree::Read> RecordingTree::reads() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return {reads_.begin(), reads_.end()};
}

struct BuildCache::Entry {
    std::vector<RecordingTree::Read> reads;
    std::vector<std::pair<std::string, std::string>> outputs;
    diag::Diagnostics diags;
    std::string progress;
};

BuildCache::BuildCache(const std::string& root, const std::string& out_dir, const std::string& key)
    : out_(out_dir), key_(key), binary_(binary_identity()) {
    folder_ = root + "/" + cache_folder;
    file_ = folder_ + "/build-" + load::content_hash(key).substr(0, 16) + ".txt";
    std::ifstream in(is_ours(folder_) ? file_ : std::string(), std::ios::binary);
    std::string line;
    if (binary_.empty() || !std::getline(in, line) || line != format_line) return;
    auto entry = std::make_unique<Entry>();
    bool ok = std::getline(in, line) && line == "binary\t" + escape(binary_) && std::getline(in, line) &&
              line == "key\t" + escape(key);
    while (ok && std::getline(in, line)) {
        const auto f = fields(line);
        if (f[0] == "read" && f.size() == 4 && f[1].size() == 1)
            entry->reads.emplace_back(f[1][0], f[3], f[2]);
        else if (f[0] == "file" && f.size() == 3)
            entry->outputs.emplace_back(f[2], f[1]);
        else if (f[0] == "progress" && f.size() == 2)
            entry->progress = f[1];
        else if (f[0] == "warning" && f.size() == 6)
            entry->diags.warning({f[1], std::atoi(f[2].c_str()), std::atoi(f[3].c_str())}, f[4], f[5]);
        else
            ok = f[0] == "end" && f.size() == 1;  // anything else: a cache from elsewhere
        if (f[0] == "end") break;
    }
    if (ok && line == "end") last_ = std::move(entry);
}

BuildCache::~BuildCache() = default;

bool BuildCache::replay(const load::ContentTree& tree, std::ostream& out, std::ostream& err) const {
    if (!last_ || last_->reads.empty() || last_->outputs.empty()) return false;
    for (const auto& [kind, path, hash] : last_->reads) {
        const std::string now = kind == 'r'   ? read_hash(tree.read(path))
                                : kind == 'f' ? listing_hash(tree.files(path))
                                              : listing_hash(tree.folders(path));
        if (now != hash) return false;
    }
    for (const auto& [path, was] : last_->outputs) {
        struct stat st;
        if (lstat((out_ + "/" + path).c_str(), &st) != 0 || stamp(st) != was) return false;
    }
    out << last_->progress << std::flush;
    diag::Diagnostics diags = last_->diags;
    print_diagnostics(diags, tree, err);
    return true;
}

void BuildCache::save(const RecordingTree& reads, const std::string& progress, const diag::Diagnostics& diags) const {
    // A failed build leaves the output as it was, so what the cache says of it still holds.
    if (binary_.empty() || diags.has_errors() || !own_folder()) return;
    std::ostringstream text;
    text << format_line << "\nbinary\t" << escape(binary_) << "\nkey\t" << escape(key_) << "\n";
    for (const auto& [kind, path, hash] : reads.reads())
        text << "read\t" << kind << "\t" << hash << "\t" << escape(path) << "\n";
    for (const auto& [path, was] : output_files(out_)) text << "file\t" << was << "\t" << escape(path) << "\n";
    for (const auto& d : diags.all())
        text << "warning\t" << escape(d.pos.file) << "\t" << d.pos.line << "\t" << d.pos.column << "\t"
             << escape(d.message) << "\t" << escape(d.hint) << "\n";
    text << "progress\t" << escape(progress) << "\nend\n";
    const std::string temp = file_ + ".tmp" + std::to_string(getpid());
    std::ofstream(temp, std::ios::binary | std::ios::trunc) << text.str();
    if (std::rename(temp.c_str(), file_.c_str()) != 0) std::remove(temp.c_str());
}

int TeeBuffer::overflow(int c) {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    copy_ += static_cast<char>(c);
    to_.put(static_cast<char>(c));
    return c;
}

std::streamsize TeeBuffer::xsputn(const char* s, std::streamsize n) {
    copy_.append(s, static_cast<size_t>(n));
    to_.write(s, n);
    return n;
}

int TeeBuffer::sync() {
    to_.flush();
    return 0;
}

}  // namespace hwbgen::cli
