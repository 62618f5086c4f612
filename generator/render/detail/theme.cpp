#include "render/detail/theme.hpp"

#include "render/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <optional>
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

// The names of the partials that `text` includes, in order.
std::vector<std::string> partial_tags(const std::string& text) {
    std::vector<std::string> names;
    for (size_t at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 3)) {
        const size_t close = text.find("}}", at);
        if (close == std::string::npos) break;
        std::string name = text.substr(at + 3, close - at - 3);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        names.push_back(name);
    }
    return names;
}

// A place's own partials are content too: one that includes itself would recurse until the
// stack runs out, and ones that each include another many times grow without bound. The size a
// partial reaches once expanded, or nullopt when it includes itself (`chain` then says how).
constexpr size_t partial_size_limit = size_t{1024} * 1024;

std::optional<size_t> expanded_size(const std::string& name, const std::map<std::string, std::string>& partials,
                                    std::map<std::string, size_t>& known, std::vector<std::string>& chain) {
    if (const auto k = known.find(name); k != known.end()) return k->second;
    if (std::find(chain.begin(), chain.end(), name) != chain.end()) {
        chain.push_back(name);
        return std::nullopt;
    }
    chain.push_back(name);
    const std::string& text = partials.at(name);
    size_t size = text.size();
    for (const auto& n : partial_tags(text)) {
        if (!partials.count(n)) continue;
        const auto inner = expanded_size(n, partials, known, chain);
        if (!inner) return std::nullopt;
        size = std::min(partial_size_limit + 1, size + *inner * 2);  // *2: indentation can double it
    }
    chain.pop_back();
    return known[name] = size;
}

// A partial's text with each line indented as its standalone tag was (Mustache's rule).
std::string indented(const std::string& text, const std::string& indent) {
    if (indent.empty()) return text;
    std::string out = indent;
    for (size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '\n' && i + 1 < text.size()) out += indent;
    }
    return out;
}

// Replaces every {{> name}} with the partial's text, so a page's template is parsed once
// rather than each partial again at every use. A tag alone on its line takes the whole line.
std::string expand_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                            int depth = 0) {
    if (depth > 8) return text;
    std::string out;
    size_t done = 0;
    for (size_t at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 3)) {
        const size_t close = text.find("}}", at);
        if (close == std::string::npos) break;
        std::string name = text.substr(at + 3, close - at - 3);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        const auto partial = partials.find(name);
        if (partial == partials.end()) continue;
        const size_t newline = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
        const size_t line_start = newline == std::string::npos ? 0 : newline + 1;
        const std::string before = text.substr(line_start, at - line_start);
        size_t after = close + 2;
        const bool standalone = line_start >= done && before.find_first_not_of(" \t") == std::string::npos &&
                                (after == text.size() || text[after] == '\n');
        const std::string body = expand_partials(partial->second, partials, depth + 1);
        if (standalone) {
            out += text.substr(done, line_start - done) + indented(body, before);
            if (after < text.size() && (body.empty() || body.back() != '\n')) out += '\n';
            after += after < text.size() ? 1 : 0;
        } else {
            out += text.substr(done, at - done) + body;
        }
        done = after;
        at = after >= 3 ? after - 3 : 0;
    }
    return out + text.substr(done);
}

// Compiled templates, shared by every place built with the same text: most places use the
// default theme, and parsing it once per build rather than once per place saves real time.
std::shared_ptr<mu::mustache> compiled(const std::string& text, bool markdown) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<mu::mustache>> cache;
    const std::lock_guard<std::mutex> lock(mutex);
    auto& entry = cache[(markdown ? "md\n" : "html\n") + text];
    if (!entry) {
        entry = std::make_shared<mu::mustache>(text);
        // Plain values in a Markdown page are escaped as Markdown, as HTML pages escape them as
        // HTML: a title can never turn into a link or a tag in the twin.
        if (markdown) entry->set_custom_escape(markdown_text);
    }
    return entry;
}

}  // namespace

