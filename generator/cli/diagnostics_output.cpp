#include "cli/diagnostics_output.hpp"

#include <ostream>

#include "load/source_text.hpp"

namespace hwbgen::cli {

void print_diagnostics(diag::Diagnostics& diags, const load::ContentTree& tree, std::ostream& err) {
    diags.sort();
    for (const auto& d : diags.all()) {
        std::string line;
        if (d.pos.line > 0)
            if (const auto bytes = tree.read(d.pos.file)) line = load::printable_line(*bytes, d.pos.line);
        err << diag::format(d, line);
    }
}

}  // namespace hwbgen::cli
