#pragma once
/// The hwbgen command line: its options and subcommands, and which command each runs.
#include <ostream>

namespace hwbgen::cli {

/// Parses `argv` and runs the command it names, writing to `out` and `err`. Returns the exit
/// code: 0 success, 1 problems in the content, 2 wrong command-line use (with CLI11's message
/// on `err`); `--help` and `--version` print to `out` and return 0.
int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace hwbgen::cli