Theme::Theme(const load::ContentTree& tree, const std::string& place_id, diag::Diagnostics& diags)
    : tree_(&tree), override_root_("content/" + place_id + "/templates/"), partials_(View::type::object) {
    load_partials();
    check_partials(diags);
    load_folder("html", diags);
    load_folder("markdown", diags);
    // Without the layouts nothing can be built: say so once, not once for every page.
    for (const char* layout : {"html/layout", "markdown/layout"})
        if (!templates_.count(layout)) {
            diags.error({"templates/" + std::string(layout) + extension, 0, 0}, "the theme has no page layout",
                        "run hwbgen in the project folder (the one holding templates/), or give --root");
            return;
        }
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

void Theme::load_partials() {
    std::set<std::string> names;
    for (const auto& n : tree_->files("templates/partials")) names.insert(n);
    for (const auto& n : tree_->files(override_root_ + "partials")) names.insert(n);
    for (const auto& n : names)
        if (is_template(n)) {
            partial_sources_[stem(n)] = source("partials/" + n);
            partials_.set(stem(n), partial_sources_[stem(n)]);
        }
}

// A partial that includes itself, or grows too large, is reported and left empty, so that
// rendering can go on to find other problems without recursing for ever.
void Theme::check_partials(diag::Diagnostics& diags) {
    std::map<std::string, size_t> known;
    for (const auto& [name, text] : partial_sources_) {
        std::vector<std::string> chain;
        const auto size = expanded_size(name, partial_sources_, known, chain);
        if (size && *size <= partial_size_limit) continue;
        const std::string rel = "partials/" + name + extension;
        const std::string path = tree_->exists(override_root_ + rel) ? override_root_ + rel : "templates/" + rel;
        std::string how;
        for (const auto& n : chain) how += (how.empty() ? "" : " -> ") + n;
        if (!size)
            diags.error({path, 0, 0}, "partial '" + name + "' includes itself (" + how + "), so it never ends",
                        "remove the {{> " + chain.back() + "}} tag from the partial that includes it");
        else
            diags.error({path, 0, 0},
                        "partial '" + name + "' grows over " + std::to_string(partial_size_limit / 1024 / 1024) +
                            " MiB once the partials it includes are put in",
                        "include each partial fewer times, or not from inside another");
        known[name] = 0;
        partial_sources_[name].clear();
        partials_.set(name, std::string());
    }
}

size_t Theme::expanded_template_size(const std::string& text) const {
    std::map<std::string, size_t> known;
    size_t size = text.size();
    for (const auto& n : partial_tags(text)) {
        if (!partial_sources_.count(n)) continue;
        std::vector<std::string> chain;
        size = std::min(partial_size_limit + 1,
                        size + expanded_size(n, partial_sources_, known, chain).value_or(0) * 2);
    }
    return size;
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
        const bool markdown = folder == "markdown";
        // Errors are found in the template as written, so their line and column are the user's.
        auto as_written = compiled(text, markdown);
        if (!as_written->is_valid()) {
            std::string message = as_written->error_message();
            const auto pos = error_pos(path, text, message);
            diags.error(pos, "template error: " + message, "check that every {{#section}} has a matching {{/section}}");
            templates_[folder + "/" + stem(n)] = {path, as_written};
            continue;
        }
        if (expanded_template_size(text) > partial_size_limit) {
            diags.error({path, 0, 0},
                        "template grows over " + std::to_string(partial_size_limit / 1024 / 1024) +
                            " MiB once its partials are put in",
                        "include each partial fewer times");
            templates_[folder + "/" + stem(n)] = {path, compiled("", markdown)};
            continue;
        }
        auto expanded = compiled(expand_partials(text, partial_sources_), markdown);
        templates_[folder + "/" + stem(n)] = {path, expanded->is_valid() ? expanded : as_written};
    }
}

std::string Theme::render(const std::string& name, const View& view, diag::Diagnostics& diags) const {
    const auto it = templates_.find(name);
    if (it == templates_.end()) {
        diags.error({"templates/" + name + extension, 0, 0}, "template not found", "restore it from the default theme");
        return {};
    }
    if (!it->second.compiled->is_valid()) return {};
    PartialContext ctx(&view, &partials_);
    std::string out = it->second.compiled->render(ctx);
    if (!it->second.compiled->is_valid())
        diags.error({it->second.path, 0, 0}, "template error: " + it->second.compiled->error_message());
    return out;
}

}  // namespace hwbgen::render::detail
