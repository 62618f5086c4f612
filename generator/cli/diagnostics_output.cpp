#include "cli/diagnostics_output.hpp"

#include <map>
#include <optional>
#include <ostream>

#include "load/source_text.hpp"

namespace hwbgen::cli {

void print_diagnostics(diag::Diagnostics& diags, const load::ContentTree& tree, std::ostream& err) {
    diags.sort();
    // Like a compiler's error limit: past this many, the rest are counted, not printed.
    constexpr size_t most_shown = 500;
    std::map<std::string, std::optional<std::string>> files;  // each file read once
    size_t shown = 0;
    for (const auto& d : diags.all()) {
        if (++shown > most_shown) break;
        std::string line;
        if (d.pos.line > 0) {
            auto it = files.find(d.pos.file);
            if (it == files.end()) it = files.emplace(d.pos.file, tree.read(d.pos.file)).first;
            if (it->second) line = load::printable_line(*it->second, d.pos.line);
        }
        err << diag::format(d, line);
    }
    if (diags.all().size() > most_shown)
        err << "... and " << diags.all().size() - most_shown << " more problems not shown\n";
}

}  // namespace hwbgen::cli
