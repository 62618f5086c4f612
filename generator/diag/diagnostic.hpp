#pragma once
/// Diagnostics: problems found in the user's input, each with the place it was found.
#include <string>
#include <string_view>
#include <vector>

namespace hwbgen::diag {

/// A place in an input file; line and column are 1-based, 0 means "whole file".
struct SourcePos {
    std::string file;
    int line = 0;
    int column = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    SourcePos pos;
    std::string message;  ///< lower-case, no final full stop
    std::string hint;     ///< optional: how to fix it
};

/// Collects every problem a stage finds, so users see them all at once.
class Diagnostics {
public:
    void error(SourcePos pos, std::string message, std::string hint = {});
    void warning(SourcePos pos, std::string message, std::string hint = {});
    void add(Diagnostic d);
    void append(const Diagnostics& other);
    bool has_errors() const { return errors_ > 0; }
    int error_count() const { return errors_; }
    const std::vector<Diagnostic>& all() const { return list_; }
    /// Orders by file, line and column so output does not depend on thread timing.
    void sort();

private:
    std::vector<Diagnostic> list_;
    int errors_ = 0;
};

/// `file:line:column: error: message`, then the source line with a caret, then `hint: ...`.
/// `full_line`, the source line, may be empty when it is not available.
std::string format(const Diagnostic& d, std::string_view full_line);

/// The candidate closest to `word` by edit distance, or "" when none is close enough to
/// be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// Hint text for an unknown name: "did you mean 'x'?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace hwbgen::diag
