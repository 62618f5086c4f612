// The output folder under hostile and careless use: --out on the project or a folder of the
// user's, a build that fails half-way, builds at once, builds killed or stopped. Each test works
// in a sandbox folder and checks, by a snapshot of the whole sandbox, that nothing outside --out
// changed (and, where the build must not publish, nothing inside it either).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "e2e_support.hpp"

extern char** environ;

using namespace hwbgen::test;

namespace {

// Every entry under `dir` (folders, symlinks and files with their bytes), by relative path.
std::map<std::string, std::string> snapshot(const fs::path& dir, const std::string& skip = "") {
    std::map<std::string, std::string> entries;
    if (!fs::exists(dir)) return entries;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
        const std::string rel = fs::relative(it->path(), dir).generic_string();
        if (it->path().filename() == ".hwbgen-cache") {  // the project's build cache, hwbgen's own
            it.disable_recursion_pending();
            continue;
        }
        if (!skip.empty() && (rel == skip || rel.compare(0, skip.size() + 1, skip + "/") == 0)) {
            if (fs::is_directory(fs::symlink_status(it->path()))) it.disable_recursion_pending();
            continue;
        }
        const auto status = fs::symlink_status(it->path());
        if (fs::is_symlink(status))
            entries[rel] = "symlink to " + fs::read_symlink(it->path()).string();
        else if (fs::is_directory(status))
            entries[rel] = "folder";
        else
            entries[rel] = "file: " + read_file(it->path());
    }
    return entries;
}

size_t leftovers(const fs::path& out) {
    size_t n = 0;
    for (fs::directory_iterator it(out), end; it != end; ++it)
        n += it->path().filename().string().compare(0, 13, ".hwbgen-work-") == 0;
    return n;
}

// A sandbox folder S holding the project S/project (two places from the minimal fixture), an
// empty S/tmp given to hwbgen as TMPDIR, and S/people/home as HOME.
struct Sandbox {
    TempProject temp;
    fs::path s = fs::canonical(temp.root), project = s / "project", site = s / "site", tmp = s / "tmp";
    Sandbox() {
        copy_project(project, {"templates"});
        copy_tree(source_dir / "tests/fixtures/minimal", project);
        copy_tree(project / "content/minimal", project / "content/second");
        fs::create_directories(tmp);
        fs::create_directories(s / "people/home");
    }
};

struct Run {
    pid_t pid = -1;
    fs::path out, err;
    int code = -1;
    std::string stdout_text, stderr_text;
};

// Starts hwbgen (no shell) with TMPDIR and HOME inside the sandbox and `env` added.
Run start(const Sandbox& box, const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
    static int count = 0;
    Run run;
    run.out = box.s / ("run-" + std::to_string(count) + ".stdout");
    run.err = box.s / ("run-" + std::to_string(count++) + ".stderr");
    std::vector<std::string> all_args = {HWBGEN_BINARY};
    all_args.insert(all_args.end(), args.begin(), args.end());
    std::vector<std::string> all_env = {"TMPDIR=" + box.tmp.string(), "HOME=" + (box.s / "people/home").string()};
    for (char** e = environ; *e; ++e)
        if (std::string(*e).compare(0, 7, "TMPDIR=") != 0 && std::string(*e).compare(0, 5, "HOME=") != 0 &&
            !(std::string(*e).compare(0, 5, "PATH=") == 0 && !env.empty()))
            all_env.emplace_back(*e);
    all_env.insert(all_env.end(), env.begin(), env.end());
    std::vector<char*> argv, envp;
    for (auto& a : all_args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : all_env) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, run.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, run.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(posix_spawn(&run.pid, HWBGEN_BINARY, &actions, nullptr, argv.data(), envp.data()) == 0);
    posix_spawn_file_actions_destroy(&actions);
    return run;
}

