// templates/easy-read/: the word lists and picture sets behind the Easy Read checker and pages.
#include "load/detail/yaml_file.hpp"
#include "load/easy_read.hpp"

namespace hwbgen::load {

using detail::YamlMap;

namespace {

const char* const words_file = "templates/easy-read/words.yaml";
const char* const pictures_file = "templates/easy-read/pictures.yaml";
const char* const drawn_folder = "templates/assets/pictures";

std::vector<model::PlainWord> read_plain_words(const YamlMap& m, const char* key) {
    std::vector<model::PlainWord> out;
    for (const auto& w : m.maps(key)) {
        w.allow_only({"word", "instead"});
        out.push_back({w.text("word", true), w.text("instead", true), w.value_pos("word")});
    }
    return out;
}

void read_words(const ContentTree& tree, model::EasyReadWords& words, diag::Diagnostics& diags) {
    if (!tree.exists(words_file)) return;
    const auto file = detail::read_yaml(tree, words_file, diags);
    if (!file) return;
    const YamlMap m(file->context, file->root);
    m.allow_only({"jargon", "idioms", "accepted", "abbreviations", "negative_words"});
    words.jargon = read_plain_words(m, "jargon");
    words.idioms = read_plain_words(m, "idioms");
    words.accepted = m.texts("accepted");
    words.abbreviations = m.texts("abbreviations");
    words.negative_words = m.texts("negative_words");
}

// SVG files in `folder`, as pictures named after the file.
std::vector<model::Picture> svg_pictures(const ContentTree& tree, const std::string& folder, const std::string& group) {
    std::vector<model::Picture> out;
    for (const auto& f : tree.files(folder))
        if (f.size() > 4 && f.compare(f.size() - 4, 4, ".svg") == 0)
            out.push_back({f.substr(0, f.size() - 4), folder + "/" + f, group, "", -1});
    return out;
}

bool known(const std::vector<model::Picture>& pictures, const std::string& name) {
    for (const auto& p : pictures)
        if (p.name == name) return true;
    return false;
}

void read_set_pictures(const YamlMap& m, const std::string& folder, int set, model::EasyReadResources& out) {
    for (const auto& g : m.maps("groups")) {
        g.allow_only({"title", "pictures"});
        const std::string group = g.text("title", true);
        for (const auto& p : g.maps("pictures")) {
            p.allow_only({"name", "openmoji", "file", "shows"});
            const std::string name = p.text("name", true);
            std::string file = p.has("openmoji") ? p.text("openmoji") + ".svg" : p.text("file", true);
            if (file.find('/') != std::string::npos || file.find("..") != std::string::npos)
                p.error(p.value_pos("file"), "a picture's file is a name inside the set's folder",
                        "write just the file name, such as 1F3E5.svg");
            else if (known(out.pictures, name))
                p.error(p.value_pos("name"), "picture '" + name + "' is listed twice",
                        "give each picture its own name; drawn pictures in templates/assets/pictures/ come first");
            else
                out.pictures.push_back({name, folder + "/" + file, group, p.text("shows"), set});
        }
    }
}

void read_sets(const ContentTree& tree, model::EasyReadResources& out, diag::Diagnostics& diags) {
    if (!tree.exists(pictures_file)) return;
    const auto file = detail::read_yaml(tree, pictures_file, diags);
    if (!file) return;
    const YamlMap m(file->context, file->root);
    m.allow_only({"set", "folder", "credit", "credit_url", "licence", "licence_url", "install", "groups"});
    const std::string folder = m.text("folder", true);
    if (folder.rfind("templates/", 0) != 0 || folder.find("..") != std::string::npos) {
        m.error(m.value_pos("folder"), "a picture set's folder must be inside templates/",
                "install the set under templates/ (see templates/picture-sets/)");
        return;
    }
    out.sets.push_back({m.text("set", true), m.text("credit", true), m.text("credit_url"), m.text("licence", true),
                        m.text("licence_url"), m.text("install")});
    read_set_pictures(m, folder, static_cast<int>(out.sets.size() - 1), out);
}

}  // namespace

model::EasyReadResources load_easy_read_resources(const ContentTree& tree, diag::Diagnostics& diags) {
    model::EasyReadResources out;
    read_words(tree, out.words, diags);
    out.pictures = svg_pictures(tree, drawn_folder, "Drawn for hwbgen");
    read_sets(tree, out, diags);
    return out;
}

std::vector<model::Picture> place_pictures(const ContentTree& tree, const std::string& place_id) {
    return svg_pictures(tree, "content/" + place_id + "/templates/assets/pictures", "The place's own");
}

const model::Picture* find_picture(const std::vector<model::Picture>& own, const model::EasyReadResources& shared,
                                   const std::string& name) {
    for (const auto& p : own)
        if (p.name == name) return &p;
    return shared.find(name);
}

}  // namespace hwbgen::load
