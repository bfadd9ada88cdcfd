// The composer's language table (parse/language.cpp) and the two schemas
// describe the same elements, attributes and JSON keys.
#include "helpers.hpp"
#include "parse/element.hpp"
#include "parse/json_tree.hpp"
#include "parse/xml_reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace rampart;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void collect(const parse::Node& n, std::set<std::string>& attrs, std::set<std::string>& refs) {
    for (const auto& c : n.children) {
        if (c.name == "xs:attribute")
            attrs.insert(c.attr("name")->value);
        if (c.name == "xs:element" && c.attr("ref"))
            refs.insert(c.attr("ref")->value);
        collect(c, attrs, refs);
    }
}

} // namespace

TEST_CASE("system.xsd declares exactly the parser's elements and attributes", "[language]") {
    diag::Diagnostics d;
    auto xsd = parse::read_xml(slurp(test::kRoot + "/schemas/system.xsd"), 0, d);
    REQUIRE(xsd);
    std::set<std::string> declared;
    for (const auto& top : xsd->children) {
        if (top.name != "xs:element")
            continue;
        const std::string name = top.attr("name")->value;
        declared.insert(name);
        INFO("element " << name);
        const parse::ElementSpec& spec = parse::spec_of(name);
        REQUIRE(spec.name == name);
        std::set<std::string> attrs, refs;
        collect(top, attrs, refs);
        CHECK(attrs == std::set<std::string>(spec.attrs.begin(), spec.attrs.end()));
        std::set<std::string> children;
        for (const auto& c : spec.children)
            children.emplace(c.name);
        CHECK(refs == children);
    }
    for (const auto& spec : parse::language())
        CHECK(declared.count(std::string(spec.name)) == 1);
}

TEST_CASE("system.schema.json has exactly the parser's keys", "[language]") {
    const auto schema = nlohmann::json::parse(slurp(test::kRoot + "/schemas/system.schema.json"));
    const auto& defs = schema.at("$defs");
    for (const auto& spec : parse::language()) {
        const std::string name(spec.name);
        INFO("element " << name);
        REQUIRE(defs.contains(name));
        nlohmann::json def = defs.at(name);
        while (def.contains("$ref"))
            def = defs.at(def.at("$ref").get<std::string>().substr(8));
        std::set<std::string> keys;
        const nlohmann::json props = def.value("properties", nlohmann::json::object());
        for (auto it = props.begin(); it != props.end(); ++it)
            if (it.key() != "$schema")
                keys.insert(it.key());
        std::set<std::string> expected(spec.attrs.begin(), spec.attrs.end());
        for (const auto& c : spec.children)
            expected.emplace(c.many ? parse::json_list_key(c.name) : c.name);
        CHECK(keys == expected);
    }
}
