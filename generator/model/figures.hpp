#pragma once
/// Figures in prose: the names a cycle's text may cite, as `((red))`, `((red in cfp))`,
/// `((value of smoking-prevalence))` or `((red: commitment is/commitments are))`, and the
/// reading of that syntax. The brackets are GOV.UK Notify's placeholder style, which council
/// officers know; they mean nothing to Markdown or Mustache. `\((` writes the brackets as they are.
#include <string>
#include <string_view>
#include <vector>

namespace hwbgen::model {

/// What a figure name may be followed by: nothing, "in <section or sub-group>", or
/// "of <indicator>".
enum class FigureTarget { none, group, indicator };

/// One name of the catalogue.
struct FigureName {
    const char* name;
    FigureTarget target;  ///< `group` names may also be used without a target (the whole cycle)
    bool count;           ///< a number of things, which may take singular/plural words
    bool annual;          ///< over the year: only in annual cycles
    const char* meaning;  ///< for the documentation and hints
};

/// Every name a cycle's text may cite, in the order the documentation lists them.
const std::vector<FigureName>& figure_names();
/// The entry for `name` used with `preposition` ("", "in" or "of"): `period` is the meeting's
/// period alone and an indicator's with "of". Null when the name is unknown.
const FigureName* find_figure_name(std::string_view name, std::string_view preposition = {});
/// Every distinct name, for did-you-mean hints.
std::vector<std::string> figure_name_list();

/// One `((...))` found in a text. Offsets are bytes into the text it was found in.
struct FigureRef {
    size_t begin = 0;        ///< of "(("
    size_t end = 0;          ///< just after "))"
    size_t name_offset = 0;  ///< of the name itself
    std::string name;
    std::string preposition;  ///< "", "in" or "of"
    std::string target;       ///< the id after the preposition
    bool has_forms = false;   ///< written with ": singular/plural"
    std::string singular, plural;
    std::string problem;  ///< set when the brackets cannot be read: what is wrong
};

/// Every figure reference in `text`, in order. `((` must be followed by a lower-case letter and
/// closed by `))` on the same line; anything else (and `\((`) is ordinary text.
std::vector<FigureRef> find_figures(std::string_view text);

}  // namespace hwbgen::model
