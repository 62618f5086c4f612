// content/system.yaml: optional, names the system on the page that lists every place.
#include "load/detail/yaml_file.hpp"
#include "load/system.hpp"

namespace hwbgen::load {

model::System load_system(const ContentTree& tree, diag::Diagnostics& diags) {
    model::System system;
    const std::string path = "content/system.yaml";
    if (!tree.has_entry(path)) return system;
    system.pos = {path, 0, 0};
    if (const auto file = detail::read_yaml(tree, path, diags)) {
        const detail::YamlMap m(file->context, file->root);
        m.allow_only({"name", "short_name", "intro"});
        system.pos = m.pos();
        const std::string name = m.text("name", true);
        if (!name.empty()) system.name = name;
        system.short_name = m.text("short_name");
        system.intro = m.text("intro");
    }
    return system;
}

}  // namespace hwbgen::load
