#include "write/search_index.hpp"

#include <cstdlib>

#include "write/run_program.hpp"

namespace hwbgen::write {

std::string find_pagefind(const std::string& install_dir) {
    if (const char* given = std::getenv("HWBGEN_PAGEFIND"); given && *given) return find_program(given);
    // npm installs the binary for this machine beside the pagefind package; run it directly, so
    // building needs no Node.js.
    for (const char* arch : {"linux-x64", "linux-arm64"})
        for (const char* name : {"pagefind_extended", "pagefind"}) {
            std::string found = find_program(install_dir + "/@pagefind/" + arch + "/bin/" + name);
            if (!found.empty()) return found;
        }
    return find_program("pagefind");
}

bool index_for_search(const std::string& place_dir, const std::string& pagefind, const std::string& where,
                      diag::Diagnostics& diags) {
    const auto run = run_program({pagefind, "--site", place_dir, "--output-subdir", "pagefind", "--silent"}, 300);
    if (run.exit_code == 0) return true;
    diags.error({where, 0, 0},
                "could not build the search index: " + (run.timed_out ? "Pagefind took too long" : run.output),
                "build with --no-search to publish without search");
    return false;
}

}  // namespace hwbgen::write
