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
const char* const format_line = "hwbgen build cache 2";

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

namespace {

std::string problem_text(const std::optional<load::FileProblem>& p) {
    return p ? p->path + '\n' + p->message + '\n' + p->hint + '\n' : "";
}

std::string problems_hash(const std::vector<load::FileProblem>& problems) {
    std::string joined;
    for (const auto& p : problems) joined += problem_text(p);
    return load::content_hash(joined);
}

}  // namespace

std::optional<load::FileProblem> RecordingTree::problem(const std::string& path) const {
    auto found = tree_.problem(path);
    note('p', path, load::content_hash(problem_text(found)));
    return found;
}

std::vector<load::FileProblem> RecordingTree::unusable_files(const std::string& dir) const {
    auto found = tree_.unusable_files(dir);
    note('u', dir, problems_hash(found));
    return found;
}

bool RecordingTree::has_entry(const std::string& path) const {
    const bool found = tree_.has_entry(path);
    note('e', path, found ? "1" : "0");
    return found;
}

std::string RecordingTree::hash_now(const load::ContentTree& tree, char kind, const std::string& path) {
    switch (kind) {
        case 'r': return read_hash(tree.read(path));
        case 'f': return listing_hash(tree.files(path));
        case 'd': return listing_hash(tree.folders(path));
        case 'p': return load::content_hash(problem_text(tree.problem(path)));
        case 'u': return problems_hash(tree.unusable_files(path));
        case 'e': return tree.has_entry(path) ? "1" : "0";
        default: return "?";  // a kind this hwbgen does not know: never matches
    }
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
    std::vector<RecordingTree::Read> listing, reads;  // finding the places; outside them
    std::vector<std::pair<std::string, std::string>> outputs;
    diag::Diagnostics diags;
    std::string progress, steps;
    std::vector<PlaceMemory> places;
};

namespace {

void add_warning(diag::Diagnostics& diags, const std::vector<std::string>& f) {
    diags.warning({f[1], std::atoi(f[2].c_str()), std::atoi(f[3].c_str())}, f[4], f[5]);
}

std::vector<std::string> split_lines(const std::string& joined) {
    std::vector<std::string> out;
    std::istringstream in(joined);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// A place's line: what the system page reads of it (see system_view) and its file count.
PlaceMemory place_from(const std::vector<std::string>& f) {
    PlaceMemory m;
    m.id = m.place.id = f[1];
    m.file_count = static_cast<size_t>(std::strtoull(f[2].c_str(), nullptr, 10));
    m.place.name = f[3];
    m.place.board = f[4];
    m.place.strategy = {f[5], f[6], f[7]};
    m.place.area_code = f[8];
    m.place.comparators = split_lines(f[9]);
    return m;
}

std::string place_line(const PlaceMemory& m) {
    std::string comparators;
    for (const auto& c : m.place.comparators) comparators += c + '\n';
    std::string line = "place";
    for (const std::string& field :
         {m.id, std::to_string(m.file_count), m.place.name, m.place.board, m.place.strategy.title,
          m.place.strategy.years, m.place.strategy.status, m.place.area_code, comparators})
        line += '\t' + escape(field);
    return line + '\n';
}

std::string warning_line(const char* kind, const diag::Diagnostic& d) {
    return std::string(kind) + "\t" + escape(d.pos.file) + "\t" + std::to_string(d.pos.line) + "\t" +
           std::to_string(d.pos.column) + "\t" + escape(d.message) + "\t" + escape(d.hint) + "\n";
}

}  // namespace

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
        PlaceMemory* place = entry->places.empty() ? nullptr : &entry->places.back();
        if (f[0] == "read" && f.size() == 4 && f[1].size() == 1)
            entry->reads.emplace_back(f[1][0], f[3], f[2]);
        else if (f[0] == "list-read" && f.size() == 4 && f[1].size() == 1)
            entry->listing.emplace_back(f[1][0], f[3], f[2]);
        else if (f[0] == "file" && f.size() == 3)
            entry->outputs.emplace_back(f[2], f[1]);
        else if (f[0] == "progress" && f.size() == 2)
            entry->progress = f[1];
        else if (f[0] == "steps" && f.size() == 2)
            entry->steps = f[1];
        else if (f[0] == "warning" && f.size() == 6)
            add_warning(entry->diags, f);
        else if (f[0] == "place" && f.size() == 10)
            entry->places.push_back(place_from(f));
        else if (f[0] == "place-read" && f.size() == 4 && f[1].size() == 1 && place)
            place->reads.emplace_back(f[1][0], f[3], f[2]);
        else if (f[0] == "place-warning" && f.size() == 6 && place)
            add_warning(place->diags, f);
        else
            ok = f[0] == "end" && f.size() == 1;  // anything else: a cache from elsewhere
        if (f[0] == "end") break;
    }
    if (ok && line == "end") last_ = std::move(entry);
}

