#pragma once
/// Rendering a place's whole site: every page as HTML with its Markdown twin, plus assets.
#include <string>
#include <vector>

#include "derive/indicator_figures.hpp"
#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"
#include "model/easy_read.hpp"
#include "model/strategy.hpp"

namespace hwbgen::render {

/// A file of the built site; `path` is relative to the place's output folder.
struct OutputFile {
    std::string path;
    std::string bytes;
};

/// A page of the built site to be printed as a PDF once the site is written.
struct PrintJob {
    std::string page;  ///< the HTML page, relative to the place's output folder
    std::string pdf;   ///< the PDF, relative to the place's output folder
    std::string date;  ///< yyyy-mm-dd: the PDF's creation and modification date
};

struct RenderOptions {
    bool pdfs = false;             ///< PDFs will be printed: pages link to them
    bool infographic_png = false;  ///< the infographic will be drawn as a PNG too: the home page links to it
};

/// Renders the place with its theme (templates/ and content/<place>/templates/), with the
/// Easy Read pictures of `easy_read` its points use and its Easy Read Word document. Template
/// problems go to `diags`. Files come back in a stable order.
std::vector<OutputFile> render_place(const load::ContentTree& tree, const model::Place& place,
                                     const std::vector<derive::IndicatorFigure>& figures,
                                     const model::EasyReadResources& easy_read, diag::Diagnostics& diags,
                                     const RenderOptions& options = {}, std::vector<PrintJob>* jobs = nullptr);

}  // namespace hwbgen::render
