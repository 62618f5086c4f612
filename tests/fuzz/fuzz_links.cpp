// libFuzzer target: the link checker against cmark, the parser that renders the pages. Any text
// the checker passes must parse to links and pictures the allow-list accepts; and what the
// renderer makes of any text (HTML, Markdown twin, paper without pictures) must hold none of
// what the policy drops.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load/link_check.hpp"
#include "render/markdown.hpp"

namespace {

bool site_picture(const std::string& url) {
    return hwbgen::load::scheme_of(url).empty() && !url.empty() && url[0] != '/' && url[0] != '\\' &&
           url.find("..") == std::string::npos;
}

void require(bool ok) {
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    using namespace hwbgen;
    if (!load::find_unsafe_link(text)) {
        const auto reach = render::markdown_reach(text);
        for (const auto& url : reach.links) require(load::is_allowed_address(url));
        for (const auto& url : reach.pictures) require(load::is_allowed_address(url));
    }
    // Whatever the checker says, the twin is clean when read back by cmark.
    const auto twin = render::markdown_reach(render::markdown_twin(text));
    // cmark's own separator between two adjacent lists is the only HTML a re-rendered twin holds.
    for (const auto& html : twin.raw_html) require(html == "<!-- end list -->\n");
    for (const auto& url : twin.links) require(load::is_allowed_address(url));
    for (const auto& url : twin.pictures) require(site_picture(url));
    // Plain text escaped for a Markdown page never parses as a link, a picture or HTML.
    const auto plain = render::markdown_reach(render::markdown_text(text));
    // (GFM's own autolinks, www.x.org and a@b.org, stay: they are http and mailto.)
    for (const auto& url : plain.links) require(load::is_allowed_address(url));
    require(plain.pictures.empty());
    require(plain.raw_html.empty());
    // Papers go to pandoc without pictures; cmark agrees there are none left.
    require(render::markdown_reach(render::without_pictures(text)).pictures.empty());
    return 0;
}
