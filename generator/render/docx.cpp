#include "render/docx.hpp"

#include "render/markdown.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

// POSIX asks programs to declare environ themselves; glibc's unistd.h happens to as well.
extern char** environ;  // NOLINT(readability-redundant-declaration)

namespace hwbgen::render {

namespace {

// Seconds since 1970 at midnight UTC of a yyyy-mm-dd date (Howard Hinnant's days_from_civil).
long epoch_of(const std::string& date) {
    if (date.size() != 10) return 0;
    int y = std::atoi(date.substr(0, 4).c_str());
    const int m = std::atoi(date.substr(5, 2).c_str()), d = std::atoi(date.substr(8, 2).c_str());
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (static_cast<long>(era) * 146097 + doe - 719468) * 86400L;
}

// A scratch folder removed with everything in it when the conversion ends.
class ScratchDir {
public:
    ScratchDir() {
        const char* tmp = std::getenv("TMPDIR");
        // mkdtemp replaces the six trailing X's with a unique suffix.
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/hwbgen-docx-" + std::string(6, 'X');
        if (mkdtemp(pattern.data())) path_ = pattern;
    }
    ~ScratchDir() {
        for (const char* name : {"/paper.md", "/paper.json", "/reference.docx", "/paper.docx"})
            std::remove((path_ + name).c_str());
        if (!path_.empty()) rmdir(path_.c_str());
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

bool write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return static_cast<bool>(out);
}

// Runs pandoc without a shell, so no file name or content is ever interpreted as a command.
// Runs pandoc with at most `cpu_seconds` of processor time: some Markdown (thousands of
// backticks or brackets in a row, quotes nested thousands deep) takes pandoc minutes and
// gigabytes, and a paper is content from anyone. Processor time, not wall time, so a busy
// machine does not fail a paper; the wall clock only backs it up.
int run_pandoc(std::vector<std::string> args, const std::string& date, int cpu_seconds, std::string& error) {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "SOURCE_DATE_EPOCH=", 18) != 0) env_strings.emplace_back(*e);
    env_strings.push_back("SOURCE_DATE_EPOCH=" + std::to_string(epoch_of(date)));
    std::vector<char*> argv, envp;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) {
        error = std::string("cannot run pandoc: ") + std::strerror(errno);
        return -1;
    }
    if (pid == 0) {  // only async-signal-safe calls from here to exec
        const rlimit cpu{rlim_t(cpu_seconds), rlim_t(cpu_seconds) + 1};
        setrlimit(RLIMIT_CPU, &cpu);
        execvpe("pandoc", argv.data(), envp.data());
        _exit(127);
    }
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20 * cpu_seconds);
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid || (done < 0 && errno != EINTR)) break;
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL)) {
        error = "pandoc needed more than " + std::to_string(cpu_seconds) +
                " s of processor time for a paper (text nested very deeply, or long runs of ` or [ ?)";
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        error = WIFEXITED(status) && WEXITSTATUS(status) == 127 ? "pandoc is not installed" : "pandoc failed";
        return -1;
    }
    return 0;
}

}  // namespace

std::optional<std::string> markdown_to_docx(const std::string& markdown, const std::string& reference_docx,
                                            const std::string& date, std::string& error, int cpu_seconds) {
    const ScratchDir dir;
    if (dir.path().empty()) {
        error = "cannot make a scratch folder for pandoc";
        return std::nullopt;
    }
    const std::string in = dir.path() + "/paper.md", ast = dir.path() + "/paper.json", out = dir.path() + "/paper.docx";
    if (!write_file(in, without_pictures(markdown))) {
        error = "cannot write pandoc's input";
        return std::nullopt;
    }
    // Two steps, so nothing outside the paper is ever read or fetched. Reading runs sandboxed
    // (--sandbox: no file or URL beyond the input); Debian 12's pandoc cannot write .docx
    // sandboxed (jgm/pandoc#8128), so the document it reads back holds no picture for the
    // writer to fetch: pictures were taken out above, and any left is refused here. Raw HTML
    // never reaches Word, as it never reaches the site.
    if (run_pandoc({"pandoc", "--sandbox",
                    "--from=markdown+lists_without_preceding_blankline-raw_html-raw_attribute-raw_tex-smart",
                    "--to=json", "--output=" + ast, in},
                   date, cpu_seconds, error) != 0)
        return std::nullopt;
    if (read_file(ast).find("\"t\":\"Image\"") != std::string::npos) {
        error = "the paper holds a picture hwbgen did not place, so it was not converted";
        return std::nullopt;
    }
    std::vector<std::string> args = {"pandoc", "--from=json", "--to=docx", "--output=" + out, ast};
    if (!reference_docx.empty()) {
        if (!write_file(dir.path() + "/reference.docx", reference_docx)) {
            error = "cannot write pandoc's reference document";
            return std::nullopt;
        }
        args.push_back("--reference-doc=" + dir.path() + "/reference.docx");
    }
    if (run_pandoc(args, date, cpu_seconds, error) != 0) return std::nullopt;
    return read_file(out);
}

namespace {

bool plain_file_name(const std::string& name) {
    if (name.empty() || name[0] == '.' || name.size() > 100) return false;
    for (const char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
    return true;
}

// The pictures written into the scratch folder, removed before the folder is.
struct WrittenPictures {
    std::vector<std::string> paths;
    ~WrittenPictures() {
        for (const auto& p : paths) std::remove(p.c_str());
    }
};

}  // namespace

std::optional<std::string> markdown_to_docx_with_pictures(const std::string& markdown,
                                                          const std::vector<DocxPicture>& pictures,
                                                          const std::string& reference_docx, const std::string& date,
                                                          std::string& error) {
    const ScratchDir dir;
    if (dir.path().empty()) {
        error = "cannot make a scratch folder for pandoc";
        return std::nullopt;
    }
    WrittenPictures written;
    for (const auto& picture : pictures) {
        const std::string path = dir.path() + "/" + picture.file_name;
        if (!plain_file_name(picture.file_name) || picture.file_name == "paper.md" ||
            picture.file_name == "paper.docx" || picture.file_name == "reference.docx") {
            error = "a picture's file name is not plain: " + picture.file_name;
            return std::nullopt;
        }
        written.paths.push_back(path);
        if (!write_file(path, picture.bytes)) {
            error = "cannot write a picture for pandoc";
            return std::nullopt;
        }
    }
    const std::string in = dir.path() + "/paper.md", out = dir.path() + "/paper.docx";
    std::vector<std::string> args = {"pandoc",          "--from=markdown-raw_html-raw_attribute-smart",
                                     "--to=docx",       "--resource-path=" + dir.path(),
                                     "--output=" + out, in};
    if (!reference_docx.empty()) {
        if (!write_file(dir.path() + "/reference.docx", reference_docx)) {
            error = "cannot write pandoc's reference document";
            return std::nullopt;
        }
        args.push_back("--reference-doc=" + dir.path() + "/reference.docx");
    }
    if (!write_file(in, markdown)) {
        error = "cannot write pandoc's input";
        return std::nullopt;
    }
    if (run_pandoc(args, date, 30, error) != 0) return std::nullopt;
    std::ifstream file(out, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

}  // namespace hwbgen::render
