#pragma once
/// Word documents, through pandoc (Debian's `pandoc`), for board papers councils circulate as .docx.
#include <optional>
#include <string>

namespace hwbgen::render {

/// Converts (pandoc) Markdown to .docx bytes, styled by `reference_docx` (the bytes of a
/// reference document; empty for pandoc's own styles). `date` (yyyy-mm-dd) is stamped in the
/// document instead of the time of the build, so the same input gives the same bytes. Returns
/// nothing when pandoc is missing or fails, with the reason in `error`.
std::optional<std::string> markdown_to_docx(const std::string& markdown, const std::string& reference_docx,
                                            const std::string& date, std::string& error);

}  // namespace hwbgen::render
