#pragma once
/// The content rules a lead's text must keep before it goes into a cycle file: Markdown only,
/// no raw HTML, links only to web and mail addresses.
#include <string>

namespace hwbgen::updates {

struct TextProblem {
    std::string message;  ///< empty when the text is fine
    std::string hint;
};

/// The first rule `text` breaks, if any.
TextProblem text_problem(const std::string& text);

}  // namespace hwbgen::updates