BuildCache::~BuildCache() = default;

bool BuildCache::unchanged(const load::ContentTree& tree, const std::vector<RecordingTree::Read>& reads) const {
    for (const auto& [kind, path, hash] : reads) {
        auto [it, fresh] = now_.try_emplace({kind, path});
        if (fresh) it->second = RecordingTree::hash_now(tree, kind, path);
        if (it->second != hash) return false;
    }
    return true;
}

bool BuildCache::shared_unchanged(const load::ContentTree& tree, const std::string& steps) const {
    return last_ && !last_->reads.empty() && last_->steps == steps && unchanged(tree, last_->reads);
}

std::optional<PlaceMemory> BuildCache::unchanged_place(const std::string& id, const load::ContentTree& tree) const {
    const auto place = std::find_if(last_->places.begin(), last_->places.end(),
                                    [&](const PlaceMemory& m) { return m.id == id; });
    if (place == last_->places.end() || place->reads.empty() || !unchanged(tree, place->reads)) return std::nullopt;
    // Its output folder must hold exactly what that build left there.
    std::vector<std::pair<std::string, std::string>> was;
    const std::string prefix = id + "/";
    for (const auto& [path, stamp] : last_->outputs)
        if (path.compare(0, prefix.size(), prefix) == 0) was.emplace_back(path.substr(prefix.size()), stamp);
    auto now = output_files(out_ + "/" + id);
    std::sort(was.begin(), was.end());
    std::sort(now.begin(), now.end());
    if (was.empty() || was != now) return std::nullopt;
    return *place;
}

bool BuildCache::replay(const load::ContentTree& tree, std::ostream& out, std::ostream& err) const {
    if (!last_ || last_->reads.empty() || last_->outputs.empty() || !unchanged(tree, last_->listing) ||
        !unchanged(tree, last_->reads))
        return false;
    for (const auto& place : last_->places)
        if (!unchanged(tree, place.reads)) return false;
    for (const auto& [path, was] : last_->outputs) {
        struct stat st;
        if (lstat((out_ + "/" + path).c_str(), &st) != 0 || stamp(st) != was) return false;
    }
    out << last_->progress << std::flush;
    diag::Diagnostics diags = last_->diags;
    print_diagnostics(diags, tree, err);
    return true;
}

void BuildCache::save(const RecordingTree& listing, const RecordingTree& shared, const std::vector<PlaceMemory>& places,
                      const std::string& steps, const std::string& progress, const diag::Diagnostics& diags) const {
    // A failed build leaves the output as it was, so what the cache says of it still holds.
    if (binary_.empty() || diags.has_errors() || !own_folder()) return;
    std::ostringstream text;
    text << format_line << "\nbinary\t" << escape(binary_) << "\nkey\t" << escape(key_) << "\n";
    for (const auto& [kind, path, hash] : listing.reads())
        text << "list-read\t" << kind << "\t" << hash << "\t" << escape(path) << "\n";
    for (const auto& [kind, path, hash] : shared.reads())
        text << "read\t" << kind << "\t" << hash << "\t" << escape(path) << "\n";
    for (const auto& [path, was] : output_files(out_)) text << "file\t" << was << "\t" << escape(path) << "\n";
    for (const auto& d : diags.all()) text << warning_line("warning", d);
    text << "steps\t" << escape(steps) << "\n";
    for (const auto& place : places) {
        text << place_line(place);
        for (const auto& [kind, path, hash] : place.reads)
            text << "place-read\t" << kind << "\t" << hash << "\t" << escape(path) << "\n";
        for (const auto& d : place.diags.all()) text << warning_line("place-warning", d);
    }
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
