// `hwbgen serve`: a real server on a free port, real edits to the files it watches.
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <regex>
#include <thread>
#include <utility>

#include "e2e_support.hpp"

extern char** environ;

using namespace hwbgen::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// hwbgen serve running in the background, its output in files under the project.
class Server {
public:
    Server(const fs::path& root, const std::vector<std::string>& extra = {}) : root_(root) {
        std::vector<std::string> args = {HWBGEN_BINARY, "serve", "--root", root.string(), "--port", "0", "-j", "2"};
        args.insert(args.end(), extra.begin(), extra.end());
        pid_ = spawn(args, root / ".serve-out", root / ".serve-err");
        for (int i = 0; i < 600 && port_ == 0; ++i) {
            std::smatch m;
            const std::string out = read_file(root / ".serve-out");
            if (std::regex_search(out, m, std::regex("serving the preview at http://127\\.0\\.0\\.1:([0-9]+)/")))
                port_ = std::stoi(m[1]);
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        REQUIRE(port_ != 0);
    }
    ~Server() {
        if (pid_ > 0) stop();
    }
    int port() const { return port_; }
    httplib::Result get(const std::string& path, const char* method = "GET") const {
        httplib::Client client("127.0.0.1", port_);
        if (std::string(method) == "HEAD") return client.Head(path.c_str());
        if (std::string(method) == "POST") return client.Post(path.c_str(), "x", "text/plain");
        return client.Get(path.c_str());
    }
    /// Asks until `ok` holds for the answer, for up to 10 s.
    template <class Check>
    std::string wait_for(const std::string& path, const Check& ok) const {
        std::string last;
        for (int i = 0; i < 1000; ++i) {
            if (const auto r = get(path)) {
                last = std::to_string(r->status) + "\n" + r->body;
                if (ok(r->status, r->body)) return r->body;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        FAIL("no answer as expected from " << path << "; the last was:\n" << last.substr(0, 2000));
        return {};
    }
    /// Ctrl-C; returns the exit code.
    int stop() {
        kill(pid_, SIGINT);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    /// The process, no longer stopped by this object.
    pid_t release() { return std::exchange(pid_, 0); }
    std::string out() const { return read_file(root_ / ".serve-out"); }
    std::string err() const { return read_file(root_ / ".serve-err"); }

    static pid_t spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        pid_t pid = 0;
        REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        return pid;
    }

private:
    fs::path root_;
    pid_t pid_ = 0;
    int port_ = 0;
};

// What serve adds to an HTML page, taken out again to compare with the built site.
std::string without_reload_script(const std::string& html) {
    const auto start = html.find("<script data-hwbgen-serve>");
    if (start == std::string::npos) return html;
    const auto end = html.find("</script>\n", start);
    return html.substr(0, start) + html.substr(end + 10);
}

// Saves the way many editors do: a temporary file, then a rename over the old one.
void save_through_temp(const fs::path& file, const std::string& bytes) {
    write_file(file.parent_path() / ("." + file.filename().string() + ".tmp-save"), bytes);
    fs::rename(file.parent_path() / ("." + file.filename().string() + ".tmp-save"), file);
}

const char* const section = "content/leicester/sections/02-healthy-minds.yaml";

}  // namespace

TEST_CASE("serve shows each saved edit, a mistake at its position, and the page again once fixed", "[e2e][serve]") {
    TempProject project;
    copy_project(project.root, {"templates", "indicators", "content"});
    Server server(project.root);
    const std::string page = "/leicester/sections/healthy-minds/";
    CHECK(contains(server.wait_for(page, [](int s, const std::string&) { return s == 200; }), "data-hwbgen-serve"));

    const fs::path file = project.root / section;
    const std::string original = read_file(file);
    save_through_temp(file, replace_once(original, "title: Healthy Minds", "title: Healthy Minds Edited Now"));
    server.wait_for(page,
                    [](int s, const std::string& b) { return s == 200 && contains(b, "Healthy Minds Edited Now"); });

    // An unknown indicator id: the page gives way to the problem, at its line and column.
    const std::string broken = replace_once(read_file(file), "      - imd-2015-score\n", "      - imd-2015-scor\n");
    int line = 1;
    for (size_t i = 0; i < broken.find("imd-2015-scor\n"); ++i) line += broken[i] == '\n';
    write_file(file, broken);
    const std::string where = std::string(section) + ":" + std::to_string(line) + ":9";
    const std::string problems = server.wait_for(page, [](int s, const std::string& b) {
        return s == 500 && contains(b, "imd-2015-scor");
    });
    CHECK(contains(problems, "<span class=\"where\">" + where + "</span>"));
    CHECK(contains(problems, "unknown indicator &#39;imd-2015-scor&#39;"));
    CHECK(contains(problems, "did you mean &#39;imd-2015-score&#39;?"));
    CHECK(contains(problems, "      - imd-2015-scor\n"));
    CHECK(contains(server.err(), where + ": error: unknown indicator 'imd-2015-scor'"));
    // Only that place gives way; the other keeps being shown.
    CHECK(server.get("/leicestershire/")->status == 200);

    save_through_temp(file, replace_once(broken, "imd-2015-scor\n", "imd-2015-score\n"));
    server.wait_for(page,
                    [](int s, const std::string& b) { return s == 200 && contains(b, "Healthy Minds Edited Now"); });

    // A place moved in as a whole folder (new subfolders and files at once) appears.
    copy_tree(project.root / "content/leicester", project.root / "moved-in");
    write_file(project.root / "moved-in/place.yaml",
               replace_once(read_file(project.root / "moved-in/place.yaml"), "name: ", "name: Moved In "));
    fs::rename(project.root / "moved-in", project.root / "content/moved-in");
    server.wait_for("/moved-in/", [](int s, const std::string& b) { return s == 200 && contains(b, "Moved In"); });
    server.wait_for("/", [](int s, const std::string& b) { return s == 200 && contains(b, "moved-in/"); });
    // ... and goes again when deleted.
    fs::remove_all(project.root / "content/moved-in");
    server.wait_for("/moved-in/", [](int s, const std::string&) { return s == 404; });

    SECTION("what it serves is byte for byte what a cold build writes") {
        server.wait_for("/", [](int s, const std::string& b) { return s == 200 && !contains(b, "moved-in/"); });
        const auto built = run_hwbgen("build --root " + project.root.string() + " --out " +
                                          (project.root / "out").string(),
                                      project.root);
        REQUIRE(built.code == 0);
        std::map<std::string, std::string> expected;
        for (auto& [path, bytes] : read_tree(project.root / "out"))
            if (path[0] != '.' && path.find("/.") == std::string::npos) expected[path] = std::move(bytes);
        REQUIRE(expected.size() > 200);
        std::string listed = server.get("/_hwbgen/files")->body;
        size_t served = 0;
        for (size_t at = 0, end; (end = listed.find('\n', at)) != std::string::npos; at = end + 1, ++served) {
            const std::string path = listed.substr(at, end - at);
            INFO(path);
            REQUIRE(expected.count(path));
            const auto r = server.get("/" + path);
            REQUIRE(r->status == 200);
            CHECK(without_reload_script(r->body) == expected[path]);
        }
        CHECK(served == expected.size());
    }
    CHECK(server.stop() == 0);
    CHECK(contains(server.out(), "stopped"));
}

TEST_CASE("serve answers only GET and HEAD, inside the site, with the right types", "[e2e][serve]") {
    TempProject project;
    copy_project(project.root, {"templates", "indicators", "content"});
    Server server(project.root);
    const auto head = server.get("/leicester/", "HEAD");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(head->get_header_value("ETag").size() == 34);
    CHECK(server.get("/leicester/", "POST")->status == 405);
    CHECK(server.get("/leicester/index.md")->get_header_value("Content-Type") == "text/markdown; charset=utf-8");
    CHECK(server.get("/leicester/assets/style.css")->get_header_value("Content-Type") == "text/css; charset=utf-8");
    CHECK(server.get("/leicester/sections/healthy-minds")->status == 301);
    for (const char* outside : {"/../content/system.yaml", "/leicester/../../etc/passwd", "/%2e%2e/content/system.yaml",
                                "/content/system.yaml", "/leicester//index.html"})
        CHECK(server.get(outside)->status == 404);
    // Nothing is written into the project.
    CHECK_FALSE(fs::exists(project.root / "site"));

    SECTION("a second serve on the same port stops with a clear message") {
        TempProject other;
        const auto second = run_hwbgen("serve --root " + project.root.string() + " --port " +
                                           std::to_string(server.port()),
                                       other.root);
        CHECK(second.code == 2);
        CHECK(contains(second.err, "the port is in use"));
        CHECK(contains(second.err, "hint: "));
    }
}

namespace {

// Every file under `dir` with its modification time and inode: "untouched" means all the same.
std::map<std::string, std::string> stamps(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
        struct stat st;
        if (lstat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode))
            out[fs::relative(it->path(), dir).generic_string()] = std::to_string(st.st_mtim.tv_sec) + "." +
                                                                  std::to_string(st.st_mtim.tv_nsec) + ":" +
                                                                  std::to_string(st.st_ino);
    }
    return out;
}

// Sends one SIGINT and waits for the exit; returns the seconds it took, or -1 after 20 s.
double interrupt_once(pid_t pid, int& code) {
    const auto start = std::chrono::steady_clock::now();
    kill(pid, SIGINT);
    for (;;) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(20)) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

// A project of `copies` places (copies of the example's leicester), and a site built of one.
void many_places(const fs::path& root, int copies) {
    copy_project(root, {"templates", "indicators", "content/leicester"});
    write_file(root / "content/system.yaml", read_file(source_dir / "content/system.yaml"));
    for (int i = 0; i < copies; ++i)
        copy_tree(root / "content/leicester", root / ("content/copy-" + std::to_string(i)));
    REQUIRE(run_hwbgen("build -q --root " + root.string() + " leicester", root).code == 0);
}

}  // namespace

