#pragma once
/// Running an external program (chromium, qpdf, pagefind) on files hwbgen chose, without a shell.
#include <optional>
#include <string>
#include <vector>

namespace hwbgen::write {

/// The full path of `name` on PATH (or `name` itself when it holds a '/' and is executable);
/// empty when there is none.
std::string find_program(const std::string& name);

/// What a run came to. `started` is false when the program could not be run at all.
struct ProgramRun {
    bool started = false;
    bool timed_out = false;
    int exit_code = -1;  ///< -1 when killed by a signal
    std::string output;  ///< stdout and stderr together, cut to the last few kilobytes
};

/// Runs `args[0]` with `args` in its own process group, with standard input closed and output
/// captured, killing the whole group after `timeout_seconds`. `stdout_path`, when given,
/// receives standard output instead (stderr is still captured). `env` ("NAME=value") replaces
/// those variables of hwbgen's environment.
ProgramRun run_program(const std::vector<std::string>& args, int timeout_seconds, const std::string& stdout_path = "",
                       const std::vector<std::string>& env = {});

/// A scratch folder under $TMPDIR (or /tmp), removed with everything in it when destroyed.
class ScratchFolder {
public:
    explicit ScratchFolder(const std::string& name);
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    /// Empty when the folder could not be made.
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace hwbgen::write