Run& finish(Run& run) {
    int status = 0;
    while (waitpid(run.pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.stdout_text = read_file(run.out);
    run.stderr_text = read_file(run.err);
    fs::remove(run.out);
    fs::remove(run.err);
    return run;
}

Run run_build(const Sandbox& box, const std::vector<std::string>& args) {
    Run run = start(box, args);
    return finish(run);
}

std::vector<std::string> build_args(const Sandbox& box, const fs::path& out, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"build", "--quiet", "--root", box.project.string(), "--out", out.string()};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

// A pandoc that says it started (its process id in `ready`) and then hangs, so a test can stop
// hwbgen at a known point: in the middle of a build, with scratch files in its work folder.
void install_hanging_pandoc(const Sandbox& box) {
    write_file(box.s / "bin/pandoc", "#!/bin/sh\necho $$ > \"$HWBGEN_TEST_READY.$$\"\nexec sleep 20\n");
    fs::permissions(box.s / "bin/pandoc", fs::perms::owner_all);
}

// Waits until the hanging pandoc runs; returns the process ids of every copy started.
std::vector<pid_t> wait_for_pandoc(const Sandbox& box) {
    for (int i = 0; i < 400; ++i) {
        std::vector<pid_t> pids;
        for (fs::directory_iterator it(box.s), end; it != end; ++it)
            if (it->path().filename().string().compare(0, 6, "ready.") == 0) {
                const std::string text = read_file(it->path());
                if (!text.empty()) pids.push_back(std::atoi(text.c_str()));
            }
        if (!pids.empty()) return pids;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    FAIL("the stand-in pandoc never started");
    return {};
}

void stop_pandocs(const std::vector<pid_t>& pids) {
    for (const pid_t p : pids) ::kill(p, SIGKILL);
}

std::vector<std::string> hanging_env(const Sandbox& box) {
    return {"PATH=" + (box.s / "bin").string() + ":/usr/bin:/bin", "HWBGEN_TEST_READY=" + (box.s / "ready").string()};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("--out on the project, its sources, a folder holding them, home or / is refused", "[e2e][output]") {
    Sandbox box;
    fs::create_symlink(box.project / "content", box.s / "innocent-looking");
    const auto before = snapshot(box.s);
    const std::vector<std::pair<fs::path, std::string>> cases = {
        {box.project / "content", "it is the project's content folder"},
        {box.project / "content/minimal", "it lies inside the project's content folder"},
        {box.project / "templates", "it is the project's templates folder"},
        {box.project / "indicators", "it is the project's indicators folder"},
        {box.project / "indicators/data", "it lies inside the project's indicators folder"},
        {box.project / "templates/html", "it lies inside the project's templates folder"},
        {box.project, "it is the project folder"},
        {box.project / "site/..", "it is the project folder"},
        {box.s, "it holds the project folder"},
        {box.s / "innocent-looking", "it is the project's content folder"},
        {box.s / "people/home", "it is your home folder"},
        {box.s / "people", "it holds your home folder"},
        {"/", "it is the root of the file system"},
    };
    for (const auto& [out, why] : cases) {
        INFO(out);
        const Run r = run_build(box, build_args(box, out));
        CHECK(r.code == 2);
        CHECK(contains(r.stderr_text, "hwbgen: error: refusing to build into "));
        CHECK(contains(r.stderr_text, why));
        CHECK(contains(r.stderr_text, "\nhint: give --out a new or empty folder of the site's own"));
        CHECK(r.stdout_text.empty());
    }
    CHECK(snapshot(box.s) == before);
    CHECK_FALSE(fs::exists("/.hwbgen-lock"));
}

TEST_CASE("a full folder hwbgen did not make, like a home folder, is refused untouched", "[e2e][output]") {
    Sandbox box;
    const fs::path home = box.s / "someone";
    write_file(home / "leicester/budget.xlsx", "the user's own");
    write_file(home / "index.html", "the user's page");
    write_file(home / "assets/style.css", "the user's style");
    const auto before = snapshot(box.s);
    const Run r = run_build(box, build_args(box, home));
    CHECK(r.code == 2);
    CHECK(r.stderr_text == "hwbgen: error: " + home.string() +
                               " is not empty and was not made by hwbgen (it has no .hwbgen-site file); hwbgen "
                               "writes only into folders it made\n"
                               "hint: give --out a new or empty folder; if an older hwbgen built this site, delete "
                               "the folder and build again\n");
    CHECK(snapshot(box.s) == before);
}

TEST_CASE("in its own folder hwbgen replaces only what it made", "[e2e][output]") {
    Sandbox box;
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    write_file(box.site / "notes.txt", "kept beside the site");
    write_file(box.site / "leicester/mine.txt", "a folder of the user's");
    const auto site_before = snapshot(box.site);
    // A new place with the name of the user's folder: refused before anything is built.
    copy_tree(box.project / "content/minimal", box.project / "content/leicester");
    const auto outside_before = snapshot(box.s, "site");
    const Run r = run_build(box, build_args(box, box.site));
    CHECK(r.code == 2);
    CHECK(r.stderr_text == "hwbgen: error: hwbgen did not make " + box.site.string() +
                               "/leicester and will not replace it\nhint: move it out of " + box.site.string() +
                               ", or give --out a folder of the site's own\n");
    CHECK(snapshot(box.site) == site_before);
    CHECK(snapshot(box.s, "site") == outside_before);
    // Without that place, the build goes on and leaves the user's files alone.
    fs::remove_all(box.project / "content/leicester");
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    CHECK(read_file(box.site / "notes.txt") == "kept beside the site");
    CHECK(read_file(box.site / "leicester/mine.txt") == "a folder of the user's");
}

TEST_CASE("a build whose second place fails publishes nothing, whatever the jobs", "[e2e][output]") {
    Sandbox box;
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    const auto site_before = snapshot(box.site);
    // The first place and the system page would change; the second place is broken.
    const fs::path first = box.project / "content/minimal/place.yaml",
                   second = box.project / "content/second/place.yaml";
    write_file(first, "name: A Renamed Borough\n" + read_file(first).substr(read_file(first).find('\n') + 1));
    write_file(second, read_file(second) + "no_such_key: 1\n");
    const auto outside_before = snapshot(box.s, "site");
    for (const char* jobs : {"-j1", "-j2"}) {
        INFO(jobs);
        const Run r = run_build(box, build_args(box, box.site, {jobs}));
        CHECK(r.code == 1);
        CHECK(contains(r.stderr_text, "unknown field 'no_such_key'"));
        CHECK(contains(r.stderr_text, "1 error; the previous site was left as it was"));
        CHECK(snapshot(box.site) == site_before);  // the whole old site, byte for byte, nothing beside it
        CHECK(snapshot(box.s, "site") == outside_before);
    }
    CHECK(fs::is_empty(box.tmp));
}

TEST_CASE("unchanged files keep their modification time across builds", "[e2e][output]") {
    Sandbox box;
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    const auto page = box.site / "minimal/index.html", system = box.site / "index.html";
    const auto page_time = fs::last_write_time(page);
    const auto untouched_time = fs::last_write_time(box.site / "second/index.html");
    const auto bytes = read_file(page);
    const fs::path first = box.project / "content/minimal/place.yaml";
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    write_file(first, "name: A Renamed Borough\n" + read_file(first).substr(read_file(first).find('\n') + 1));
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    CHECK(read_file(box.site / "second/index.html").size() > 0);
    CHECK(fs::last_write_time(box.site / "second/index.html") == untouched_time);  // untouched place
    CHECK(read_file(page) != bytes);
    CHECK(fs::last_write_time(page) > page_time);  // changed page, new time
    CHECK(contains(read_file(system), "A Renamed Borough"));
}

TEST_CASE("builds at once into one folder take turns and never mix", "[e2e][output][lock]") {
    Sandbox box;
    // Two versions of the project; every page says which one built it.
    const fs::path other = box.s / "other";
    copy_tree(box.project, other);
    for (const auto& [root, name] : {std::pair{box.project, "First Version Borough"}, {other, "Other Version Borough"}})
        for (const char* place : {"minimal", "second"}) {
            const fs::path yaml = root / "content" / place / "place.yaml";
            write_file(yaml,
                       std::string("name: ") + name + "\n" + read_file(yaml).substr(read_file(yaml).find('\n') + 1));
        }
    for (const int builds : {2, 4}) {
        INFO(builds << " builds at once");
        fs::remove_all(box.site);
        std::vector<Run> runs;
        for (int i = 0; i < builds; ++i) {
            auto args = build_args(box, box.site, {"-j1"});
            if (i % 2) args[3] = other.string();
            runs.push_back(start(box, args));
        }
        for (auto& r : runs) {
            finish(r);
            INFO(r.stderr_text);
            CHECK(r.code == 0);
        }
        const bool other_won = contains(read_file(box.site / "index.html"), "Other Version Borough");
        for (const char* page : {"minimal/index.html", "second/index.html", "index.html"}) {
            INFO(page);
            CHECK(contains(read_file(box.site / page), "Other Version Borough") == other_won);
            CHECK(contains(read_file(box.site / page), "First Version Borough") == !other_won);
        }
        CHECK(leftovers(box.site) == 0);
        CHECK(fs::is_empty(box.tmp));
    }
}

TEST_CASE("a build waits for the one holding the lock, says which process, or gives up", "[e2e][output][lock]") {
    Sandbox box;
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    const auto before = snapshot(box.site);
    const int fd = ::open((box.site / ".hwbgen-lock").c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    const std::string holder = "(process " + std::to_string(::getpid()) + " holds " + box.site.string() +
                               "/.hwbgen-lock)";

    const Run gave_up = run_build(box, build_args(box, box.site, {"--wait", "1"}));
    CHECK(gave_up.code == 2);
    CHECK(contains(gave_up.stderr_text,
                   "hwbgen: waiting for another build into " + box.site.string() + " to finish " + holder));
    CHECK(contains(gave_up.stderr_text,
                   "hwbgen: error: another build into " + box.site.string() + " is still running (process " +
                       std::to_string(::getpid()) +
                       ") after waiting 1 s; nothing was written\n"
                       "hint: let it finish or stop it, then build again; --wait SECONDS waits longer\n"));
    CHECK(snapshot(box.site) == before);

    Run waits = start(box, build_args(box, box.site, {"--wait", "60"}));
    for (int i = 0; i < 200 && !contains(read_file(waits.err), "waiting"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    ::close(fd);  // releases the lock
    finish(waits);
    CHECK(waits.code == 0);
    CHECK(contains(waits.stderr_text, "waiting for another build into " + box.site.string() + " to finish " + holder));
}

TEST_CASE("a build stopped by SIGTERM or SIGINT removes its temporary files and keeps the old site",
          "[e2e][output][signals]") {
    Sandbox box;
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    install_hanging_pandoc(box);
    const fs::path first = box.project / "content/minimal/place.yaml";
    write_file(first, "name: A Renamed Borough\n" + read_file(first).substr(read_file(first).find('\n') + 1));
    const auto before = snapshot(box.s, "bin");
    for (const int signal : {SIGTERM, SIGINT}) {
        INFO("signal " << signal);
        Run r = start(box, build_args(box, box.site, {"-j1"}), hanging_env(box));
        const auto pandocs = wait_for_pandoc(box);
        CHECK(leftovers(box.site) == 1);  // stopped in the middle: the work folder is there
        ::kill(r.pid, signal);
        finish(r);
        stop_pandocs(pandocs);
        for (fs::directory_iterator it(box.s), end; it != end; ++it)
            if (it->path().filename().string().compare(0, 6, "ready.") == 0) fs::remove(it->path());
        CHECK(r.code == 128 + signal);
        CHECK(contains(r.stderr_text, "hwbgen: stopped by signal " + std::to_string(signal) +
                                          "; the build's temporary files were removed\n"));
        CHECK(leftovers(box.site) == 0);
        CHECK(snapshot(box.s, "bin") == before);  // old site as it was, TMPDIR empty, nothing new anywhere
    }
}

TEST_CASE("the build after one killed with SIGKILL clears its leftovers", "[e2e][output][signals]") {
    Sandbox box;
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    install_hanging_pandoc(box);
    Run r = start(box, build_args(box, box.site, {"-j1"}), hanging_env(box));
    const auto pandocs = wait_for_pandoc(box);
    ::kill(r.pid, SIGKILL);
    finish(r);
    stop_pandocs(pandocs);
    CHECK(r.code == 128 + SIGKILL);
    CHECK(leftovers(box.site) == 1);
    CHECK(fs::is_empty(box.tmp));  // even a killed build kept its scratch files out of TMPDIR

    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    CHECK(leftovers(box.site) == 0);
    const fs::path fresh = box.s / "fresh";
    REQUIRE(run_build(box, build_args(box, fresh)).code == 0);
    CHECK(read_tree(box.site) == read_tree(fresh));
}

TEST_CASE("a build writes nothing outside --out", "[e2e][output]") {
    Sandbox box;
    const auto before = snapshot(box.s);
    REQUIRE(run_build(box, build_args(box, box.site)).code == 0);
    CHECK(snapshot(box.s, "site") == before);
    const auto names = snapshot(box.site);
    CHECK(names.count(".hwbgen-site") == 1);
    CHECK(names.count(".hwbgen-lock") == 1);
    CHECK(leftovers(box.site) == 0);
    // A failed first build leaves not even the folder it made.
    const fs::path place = box.project / "content/second/place.yaml";
    write_file(place, read_file(place) + "no_such_key: 1\n");
    const auto before_failed = snapshot(box.s);
    CHECK(run_build(box, build_args(box, box.s / "new-site")).code == 1);
    CHECK(snapshot(box.s) == before_failed);
}

TEST_CASE("import-fingertips replaces only a download it wrote and nobody changed", "[e2e][output][indicators]") {
    Sandbox box;
    const fs::path source = source_dir /
                            "tests/fixtures/fingertips/eastmids_cooccurring_mh_substance_CountyUApre419.data.csv";
    const fs::path download = box.s / "download.csv", target = box.project / "indicators/data/download.csv";
    const auto import = [&] {
        return run_build(box, {"import-fingertips", download.string(), "--root", box.project.string()});
    };
    // A file of the user's with that name is never replaced.
    write_file(target, "the user's own file\n");
    write_file(download, read_file(source));
    Run r = import();
    CHECK(r.code == 1);
    CHECK(contains(r.stderr_text,
                   "indicators/data/download.csv already exists and import-fingertips did not "
                   "write it (or it was changed since); it was left as it was"));
    CHECK(read_file(target) == "the user's own file\n");
    // Once it wrote the file, a newer download of the same name replaces it.
    fs::remove(target);
    REQUIRE(import().code == 0);
    std::string newer = read_file(source);  // a newer download: one row fewer
    newer.erase(newer.rfind('\n', newer.size() - 2) + 1);
    write_file(download, newer);
    REQUIRE(import().code == 0);
    CHECK(read_file(target) == newer);
    // Changed by hand since: left alone.
    write_file(target, newer + "\n");
    CHECK(import().code == 1);
    CHECK(read_file(target) == newer + "\n");
}

TEST_CASE("new-cycle never writes through a symlinked cycles folder or over a cycle", "[e2e][output]") {
    Sandbox box;
    const fs::path cycles = box.project / "content/minimal/cycles";
    fs::rename(cycles, box.s / "elsewhere");
    fs::create_symlink(box.s / "elsewhere", cycles);
    const auto before = snapshot(box.s);
    Run r = run_build(box, {"new-cycle", "minimal", "2030-01", "--root", box.project.string()});
    CHECK(r.code == 1);
    // Either the loader refuses the link out of the project, or new-cycle refuses to write there.
    CHECK((contains(r.stderr_text, "content/minimal/cycles: error: cannot write the cycle there: it is not a folder") ||
           contains(r.stderr_text, "content/minimal/cycles: error: symbolic link to")));
    CHECK(snapshot(box.s) == before);
    fs::remove(cycles);
    fs::rename(box.s / "elsewhere", cycles);
    const std::string existing = read_file(cycles / "2024-06.yaml");
    r = run_build(box, {"new-cycle", "minimal", "2024-06", "--root", box.project.string()});
    CHECK(r.code == 1);
    CHECK(read_file(cycles / "2024-06.yaml") == existing);
    REQUIRE(run_build(box, {"new-cycle", "minimal", "2030-01", "--root", box.project.string()}).code == 0);
    CHECK(fs::exists(cycles / "2030-01.yaml"));
}
