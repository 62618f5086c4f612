#pragma once
/// The steps that run on a place's staged site before it is swapped in: printing its PDFs and
/// indexing it for search. Each needs an outside program; a missing one is one warning per build.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/strategy.hpp"
#include "render/site.hpp"
#include "write/print_pdf.hpp"

namespace hwbgen::cli {

struct PublishSteps {
    bool pdfs = false;  ///< print PDFs (chromium, qpdf and fix-qdf found, not --no-pdf)
    write::PrintTools print_tools;
    std::string pagefind;      ///< the Pagefind program; empty: no search index
    std::string rsvg_convert;  ///< draws the infographic as a PNG (with the PDFs); empty: SVG only
};

/// Finds the programs the wanted steps need; warns once for each step that cannot run.
PublishSteps find_publish_steps(bool want_pdfs, bool want_search, const std::string& root, diag::Diagnostics& diags);

/// Runs the steps on the staged folder of `place`. Errors go to `diags`: the place is then not
/// to be published.
void finish_staged_place(const PublishSteps& steps, const std::string& staged_dir, const model::Place& place,
                         const std::vector<render::PrintJob>& jobs, diag::Diagnostics& diags);

}  // namespace hwbgen::cli
