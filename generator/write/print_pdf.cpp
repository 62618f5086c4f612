#include "write/print_pdf.hpp"

#include <boost/filesystem.hpp>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "write/run_program.hpp"

namespace hwbgen::write {

namespace {

// Chromium gets a minute per document; a page that hangs it fails the build instead of hanging.
constexpr int print_timeout = 120;

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

bool write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return static_cast<bool>(out.flush());
}

// A path as chromium writes it in a file:// link: bytes outside the URL-safe set percent-encoded.
std::string file_url_path(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : path) {
        if (std::isalnum(c) || std::string("/-._~").find(static_cast<char>(c)) != std::string::npos) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// Splits "a/b/c/" into its folders.
std::vector<std::string> folders(const std::string& path) {
    std::vector<std::string> parts;
    std::string part;
    for (const char c : path) {
        if (c != '/') {
            part += c;
        } else if (!part.empty()) {
            parts.push_back(part);
            part.clear();
        }
    }
    if (!part.empty()) parts.push_back(part);
    return parts;
}

// `target` relative to the folder `from`; both absolute. A trailing '/' of target is kept.
std::string relative_to(const std::string& target, const std::string& from) {
    const auto t = folders(target), f = folders(from);
    size_t common = 0;
    while (common < t.size() && common < f.size() && t[common] == f[common]) ++common;
    std::string rel;
    for (size_t i = common; i < f.size(); ++i) rel += "../";
    for (size_t i = common; i < t.size(); ++i) rel += t[i] + (i + 1 < t.size() ? "/" : "");
    if (!target.empty() && target.back() == '/' && common < t.size()) rel += '/';
    return rel.empty() ? "./" : rel;
}

// Parentheses and backslashes end or escape a PDF string: escape them.
std::string pdf_string(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// Chromium's links carry the normal absolute path ("/a/site", never "./site" or "/a/./site").
std::string absolute(const std::string& path) {
    std::string normal = boost::filesystem::absolute(path).lexically_normal().string();
    while (normal.size() > 1 && (normal.back() == '/' || normal.back() == '.')) normal.pop_back();
    return normal;
}

// Chromium prints `url` to `pdf`; false when nothing came out.
bool chromium_print(const PrintTools& tools, const std::string& dir, const std::string& url, const std::string& pdf,
                    std::string& error) {
    // No network at all: every name fails to resolve and any address goes to a closed port.
    const auto printed = run_program(
        {tools.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-extensions", "--disable-sync", "--no-first-run", "--disable-component-update",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--user-data-dir=" + dir + "/profile",
         "--no-pdf-header-footer", "--generate-pdf-document-outline", "--print-to-pdf=" + pdf, url},
        print_timeout, "",
        // Chromium keeps caches and crash reports under the home folder: give it the scratch one.
        {"HOME=" + dir, "XDG_CONFIG_HOME=" + dir + "/config", "XDG_CACHE_HOME=" + dir + "/cache"});
    if (!read_bytes(pdf).empty()) return true;
    error = printed.timed_out ? "chromium took too long" : "chromium printed nothing";
    return false;
}

// A page with a contents list is printed twice: the first print tells on which page each part
// starts, the page is given those numbers, and the second print is the one kept. The numbers
// take no more lines than the empty places they fill, so no part moves.
bool number_contents(const PrintTools& tools, const std::string& dir, const std::string& page_path,
                     const std::string& url, std::string& error) {
    const std::string html = read_bytes(page_path);
    if (html.find(" data-page-of=\"") == std::string::npos) return true;
    const auto json = run_program({tools.qpdf, "--json=2", "--json-key=qpdf", "--json-key=pages", dir + "/raw.pdf"}, 60,
                                  dir + "/raw.json");
    if (json.exit_code != 0 && json.exit_code != 3) {
        error = "qpdf could not read chromium's PDF: " + json.output;
        return false;
    }
    const std::string numbered = fill_contents_pages(html, destination_pages(read_bytes(dir + "/raw.json")));
    if (!write_bytes(page_path, numbered)) {
        error = "cannot write the page's contents numbers";
        return false;
    }
    return chromium_print(tools, dir, url, dir + "/raw.pdf", error);
}

bool print_one(const std::string& place_dir, const render::PrintJob& job, const std::string& site_base,
               const PrintTools& tools, std::string& error) {
    const ScratchFolder scratch("print");
    if (scratch.path().empty()) {
        error = "cannot make a scratch folder for chromium";
        return false;
    }
    const std::string& dir = scratch.path();
    const std::string url = "file://" + file_url_path(place_dir + "/" + job.page);
    if (!chromium_print(tools, dir, url, dir + "/raw.pdf", error) ||
        !number_contents(tools, dir, place_dir + "/" + job.page, url, error))
        return false;
    const auto qdf = run_program({tools.qpdf, "--qdf", "--object-streams=disable", dir + "/raw.pdf", dir + "/qdf.pdf"},
                                 60);
    if (qdf.exit_code != 0 && qdf.exit_code != 3) {
        error = "qpdf could not read chromium's PDF: " + qdf.output;
        return false;
    }
    std::string bytes = read_bytes(dir + "/qdf.pdf");
    fix_pdf_dates(bytes, job.date);
    const std::string pdf_dir = place_dir + "/" + job.pdf.substr(0, job.pdf.rfind('/') + 1);
    bytes = rewrite_file_links(bytes, file_url_path(place_dir), file_url_path(pdf_dir), site_base);
    if (!write_bytes(dir + "/edited.pdf", bytes)) {
        error = "cannot write to the scratch folder";
        return false;
    }
    run_program({tools.fix_qdf, dir + "/edited.pdf"}, 60, dir + "/fixed.pdf");
    const auto done = run_program({tools.qpdf, "--deterministic-id", "--object-streams=generate",
                                   "--compress-streams=y", dir + "/fixed.pdf", place_dir + "/" + job.pdf},
                                  60);
    if (done.exit_code != 0 && done.exit_code != 3) {
        error = "qpdf could not finish the PDF: " + done.output;
        return false;
    }
    return true;
}

// The tag tree names its elements after DOM node numbers ("(node00000362)"), which shift with
// things outside the page (the folder's path). Numbered by rank instead, in the same order, the
// names stay sorted as the ID tree needs and the same page gives the same names.
void renumber_structure_ids(std::string& pdf) {
    static const std::string key = "(node";
    const auto id_at = [&](size_t at) -> long {
        if (at + key.size() + 9 > pdf.size() || pdf[at + key.size() + 8] != ')') return -1;
        for (size_t i = 0; i < 8; ++i)
            if (!std::isdigit(static_cast<unsigned char>(pdf[at + key.size() + i]))) return -1;
        return std::stol(pdf.substr(at + key.size(), 8));
    };
    std::set<long> ids;
    for (size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1))
        if (const long id = id_at(at); id >= 0) ids.insert(id);
    std::map<long, long> rank;
    for (const long id : ids) rank.emplace(id, static_cast<long>(rank.size()) + 1);
    for (size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
        const long id = id_at(at);
        if (id < 0) continue;
        std::string digits = std::to_string(rank[id]);
        pdf.replace(at + key.size(), 8, std::string(8 - digits.size(), '0') + digits);
    }
}

}  // namespace

std::string PrintTools::missing() const {
    std::string list;
    for (const auto& [name, path] :
         {std::pair<const char*, const std::string&>{"chromium", chromium}, {"qpdf", qpdf}, {"fix-qdf", fix_qdf}})
        if (path.empty()) list += (list.empty() ? "" : ", ") + std::string(name);
    return list;
}

PrintTools find_print_tools() {
    PrintTools tools;
    tools.chromium = find_program("chromium");
    if (tools.chromium.empty()) tools.chromium = find_program("chromium-browser");
    tools.qpdf = find_program("qpdf");
    tools.fix_qdf = find_program("fix-qdf");
    return tools;
}

std::map<std::string, int> destination_pages(const std::string& qpdf_json) {
    std::map<std::string, int> out;
    const auto doc = nlohmann::json::parse(qpdf_json, nullptr, false);
    if (doc.is_discarded() || !doc.contains("pages") || !doc.contains("qpdf") || doc["qpdf"].size() < 2) return out;
    std::map<std::string, int> page_of_object;
    for (const auto& page : doc["pages"])
        if (page.contains("object") && page.contains("pageposfrom1"))
            page_of_object[page["object"].get<std::string>()] = page["pageposfrom1"].get<int>();
    const auto& objects = doc["qpdf"][1];
    // The value of a direct object, or of the object a reference ("12 0 R") names.
    const auto value = [&](const nlohmann::json& v) -> const nlohmann::json* {
        if (v.is_string() && objects.contains("obj:" + v.get<std::string>())) {
            const auto& o = objects["obj:" + v.get<std::string>()];
            return o.contains("value") ? &o["value"] : nullptr;
        }
        return &v;
    };
    if (!objects.contains("trailer") || !objects["trailer"].contains("value")) return out;
    const auto* root = value(objects["trailer"]["value"].value("/Root", nlohmann::json()));
    if (!root || !root->is_object() || !root->contains("/Dests")) return out;
    const auto* dests = value((*root)["/Dests"]);
    if (!dests || !dests->is_object()) return out;
    for (const auto& [name, dest] : dests->items()) {
        const auto* array = value(dest);
        if (!array || !array->is_array() || array->empty() || !(*array)[0].is_string()) continue;
        const auto page = page_of_object.find((*array)[0].get<std::string>());
        if (page != page_of_object.end() && name.size() > 1) out[name.substr(1)] = page->second;  // drop the '/'
    }
    return out;
}

std::string fill_contents_pages(const std::string& html, const std::map<std::string, int>& pages) {
    static const std::string key = " data-page-of=\"";
    std::string out;
    size_t from = 0;
    for (size_t at; (at = html.find(key, from)) != std::string::npos;) {
        const size_t id_start = at + key.size(), id_end = html.find('"', id_start);
        if (id_end == std::string::npos) break;
        const std::string empty_end = "\"></span>";
        const auto page = pages.find(html.substr(id_start, id_end - id_start));
        out.append(html, from, id_end - from);
        from = id_end;
        if (page == pages.end() || html.compare(id_end, empty_end.size(), empty_end) != 0) continue;
        out += "\">" + std::to_string(page->second) + "</span>";
        from = id_end + empty_end.size();
    }
    out += html.substr(from);
    return out;
}

void fix_pdf_dates(std::string& pdf, const std::string& date) {
    std::string digits = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "000000";
    if (date.size() != 10 || digits.size() != 14) digits = "20000101000000";
    for (const char* key : {"/CreationDate (D:", "/ModDate (D:"}) {
        const std::string k = key;
        for (size_t at = pdf.find(k); at != std::string::npos; at = pdf.find(k, at + 1))
            if (at + k.size() + 14 <= pdf.size()) pdf.replace(at + k.size(), 14, digits);
    }
    renumber_structure_ids(pdf);
    // Chromium's random document id would otherwise seed qpdf's deterministic one.
    const size_t id = pdf.rfind("/ID [<");
    const size_t end = id == std::string::npos ? id : pdf.find(']', id);
    if (end != std::string::npos)
        for (size_t i = id + 5; i < end; ++i)
            if (std::isxdigit(static_cast<unsigned char>(pdf[i]))) pdf[i] = '0';
}

std::string rewrite_file_links(const std::string& pdf, const std::string& place_dir, const std::string& pdf_dir,
                               const std::string& site_base) {
    static const std::string key = "/URI (file://";
    std::string out;
    size_t from = 0;
    for (size_t at; (at = pdf.find(key, from)) != std::string::npos;) {
        const size_t start = at + key.size(), end = pdf.find(')', start);
        if (end == std::string::npos) break;
        std::string path = pdf.substr(start, end - start), fragment;
        if (const size_t hash = path.find('#'); hash != std::string::npos) {
            fragment = path.substr(hash);
            path.erase(hash);
        }
        const std::string inside = place_dir + "/";
        std::string target;
        if (!site_base.empty() && (path.rfind(inside, 0) == 0 || path + "/" == inside))
            target = site_base + (path.size() > inside.size() ? path.substr(inside.size()) : "");
        else
            target = relative_to(path, pdf_dir);
        out.append(pdf, from, at - from);
        out += "/URI (" + pdf_string(target + fragment) + ")";
        from = end + 1;
    }
    out += pdf.substr(from);
    return out;
}

bool print_documents(const std::string& place_dir, const std::vector<render::PrintJob>& jobs,
                     const std::string& site_url, const PrintTools& tools, const std::string& where,
                     diag::Diagnostics& diags) {
    std::string base = site_url;
    if (!base.empty() && base.back() != '/') base += '/';
    const std::string dir = absolute(place_dir);
    for (const auto& job : jobs) {
        std::string error;
        if (print_one(dir, job, base, tools, error)) continue;
        diags.error({where, 0, 0}, "could not print " + job.pdf + ": " + error,
                    "check that chromium runs (chromium --headless --version), or build with --no-pdf");
        return false;
    }
    return true;
}

}  // namespace hwbgen::write
