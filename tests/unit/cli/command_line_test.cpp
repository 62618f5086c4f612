// The command line: wrong use is exit code 2 with a message, before anything is read or written.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "cli/command_line.hpp"

namespace {

struct Run {
    int code;
    std::string out, err;
};

// Runs the command line in-process. Every case here stops at parsing, so no project is needed.
Run run(std::vector<std::string> args) {
    args.insert(args.begin(), "hwbgen");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    const int code = hwbgen::cli::run_command_line(static_cast<int>(argv.size()), argv.data(), out, err);
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("no command is wrong use: exit 2, saying a command is needed", "[cli]") {
    const auto r = run({});
    CHECK(r.code == 2);
    CHECK(r.err.find("A subcommand is required") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("an unknown command or option is wrong use, with a pointer to --help", "[cli]") {
    const auto command = run({"biuld"});
    CHECK(command.code == 2);
    CHECK(command.err.find("Run with --help") != std::string::npos);
    const auto option = run({"build", "--no-such-option"});
    CHECK(option.code == 2);
    CHECK(option.err.find("--no-such-option") != std::string::npos);
    CHECK(run({"check", "--out", "x"}).code == 2);  // only build writes a site
}

TEST_CASE("an option's value must be of its kind", "[cli]") {
    const auto jobs = run({"build", "-j", "many"});
    CHECK(jobs.code == 2);
    CHECK(jobs.err.find("many") != std::string::npos);
    CHECK(run({"build", "--root"}).code == 2);  // a value is missing
    CHECK(run({"serve", "--port", "eighty"}).code == 2);
}

TEST_CASE("commands with required arguments refuse to run without them", "[cli]") {
    CHECK(run({"new-cycle"}).code == 2);
    CHECK(run({"new-cycle", "testshire"}).code == 2);
    CHECK(run({"updates"}).code == 2);
    CHECK(run({"updates", "export", "testshire"}).code == 2);
    CHECK(run({"updates", "import", "testshire", "2024-02"}).code == 2);
    CHECK(run({"indicators"}).code == 2);
    CHECK(run({"import-fingertips"}).code == 2);
}

TEST_CASE("files that must exist are checked before anything runs", "[cli]") {
    const auto r = run({"indicators", "/no/such/download.csv"});
    CHECK(r.code == 2);
    CHECK(r.err.find("/no/such/download.csv") != std::string::npos);
    CHECK(run({"import-fingertips", "/no/such/download.csv"}).code == 2);
}

TEST_CASE("help and version go to standard output with exit 0", "[cli]") {
    const auto help = run({"--help"});
    CHECK(help.code == 0);
    CHECK(help.err.empty());
    for (const char* command : {"build", "check", "serve", "new-cycle", "updates", "indicators", "import-fingertips"})
        CHECK(help.out.find(command) != std::string::npos);
    CHECK(help.out.find("Exit codes: 0 success, 1 problems in the content") != std::string::npos);
    const auto build_help = run({"build", "--help"});
    CHECK(build_help.code == 0);
    CHECK(build_help.out.find("--out") != std::string::npos);
    const auto version = run({"--version"});
    CHECK(version.code == 0);
    CHECK(version.out == "hwbgen 0.1.0\n");
}
