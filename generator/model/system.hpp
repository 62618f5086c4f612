#pragma once
/// The system: every place built together (an integrated care system's Health and Wellbeing
/// Boards, for example). Named by content/system.yaml, never by the program.
#include <string>

#include "diag/diagnostic.hpp"

namespace hwbgen::model {

struct System {
    diag::SourcePos pos;  ///< content/system.yaml; empty file name when the file is absent
    std::string name = "Health and Wellbeing Boards";
    std::string short_name;  ///< optional, e.g. the system's initials
    std::string intro;       ///< Markdown, optional
};

}  // namespace hwbgen::model
