#pragma once
// `hwbgen serve`: the site built in memory and served on this computer, rebuilt on every save.
#include <iosfwd>
#include <string>
#include <vector>

namespace hwbgen::cli {

struct ServeOptions {
    std::string root = ".";
    std::vector<std::string> places;  ///< default: every place, with the system page
    std::string host = "127.0.0.1";
    int port = 8080;  ///< 0: any free port (the address is printed)
    unsigned jobs = 0;
};

/// Builds the site in memory, serves it over HTTP (GET and HEAD) until Ctrl-C, and rebuilds
/// what each saved file affects. Writes nothing to disk. Returns 0 after Ctrl-C, 2 when the
/// address cannot be used (e.g. another serve holds the port) or a named place does not exist.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hwbgen::cli
