#include "cli/publish_steps.hpp"

#include "render/infographic.hpp"
#include "write/rasterise.hpp"
#include "write/run_program.hpp"
#include "write/search_index.hpp"

namespace hwbgen::cli {

PublishSteps find_publish_steps(bool want_pdfs, bool want_search, const std::string& root, diag::Diagnostics& diags) {
    PublishSteps steps;
    if (want_pdfs) {
        steps.print_tools = write::find_print_tools();
        steps.pdfs = steps.print_tools.ready();
        if (!steps.pdfs)
            diags.warning({"hwbgen", 0, 0}, "PDFs were not written: " + steps.print_tools.missing() + " not found",
                          "install them (apt-get install chromium qpdf), or build with --no-pdf to skip PDFs");
        // The infographic's PNG is a document for slides and social media, made with the PDFs.
        steps.rsvg_convert = write::find_program("rsvg-convert");
        if (steps.rsvg_convert.empty())
            diags.warning({"hwbgen", 0, 0}, "the infographic was written as SVG only, not PNG: rsvg-convert not found",
                          "install it (apt-get install librsvg2-bin), or build with --no-pdf to skip documents");
    }
    if (want_search) {
        steps.pagefind = write::find_pagefind(root);
        if (steps.pagefind.empty())
            diags.warning({"hwbgen", 0, 0}, "the search index was not written: Pagefind not found",
                          "run bash .ci/setup to install it, or build with --no-search");
    }
    return steps;
}

void finish_staged_place(const PublishSteps& steps, const std::string& staged_dir, const model::Place& place,
                         const std::vector<render::PrintJob>& jobs, diag::Diagnostics& diags) {
    const std::string where = "content/" + place.id + "/place.yaml";
    if (steps.pdfs && !write::print_documents(staged_dir, jobs, place.site_url, steps.print_tools, where, diags))
        return;
    if (!steps.rsvg_convert.empty() && !write::svg_to_png(steps.rsvg_convert, staged_dir, render::infographic_svg_path,
                                                          render::infographic_png_path, where, diags))
        return;
    if (!steps.pagefind.empty()) write::index_for_search(staged_dir, steps.pagefind, where, diags);
}

}  // namespace hwbgen::cli
