// The pictures of Easy Read: copied only where used, credited where shown, and listed in a
// gallery for the people who write Easy Read content.
#include "render/easy_read.hpp"

#include <algorithm>
#include <set>

#include "load/easy_read.hpp"
#include "render/detail/easy_read_views.hpp"
#include "render/detail/theme.hpp"
#include "render/detail/views.hpp"

namespace hwbgen::render {

using namespace detail;

namespace detail {

std::vector<const model::EasyReadPoint*> place_points(const model::Place& place) {
    std::vector<const model::EasyReadPoint*> out;
    const auto& er = place.easy_read;
    for (const auto* block : {&er.intro, &er.vision, &er.how_we_will_know, &er.contact})
        for (const auto& p : *block) out.push_back(&p);
    return out;
}

std::vector<const model::EasyReadPoint*> section_points(const model::Section& section) {
    std::vector<const model::EasyReadPoint*> out;
    for (const auto& p : section.easy_read) out.push_back(&p);
    return out;
}

void set_picture_credits(View& v, const std::vector<const model::EasyReadPoint*>& points,
                         const std::vector<model::Picture>& own, const model::EasyReadResources& resources) {
    std::set<int> used;  // -1: drawn for hwbgen; 0, 1 ...: a symbol set
    for (const auto* p : points) {
        if (p->picture.empty()) continue;
        const auto* picture = load::find_picture(own, resources, p->picture);
        const bool place_own = picture &&
                               std::any_of(own.begin(), own.end(), [&](const auto& o) { return &o == picture; });
        if (picture && !place_own) used.insert(picture->set);
    }
    View credits = list_view();
    for (const int set : used) {
        View c;
        c.set("drawn", set < 0);
        if (set >= 0) {
            const auto& s = resources.sets[static_cast<size_t>(set)];
            c.set("name", s.name);
            c.set("credit", s.credit);
            set_text(c, "credit_url", s.credit_url);
            c.set("licence", s.licence);
            set_text(c, "licence_url", s.licence_url);
        }
        credits.push_back(c);
    }
    v.set("credits", credits);
    v.set("has_credits", !used.empty());
}

}  // namespace detail

std::vector<OutputFile> easy_read_picture_files(const load::ContentTree& tree, const model::Place& place,
                                                const model::EasyReadResources& resources) {
    const auto own = load::place_pictures(tree, place.id);
    auto points = place_points(place);
    for (const auto& s : place.sections)
        for (const auto* p : section_points(s)) points.push_back(p);
    std::set<std::string> names;
    for (const auto* p : points)
        if (!p->picture.empty()) names.insert(p->picture);
    std::vector<OutputFile> out;
    for (const auto& name : names)
        if (const auto* picture = load::find_picture(own, resources, name))
            if (auto bytes = tree.read(picture->file))
                out.push_back({"assets/pictures/" + name + ".svg", std::move(*bytes)});
    return out;
}

namespace {

// Template sections that render nothing leave blank lines; Markdown needs at most one in a row.
std::string without_blank_runs(const std::string& md) {
    std::string out;
    size_t newlines = 0;
    for (const char c : md) {
        newlines = c == '\n' ? newlines + 1 : 0;
        if (newlines <= 2) out += c;
    }
    while (out.size() > 1 && out.back() == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

std::string group_id(const std::string& title) {
    std::string id;
    for (const char c : title)
        if (std::isalnum(static_cast<unsigned char>(c)))
            id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!id.empty() && id.back() != '-')
            id += '-';
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id.empty() ? "pictures" : id;
}

View gallery_view(const model::System& system, const model::EasyReadResources& resources,
                  const std::vector<const model::Picture*>& shown) {
    View v;
    v.set("system_name", system.name);
    v.set("root", "../");
    View groups = list_view();
    std::vector<std::string> order;
    for (const auto* p : shown)
        if (std::find(order.begin(), order.end(), p->group) == order.end()) order.push_back(p->group);
    for (const auto& title : order) {
        View g, pictures = list_view();
        g.set("title", title);
        g.set("id", group_id(title));
        for (const auto* p : shown) {
            if (p->group != title) continue;
            View pv;
            pv.set("name", p->name);
            set_text(pv, "shows", p->shows);
            pv.set("set", p->set >= 0 ? resources.sets[static_cast<size_t>(p->set)].name : std::string());
            pv.set("drawn", p->set < 0);
            pictures.push_back(pv);
        }
        g.set("pictures", pictures);
        groups.push_back(g);
    }
    v.set("groups", groups);
    v.set("count", std::to_string(shown.size()));
    View sets = list_view();
    for (const auto& s : resources.sets) {
        View sv;
        sv.set("name", s.name);
        sv.set("credit", s.credit);
        set_text(sv, "credit_url", s.credit_url);
        sv.set("licence", s.licence);
        set_text(sv, "licence_url", s.licence_url);
        sets.push_back(sv);
    }
    v.set("sets", sets);
    return v;
}

}  // namespace

std::vector<OutputFile> render_picture_gallery(const load::ContentTree& tree, const model::System& system,
                                               const model::EasyReadResources& resources, diag::Diagnostics& diags) {
    std::vector<OutputFile> out;
    const Theme theme(tree, ".system", diags);
    if (diags.has_errors() || !theme.has("html/picture-gallery")) return out;
    std::vector<const model::Picture*> shown;
    for (const auto& p : resources.pictures)
        if (auto bytes = tree.read(p.file)) {  // a set not installed shows nothing
            shown.push_back(&p);
            out.push_back({"assets/pictures/" + p.name + ".svg", std::move(*bytes)});
        }
    if (shown.empty()) return {};
    const View view = gallery_view(system, resources, shown);
    out.push_back(
        {"easy-read-pictures/index.md", without_blank_runs(theme.render("markdown/picture-gallery", view, diags))});
    out.push_back({"easy-read-pictures/index.html", theme.render("html/picture-gallery", view, diags)});
    return out;
}

}  // namespace hwbgen::render
