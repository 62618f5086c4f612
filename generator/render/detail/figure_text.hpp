#pragma once
// Figures in prose, presented: each ((name)) in a cycle's Markdown replaced by its value, worded
// the GOV.UK way (see content/README.md): numerals, but "one", and a number that starts a
// sentence in words.
#include <string>
#include <string_view>

#include "derive/cycle_figures.hpp"

namespace hwbgen::render::detail {

/// `markdown` with every figure it cites replaced by the cycle's value, escaped as Markdown
/// text. With no figures (null) the text is returned as it is.
std::string with_figures(const std::string& markdown, const derive::CycleFigures* figures);

/// 3 -> "three", 21 -> "twenty-one", 123 -> "one hundred and twenty-three"; numerals from a
/// million.
std::string number_in_words(int n);
/// 1234 -> "1,234".
std::string number_in_digits(int n);
/// True when the text before `at` ends a sentence (or a paragraph, list item or heading starts).
bool starts_sentence(std::string_view text, size_t at);

}  // namespace hwbgen::render::detail
