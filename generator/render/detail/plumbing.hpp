#pragma once
// What a published site needs besides its pages: addresses under the place's site_url, the
// sitemap and robots.txt that search engines read, and a page's description for link previews.
#include <string>
#include <vector>

#include "model/strategy.hpp"
#include "render/detail/theme.hpp"

namespace hwbgen::render::detail {

/// "https://example.org/jhws" -> "https://example.org/jhws/".
std::string base_url(std::string url);
/// The path part of a site address, always ending in '/': "https://example.org/jhws" -> "/jhws/".
std::string site_path(const std::string& url);
/// The sitemap protocol's urlset, one <url> per page folder (relative to `base`), in page order.
std::string sitemap_xml(const std::string& base, const std::vector<std::string>& dirs);
/// Allows every crawler and names the sitemap.
std::string robots_txt(const std::string& base);
/// One plain sentence about the place's strategy, for link previews (Open Graph).
std::string page_description(const model::Place& place);

/// `text` as a quoted CSS string: quotes, backslashes, '<', '>', '&' and control characters
/// hex-escaped, so content cannot end the string or the <style> element it sits in.
std::string css_string(const std::string& text);

/// A page of the site as the list of every page shows it.
struct PageEntry {
    std::string title;
    std::string url;     ///< relative to the place's root
    std::string within;  ///< the page it sits under (a section, "Indicators"), "" at the top
};
/// The search page, which without JavaScript lists every page of the site.
View search_view(const std::vector<PageEntry>& pages);

}  // namespace hwbgen::render::detail
