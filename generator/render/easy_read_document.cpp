// easy-read.docx: the Easy Read version as a Word document for checking groups, each point in
// a borderless two-column table with its picture left and its words right.
#include <set>

#include "load/easy_read.hpp"
#include "render/detail/easy_read_views.hpp"
#include "render/detail/views.hpp"
#include "render/docx.hpp"

namespace hwbgen::render::detail {

namespace {

// Plain text for Markdown: every ASCII punctuation mark escaped, so it reads as written.
std::string markdown_text(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        if (std::ispunct(static_cast<unsigned char>(c))) out += '\\';
        out += c;
    }
    return out;
}

// A point's Markdown in one table cell: on one line, its bars escaped, and no picture of its
// own (only pictures hwbgen resolved reach pandoc).
std::string cell_markdown(const std::string& md) {
    std::string out;
    for (size_t i = 0; i < md.size(); ++i) {
        const char c = md[i];
        if (c == '\n' || c == '\r')
            out += ' ';
        else if (c == '|')
            out += "\\|";
        else if (c == '!' && i + 1 < md.size() && md[i + 1] == '[')
            out += "\\!";
        else
            out += c;
    }
    return out;
}

class DocumentView {
public:
    DocumentView(const load::ContentTree& tree, const model::Place& place, const model::EasyReadResources& resources)
        : tree_(tree), resources_(resources), own_(load::place_pictures(tree, place.id)) {}

    View points(const std::vector<model::EasyReadPoint>& points) {
        View list = list_view();
        for (const auto& p : points) {
            View v;
            v.set("text", cell_markdown(p.text));
            const std::string file = picture_file(p.picture);
            set_text(v, "file", file);
            v.set("has_picture", !file.empty());
            v.set("alt", markdown_text(p.alt));
            list.push_back(v);
        }
        return list;
    }

    std::vector<DocxPicture>& pictures() { return pictures_; }

private:
    // "picture-hospital.svg", written once however many points show it.
    std::string picture_file(const std::string& name) {
        const auto* picture = name.empty() ? nullptr : load::find_picture(own_, resources_, name);
        if (!picture) return {};
        std::string file = "picture-" + name + ".svg";
        if (written_.count(file)) return file;
        auto bytes = tree_.read(picture->file);
        if (!bytes) return {};
        written_.insert(file);
        pictures_.push_back({file, std::move(*bytes)});
        return file;
    }

    const load::ContentTree& tree_;
    const model::EasyReadResources& resources_;
    std::vector<model::Picture> own_;
    std::set<std::string> written_;
    std::vector<DocxPicture> pictures_;
};

void set_points(View& v, DocumentView& doc, const std::string& name, const std::vector<model::EasyReadPoint>& points) {
    v.set(name, doc.points(points));
    v.set("has_" + name, !points.empty());
}

View document_view(DocumentView& doc, const model::Place& place, const model::EasyReadResources& resources,
                   const std::vector<model::Picture>& own) {
    View v;
    const auto& er = place.easy_read;
    v.set("title", markdown_text(er.title.empty() ? place.strategy.title : er.title));
    v.set("place_name", markdown_text(place.name));
    set_points(v, doc, "intro", er.intro);
    set_points(v, doc, "vision", er.vision);
    set_points(v, doc, "how_we_will_know", er.how_we_will_know);
    set_points(v, doc, "contact", er.contact);
    View sections = list_view();
    auto all = place_points(place);
    for (const auto& s : place.sections) {
        if (s.easy_read.empty()) continue;
        View sv;
        sv.set("title", markdown_text(s.title));
        sv.set("points", doc.points(s.easy_read));
        sections.push_back(sv);
        for (const auto* p : section_points(s)) all.push_back(p);
    }
    v.set("sections", sections);
    View words = list_view();
    for (const auto& g : place.glossary)
        if (!g.easy_read.empty()) {
            View w;
            w.set("term", markdown_text(g.abbreviation ? g.meaning : g.term));
            w.set("meaning", markdown_text(g.easy_read));
            words.push_back(w);
        }
    v.set("has_words", !words.is_empty_list());
    v.set("words", words);
    set_picture_credits(v, all, own, resources);
    return v;
}

// The latest meeting's date, so the document's stamp changes only with the content.
std::string document_date(const model::Place& place) {
    return place.cycles.empty() ? "2000-01-01" : place.cycles.back().date;
}

}  // namespace

void write_easy_read_document(const Theme& theme, const load::ContentTree& tree, const model::Place& place,
                              const model::EasyReadResources& resources, const std::string& reference_docx,
                              std::vector<OutputFile>& out, diag::Diagnostics& diags) {
    if (place.easy_read.empty() || !theme.has("markdown/easy-read-document")) return;
    DocumentView doc(tree, place, resources);
    const View view = document_view(doc, place, resources, load::place_pictures(tree, place.id));
    const std::string markdown = theme.render("markdown/easy-read-document", view, diags);
    std::string reference = reference_docx;
    for (const auto& path : {"content/" + place.id + "/templates/docx/easy-read-reference.docx",
                             std::string("templates/docx/easy-read-reference.docx")})
        if (const auto bytes = tree.read(path)) {
            reference = *bytes;
            break;
        }
    std::string error;
    if (auto docx = markdown_to_docx_with_pictures(markdown, doc.pictures(), reference, document_date(place), error))
        out.push_back({"easy-read/easy-read.docx", std::move(*docx)});
    else
        diags.warning({"content/" + place.id + "/place.yaml", 0, 0},
                      "the Easy Read version was written as web pages only, not Word: " + error,
                      "install pandoc (apt-get install pandoc) to get easy-read.docx");
}

}  // namespace hwbgen::render::detail
