#pragma once
// The templates a place is rendered with: the default theme under templates/, with any file
// the place overrides under content/<place>/templates/.
#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/content_tree.hpp"

namespace hwbgen::render::detail {

using View = kainjow::mustache::data;

struct Asset {
    std::string path;  ///< relative to the assets folder
    std::string bytes;
};

class Theme {
public:
    /// Parses every template once; syntax errors go to `diags` with the template's path.
    Theme(const load::ContentTree& tree, const std::string& place_id, diag::Diagnostics& diags);

    /// Renders "html/<kind>" or "markdown/<kind>". HTML templates escape {{values}}; Markdown
    /// templates do not, since their values are Markdown already.
    std::string render(const std::string& name, const View& view, diag::Diagnostics& diags) const;
    bool has(const std::string& name) const { return templates_.count(name) > 0; }
    const std::vector<Asset>& assets() const { return assets_; }

private:
    struct Template {
        std::string path;
        std::shared_ptr<kainjow::mustache::mustache> compiled;
    };
    void load_partials();
    void check_partials(diag::Diagnostics& diags);
    size_t expanded_template_size(const std::string& text) const;
    void load_folder(const std::string& folder, diag::Diagnostics& diags);
    static void collect_assets(const load::ContentTree& tree, const std::string& dir, const std::string& prefix,
                               std::set<std::string>& names);
    std::string source(const std::string& rel) const;

    const load::ContentTree* tree_;
    std::string override_root_;
    std::map<std::string, Template> templates_;
    std::map<std::string, std::string> partial_sources_;
    View partials_;  ///< for partial tags the expansion did not replace
    std::vector<Asset> assets_;
};

}  // namespace hwbgen::render::detail