TEST_CASE("one Ctrl-C stops serve promptly, whatever it is doing, and leaves the built site alone", "[e2e][serve]") {
    constexpr double prompt_s = 3;  // a place builds in tens of ms; the rest is the machine's load
    TempProject project;
    many_places(project.root, 30);
    const auto site_before = stamps(project.root / "site");
    REQUIRE(site_before.size() > 50);
    int code = -1;

    SECTION("during the first build") {
        const pid_t pid = Server::spawn({HWBGEN_BINARY, "serve", "--root", project.root.string(), "--port", "0"},
                                        project.root / ".serve-out", project.root / ".serve-err");
        for (int i = 0; i < 2000 && !contains(read_file(project.root / ".serve-out"), "building"); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const double took = interrupt_once(pid, code);
        INFO(read_file(project.root / ".serve-out") << read_file(project.root / ".serve-err"));
        CHECK(took >= 0);
        CHECK(took < prompt_s);
        CHECK(code == 0);
        CHECK(contains(read_file(project.root / ".serve-out"), "stopped\n"));
    }
    SECTION("while pages listen for reloads, and during a rebuild of every place") {
        Server server(project.root);
        // Two open pages' event streams, and a keep-alive connection.
        std::vector<std::thread> listeners;
        for (int i = 0; i < 2; ++i)
            listeners.emplace_back([port = server.port()] {
                httplib::Client client("127.0.0.1", port);
                client.set_read_timeout(30);
                client.Get("/_hwbgen/events", [](const char*, size_t) { return true; });
            });
        httplib::Client keep("127.0.0.1", server.port());
        keep.set_keep_alive(true);
        CHECK(keep.Get("/leicester/")->status == 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        const fs::path layout = project.root / "templates/html/layout.mustache";
        write_file(layout, read_file(layout) + "{{! a template change: every place is rebuilt }}");
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        const double took = interrupt_once(server.release(), code);
        for (auto& t : listeners) t.join();
        CHECK(took >= 0);
        CHECK(took < prompt_s);
        CHECK(code == 0);
        CHECK(contains(read_file(project.root / ".serve-out"), "stopped\n"));
    }
    CHECK(stamps(project.root / "site") == site_before);
}
