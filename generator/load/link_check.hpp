#pragma once
// Links in content: only https, http, mailto and relative addresses may reach a reader.
#include <optional>
#include <string>

namespace hwbgen::load {

/// A link or picture in a text that must not be published.
struct UnsafeLink {
    size_t offset = 0;    ///< where its address starts in the text
    std::string address;  ///< as written
    std::string message;  ///< lower-case, no full stop
    std::string hint;
};

/// The first unsafe link in `text`, read as Markdown: inline links and pictures `[x](url)`,
/// reference definitions `[x]: url`, autolinks `<url>`. An address is unsafe when, after
/// entities (`&#106;`), backslash escapes, control characters and spaces are taken out as a
/// browser would, its scheme is not https, http or mailto; a picture must also be a file of
/// the site (a relative path), so nothing is fetched or read from elsewhere.
std::optional<UnsafeLink> find_unsafe_link(const std::string& text);

/// Where the scheme of a bare "scheme://" at `colon` in `text` starts (GFM links those in plain
/// text whatever the scheme), or npos when no scheme letters come before it.
size_t bare_scheme_start(const std::string& text, size_t colon);

/// Whether a picture's `address` is a file of the site: relative, no scheme, and no ".." (nor
/// one written with entities or percent-encoding) to climb out of the place's folder.
bool is_site_file(const std::string& address);

/// Whether `address` may be published as a link (https, http, mailto or relative).
bool is_allowed_address(const std::string& address);

/// The scheme of `address` in lower case after removing what a browser ignores ("" when it
/// has none, "?" when entities hide it).
std::string scheme_of(const std::string& address);

/// Whether `address` is a web address a reader can follow: https:// or http:// and a host.
bool is_web_address(const std::string& address);

/// Whether `text` can be an email address in a mailto: link: one '@', no spaces, no
/// characters that would end the link or add headers.
bool is_email_address(const std::string& text);

}  // namespace hwbgen::load
