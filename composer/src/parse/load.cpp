// Reading, tree building and model building, chained.
#include "parse/load.hpp"

#include "parse/build.hpp"
#include "parse/json_reader.hpp"
#include "parse/json_tree.hpp"
#include "parse/xml_reader.hpp"

#include <fstream>
#include <sstream>

namespace rampart::parse {

Syntax detect_syntax(std::string_view name, std::string_view text) {
    if (name.size() >= 5 && name.substr(name.size() - 5) == ".json")
        return Syntax::Json;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c == '{' ? Syntax::Json : Syntax::Xml;
    }
    return Syntax::Xml;
}

std::optional<model::System> parse_system(std::string name, std::string text,
                                          diag::SourceManager& sources, diag::Diagnostics& diags) {
    const Syntax syntax = detect_syntax(name, text);
    std::filesystem::path dir = std::filesystem::path(name).parent_path();
    const diag::FileId file = sources.add(std::move(name), std::move(text));
    const std::string& body = sources.text(file);
    std::optional<Node> root;
    if (syntax == Syntax::Xml) {
        root = read_xml(body, file, diags);
    } else if (auto json = read_json(body, file, diags)) {
        root = json_to_tree(*json, diags);
    }
    if (!root)
        return std::nullopt;
    model::System sys = build_system(*root, syntax, diags);
    sys.file = file;
    sys.directory = dir.empty() ? "." : dir.string();
    return sys;
}

std::optional<model::System> load_system(const std::filesystem::path& path,
                                         diag::SourceManager& sources, diag::Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in || std::filesystem::is_directory(path, ec)) {
        diags.error({}, "cannot read system file '" + path.string() + "'");
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_system(path.string(), buffer.str(), sources, diags);
}

} // namespace rampart::parse
