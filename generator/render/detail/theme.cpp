#include "render/detail/theme.hpp"

#include <cctype>
#include <set>

namespace hwbgen::render::detail {

namespace mu = kainjow::mustache;

namespace {

const std::string extension = ".mustache";

bool is_template(const std::string& name) {
    return name.size() > extension.size() &&
           name.compare(name.size() - extension.size(), extension.size(), extension) == 0;
}

std::string stem(const std::string& name) { return name.substr(0, name.size() - extension.size()); }

// Partials come from the theme's own table, never from page data, so content cannot name one.
class PartialContext : public mu::context<std::string> {
public:
    PartialContext(const View* data, const View* partials) : mu::context<std::string>(data), partials_(partials) {}
    const View* get_partial(const std::string& name) const override { return partials_->get(name); }

private:
    const View* partials_;
};

std::string identity(const std::string& s) { return s; }

// kainjow reports "... at <offset>"; users need a line and column, and a message in our style.
diag::SourcePos error_pos(const std::string& path, const std::string& text, std::string& message) {
    const auto at = message.rfind(" at ");
    if (at == std::string::npos || message.find_first_not_of("0123456789", at + 4) != std::string::npos)
        return {path, 0, 0};
    const size_t offset = std::stoul(message.substr(at + 4));
    message.erase(at);
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i, ++column)
        if (text[i] == '\n') {
            ++line;
            column = 0;
        }
    return {path, line, column};
}

}  // namespace

Theme::Theme(const load::ContentTree& tree, const std::string& place_id, diag::Diagnostics& diags)
    : tree_(&tree), override_root_("content/" + place_id + "/templates/"), partials_(View::type::object) {
    load_folder("html", diags);
    load_folder("markdown", diags);
    load_folder("partials", diags);
    std::set<std::string> names;
    collect_assets(tree, "templates/assets", "", names);
    collect_assets(tree, override_root_ + "assets", "", names);
    for (const auto& n : names) assets_.push_back({n, source("assets/" + n)});
}

// Asset paths relative to the assets folder, including those in subfolders (pictures/...).
void Theme::collect_assets(const load::ContentTree& tree, const std::string& dir, const std::string& prefix,
                           std::set<std::string>& names) {
    for (const auto& n : tree.files(dir)) names.insert(prefix + n);
    for (const auto& f : tree.folders(dir)) collect_assets(tree, dir + "/" + f, prefix + f + "/", names);
}

// The place's own copy of a template wins over the default theme's.
std::string Theme::source(const std::string& rel) const {
    if (auto own = tree_->read(override_root_ + rel)) return *own;
    return tree_->read("templates/" + rel).value_or("");
}

void Theme::load_folder(const std::string& folder, diag::Diagnostics& diags) {
    std::set<std::string> names;
    for (const auto& n : tree_->files("templates/" + folder)) names.insert(n);
    for (const auto& n : tree_->files(override_root_ + folder)) names.insert(n);
    for (const auto& n : names) {
        if (!is_template(n)) continue;
        const std::string rel = folder + "/" + n;
        const std::string path = tree_->exists(override_root_ + rel) ? override_root_ + rel : "templates/" + rel;
        const std::string text = source(rel);
        if (folder == "partials") {
            partials_.set(stem(n), text);
            continue;
        }
        auto compiled = std::make_shared<mu::mustache>(text);
        if (!compiled->is_valid()) {
            std::string message = compiled->error_message();
            const auto pos = error_pos(path, text, message);
            diags.error(pos, "template error: " + message,
                        "check that every {{#section}} has a matching {{/section}}");
        }
        if (folder == "markdown") compiled->set_custom_escape(identity);
        templates_[folder + "/" + stem(n)] = {path, compiled};
    }
}

std::string Theme::render(const std::string& name, const View& view, diag::Diagnostics& diags) const {
    const auto it = templates_.find(name);
    if (it == templates_.end()) {
        diags.error({"templates/" + name + extension, 0, 0}, "template not found",
                    "restore it from the default theme");
        return {};
    }
    if (!it->second.compiled->is_valid()) return {};
    PartialContext ctx(&view, &partials_);
    const std::string out = it->second.compiled->render(ctx);
    if (!it->second.compiled->is_valid())
        diags.error({it->second.path, 0, 0}, "template error: " + it->second.compiled->error_message());
    return out;
}

}  // namespace hwbgen::render::detail
