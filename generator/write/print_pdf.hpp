#pragma once
/// Printing pages of a staged site as PDFs with Debian's chromium, made deterministic with qpdf:
/// tagged, titled, with the page's language, a bookmark outline from its headings, embedded
/// fonts, and the same bytes for the same pages.
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "render/site.hpp"

namespace hwbgen::write {

/// Where the programs printing needs are; a missing one is empty.
struct PrintTools {
    std::string chromium, qpdf, fix_qdf;
    bool ready() const { return !chromium.empty() && !qpdf.empty() && !fix_qdf.empty(); }
    /// The programs that are missing, for the warning: "chromium, qpdf".
    std::string missing() const;
};

/// Looks for chromium (or chromium-browser), qpdf and fix-qdf on PATH.
PrintTools find_print_tools();

/// Prints every job's page of the staged place folder `place_dir` to its PDF in the same folder.
/// Links to the site's own pages become `site_url` addresses, or with no site_url, addresses
/// relative to the PDF. A failure is an error at `where` (the place's place.yaml).
bool print_documents(const std::string& place_dir, const std::vector<render::PrintJob>& jobs,
                     const std::string& site_url, const PrintTools& tools, const std::string& where,
                     diag::Diagnostics& diags);

/// Page numbers of a PDF's named destinations (chromium names one after each element id that
/// a link points at), from qpdf's JSON of the PDF (`qpdf --json=2 --json-key=qpdf
/// --json-key=pages`): id -> page, counted from 1. Empty when the JSON cannot be read.
std::map<std::string, int> destination_pages(const std::string& qpdf_json);

/// Fills each contents entry's page number into the page's HTML: the empty element written as
/// `data-page-of="ID"></span>` gets the page of ID, when known.
std::string fill_contents_pages(const std::string& html, const std::map<std::string, int>& pages);

/// Sets the creation and modification dates chromium stamped to `date` (yyyy-mm-dd) and zeroes
/// its random document id, in place, keeping every byte offset.
void fix_pdf_dates(std::string& pdf, const std::string& date);

/// Rewrites each link to a local file (file://...) to an address relative to `pdf_dir`, or
/// under `site_base` for files inside `place_dir`. Paths are absolute and percent-encoded as
/// in the links.
std::string rewrite_file_links(const std::string& pdf, const std::string& place_dir, const std::string& pdf_dir,
                               const std::string& site_base);

}  // namespace hwbgen::write
