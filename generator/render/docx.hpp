#pragma once
/// Word documents, through pandoc (Debian's `pandoc`), for board papers councils circulate as .docx.
#include <optional>
#include <string>
#include <vector>

namespace hwbgen::render {

/// Converts (pandoc) Markdown to .docx bytes, styled by `reference_docx` (the bytes of a
/// reference document; empty for pandoc's own styles). `date` (yyyy-mm-dd) is stamped in the
/// document instead of the time of the build, so the same input gives the same bytes. Returns
/// nothing when pandoc is missing or fails, or needs more than `cpu_seconds` of processor
/// time, with the reason in `error`.
std::optional<std::string> markdown_to_docx(const std::string& markdown, const std::string& reference_docx,
                                            const std::string& date, std::string& error, int cpu_seconds = 30);

/// A picture for a document: a plain file name (letters, digits, '-', '.') the Markdown refers
/// to, and the bytes hwbgen resolved itself.
struct DocxPicture {
    std::string file_name;
    std::string bytes;
};

/// As markdown_to_docx, with `pictures` the Markdown may show (`![alt](file_name)`); pandoc is
/// given only these, in its scratch folder. Fails on a file name that is not plain.
std::optional<std::string> markdown_to_docx_with_pictures(const std::string& markdown,
                                                          const std::vector<DocxPicture>& pictures,
                                                          const std::string& reference_docx, const std::string& date,
                                                          std::string& error);

}  // namespace hwbgen::render
