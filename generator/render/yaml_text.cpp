#include "render/yaml_text.hpp"

#include <cctype>

namespace hwbgen::render {

namespace {

// Characters a literal block cannot carry as they are: it would strip or re-indent them.
bool needs_quotes(const std::string& text) {
    if (text.front() == ' ' || text.front() == '\n' || text.front() == '\t') return true;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) return true;
    const size_t last = text.find_last_not_of('\n');
    return last != std::string::npos && text.size() - last > 2;  // more than one trailing newline
}

std::string plain_key(const std::string& key) {
    for (const char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return yaml_quoted(key);
    return key;
}

}  // namespace

std::string yaml_quoted(const std::string& text) {
    static const char* const hex = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
        } else if (u < 0x20 || u == 0x7f) {
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string yaml_block(const std::string& key, const std::string& text, const std::string& indent) {
    if (text.empty()) return indent + key + ": \"\"\n";
    if (needs_quotes(text)) return indent + key + ": " + yaml_quoted(text) + "\n";
    std::string body = text;
    while (!body.empty() && body.back() == '\n') body.pop_back();
    std::string out = indent + key + ": |\n" + indent + "  ";
    for (size_t i = 0; i < body.size(); ++i) {
        out += body[i];
        // Blank lines stay blank: no trailing spaces for editors to trip over.
        if (body[i] == '\n' && i + 1 < body.size() && body[i + 1] != '\n') out += indent + "  ";
    }
    return out + "\n";
}

std::string update_entry(const model::Update& u, const std::vector<std::string>& comments, const std::string& indent) {
    const std::string in = indent + "  ";
    std::string out = indent + "- item: " + u.item.id + "\n";
    for (const auto& c : comments) out += in + "# " + c + "\n";
    out += in + "rag: " + model::rag_id(u.rag) + "\n";
    if (u.example) out += in + "example: true\n";
    if (!u.update.empty()) out += yaml_block("update", u.update, in);
    if (!u.next_steps.empty()) out += yaml_block("next_steps", u.next_steps, in);
    if (!u.kpis.empty()) out += in + "kpis:\n";
    for (const auto& k : u.kpis) {
        out += in + "  - name: " + yaml_quoted(k.name) + "\n";
        if (!k.current.empty()) out += in + "    current: " + yaml_quoted(k.current) + "\n";
        if (!k.target.empty()) out += in + "    target: " + yaml_quoted(k.target) + "\n";
    }
    if (!u.plus_groups.empty()) out += in + "plus_groups:\n";
    for (const auto& g : u.plus_groups) out += yaml_block(plain_key(g.group.id), g.text, in + "  ");
    if (!u.risks.empty()) out += yaml_block("risks", u.risks, in);
    if (!u.escalation.empty()) out += yaml_block("escalation", u.escalation, in);
    return out;
}

}  // namespace hwbgen::render
