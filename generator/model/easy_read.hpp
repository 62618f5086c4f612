#pragma once
/// What the Easy Read checker and pages draw on beyond a place's own content: the word lists
/// written from the guidance (templates/easy-read/words.yaml) and the pictures to choose from.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace hwbgen::model {

/// A hard word or phrase and the plain words to use instead ("commissioning" -> "buying
/// services"). A single word also matches its usual endings (-s, -ed, -ing ...).
struct PlainWord {
    std::string word;
    std::string instead;
    diag::SourcePos pos;
};

/// The lists the Easy Read rules look words up in.
struct EasyReadWords {
    std::vector<PlainWord> jargon;            ///< rule `jargon`
    std::vector<PlainWord> idioms;            ///< rule `idiom`: figures of speech
    std::vector<std::string> accepted;        ///< never flagged as jargon or idiom
    std::vector<std::string> abbreviations;   ///< known capitals-only abbreviations (NHS, GP ...)
    std::vector<std::string> negative_words;  ///< unusual, uncommon ...: "not unusual" is a double negative
};

/// One picture a point may name: a drawn one, a place's own, or one from a symbol set.
struct Picture {
    std::string name;   ///< what content writes: `picture: hospital`
    std::string file;   ///< path in the project tree of its SVG
    std::string group;  ///< heading in the gallery ("People", "Feelings" ...)
    std::string shows;  ///< what it shows, a starting point for alt text
    int set = -1;       ///< index into EasyReadResources::sets; -1 for drawn or a place's own
};

/// An openly licensed symbol set, credited wherever one of its pictures is used.
struct PictureSet {
    std::string name;  ///< "OpenMoji"
    std::string credit, credit_url, licence, licence_url;
    std::string install_hint;  ///< how to install it when its files are missing
};

struct EasyReadResources {
    EasyReadWords words;
    std::vector<Picture> pictures;  ///< drawn pictures first, then each set's, by name within each
    std::vector<PictureSet> sets;
    /// The picture called `name`, or null.
    const Picture* find(const std::string& name) const {
        for (const auto& p : pictures)
            if (p.name == name) return &p;
        return nullptr;
    }
};

}  // namespace hwbgen::model
