#include "write/run_program.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <thread>

// POSIX asks programs to declare environ themselves; glibc's unistd.h happens to as well.
extern char** environ;  // NOLINT(readability-redundant-declaration)

namespace hwbgen::write {

namespace {

constexpr size_t kept_output = 4096;

bool executable(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

// Reads what the child wrote so far without blocking, keeping the end of it.
void drain(int fd, std::string& output) {
    char buffer[4096];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) {
        output.append(buffer, static_cast<size_t>(n));
        if (output.size() > 2 * kept_output) output.erase(0, output.size() - kept_output);
    }
}

}  // namespace

std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return executable(name) ? name : "";
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (size_t start = 0; start <= dirs.size();) {
        const size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = dirs.substr(start, end - start);
        if (!dir.empty() && executable(dir + "/" + name)) return dir + "/" + name;
        start = end + 1;
    }
    return "";
}

// hwbgen's environment with the variables `env` names replaced.
std::vector<std::string> environment(const std::vector<std::string>& env) {
    std::vector<std::string> all = env;
    for (char** e = environ; *e; ++e) {
        const std::string var = *e;
        bool replaced = false;
        for (const auto& given : env)
            replaced = replaced || var.compare(0, given.find('=') + 1, given, 0, given.find('=') + 1) == 0;
        if (!replaced) all.push_back(var);
    }
    return all;
}

ProgramRun run_program(const std::vector<std::string>& args, int timeout_seconds, const std::string& stdout_path,
                       const std::vector<std::string>& env) {
    ProgramRun run;
    int pipe_fds[2];
    if (args.empty() || pipe2(pipe_fds, O_CLOEXEC) != 0) return run;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (stdout_path.empty())
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    else
        posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);  // its own group, so a timeout ends its children too
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    argv.reserve(copy.size() + 1);
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings = environment(env);
    std::vector<char*> envp;
    envp.reserve(env_strings.size() + 1);
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(pipe_fds[1]);
    if (spawned != 0) {
        close(pipe_fds[0]);
        return run;
    }
    run.started = true;
    fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    int status = 0;
    for (;;) {
        drain(pipe_fds[0], run.output);
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) break;
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            run.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(-pid, SIGKILL);  // helpers a program left behind (chromium's zygotes) go with it
    drain(pipe_fds[0], run.output);
    close(pipe_fds[0]);
    if (run.output.size() > kept_output) run.output.erase(0, run.output.size() - kept_output);
    if (!run.timed_out && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    return run;
}

ScratchFolder::ScratchFolder(const std::string& name) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/hwbgen-" + name + "-" + std::string(6, 'X');
    if (mkdtemp(pattern.data())) path_ = pattern;
}

ScratchFolder::~ScratchFolder() {
    boost::system::error_code ignored;
    if (!path_.empty()) boost::filesystem::remove_all(path_, ignored);
}

}  // namespace hwbgen::write
