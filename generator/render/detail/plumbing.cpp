#include "render/detail/plumbing.hpp"

namespace hwbgen::render::detail {

namespace {

std::string xml_escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string base_url(std::string url) {
    if (url.empty() || url.back() != '/') url += '/';
    return url;
}

std::string site_path(const std::string& url) {
    const size_t scheme = url.find("://");
    const size_t path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (path == std::string::npos) return "/";
    return base_url(url.substr(path, url.find_first_of("?#", path) - path));
}

std::string sitemap_xml(const std::string& base, const std::vector<std::string>& dirs) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& dir : dirs) xml += "<url><loc>" + xml_escape(base + dir) + "</loc></url>\n";
    return xml + "</urlset>\n";
}

std::string robots_txt(const std::string& base) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + base + "sitemap.xml\n";
}

std::string page_description(const model::Place& place) {
    std::string text = place.board + ": " + place.strategy.title;
    if (!place.strategy.years.empty()) text += " " + place.strategy.years;
    if (!place.vision.empty()) text += ". " + place.vision;
    return text;
}

View search_view(const std::vector<PageEntry>& pages) {
    View list{View::type::list};
    for (const auto& p : pages) {
        View v;
        v.set("title", p.title);
        v.set("url", p.url);
        v.set("within", p.within);
        v.set("has_within", !p.within.empty());
        list.push_back(v);
    }
    View v;
    v.set("pages", list);
    v.set("page_count", std::to_string(pages.size()));
    return v;
}

std::string css_string(const std::string& text) {
    static const char* hex = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&') {
            out += '\\';
            out += hex[u >> 4];
            out += hex[u & 15];
            out += ' ';
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace hwbgen::render::detail
