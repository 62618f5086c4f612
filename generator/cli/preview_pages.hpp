#pragma once
// What `hwbgen serve` adds to the site: the reload script and the page that shows problems.
// The built site never carries either.
#include <string>
#include <vector>

#include "cli/preview_site.hpp"

namespace hwbgen::cli {

/// URLs the preview answers itself; no place can be called "_hwbgen" (not a slug).
inline const char* const preview_events_url = "/_hwbgen/events";
inline const char* const preview_problems_url = "/_hwbgen/problems";
inline const char* const preview_files_url = "/_hwbgen/files";

/// `html` with the reload script before its closing </body>: it listens to the server's
/// events and, when the page at its address has a new ETag (not `etag`), reloads it where the
/// reader had scrolled to.
std::string with_reload_script(const std::string& html, const std::string& etag);

/// The page shown instead of a page that cannot be built: every error, then every warning,
/// each with file:line:column, the source line with a marker under the column, and the hint.
/// `blocked` is false for the problems page asked for directly while the site builds.
std::string problems_page(const std::vector<PreviewProblem>& problems, bool blocked);

/// The Content-Type for a path of the built site, by its extension.
std::string content_type(const std::string& path);

}  // namespace hwbgen::cli
