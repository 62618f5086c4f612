// hwbgen's main(): the command line itself is in main.cpp, a library function unit tests call.
#include <exception>
#include <iostream>

#include "cli/command_line.hpp"

int main(int argc, char** argv) {
    // Every expected problem is reported by the stages with its position; this is for the
    // unexpected (out of memory, a library's own failure), said plainly rather than aborting.
    try {
        return hwbgen::cli::run_command_line(argc, argv, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "hwbgen: error: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "hwbgen: error: an unexpected failure\n";
    }
    return 1;
}
