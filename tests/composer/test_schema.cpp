// The JSON Schema validator, and the JSON examples and boards against
// schemas/system.schema.json and schemas/board.schema.json.
#include "helpers.hpp"
#include "schema/json_schema.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using nlohmann::json;
using rampart::schema::validate;

namespace {

json load(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in);
    return json::parse(in);
}

std::string describe(const std::vector<rampart::schema::Violation>& v) {
    std::string s;
    for (const auto& x : v)
        s += x.path + ": " + x.message + "\n";
    return s;
}

} // namespace

TEST_CASE("schema keywords", "[schema]") {
    const json schema = json::parse(R"({
      "$defs": { "n": { "type": "integer", "minimum": 1, "maximum": 9 } },
      "type": "object",
      "properties": {
        "a": { "$ref": "#/$defs/n" },
        "b": { "enum": ["x", "y"] },
        "c": { "type": "string", "pattern": "^[a-z]+$" },
        "d": { "type": "array", "items": { "type": "boolean" }, "minItems": 1, "maxItems": 2 },
        "e": { "oneOf": [ { "type": "integer" }, { "type": "number" } ] },
        "f": { "anyOf": [ { "type": "null" }, { "type": "string" } ] }
      },
      "required": ["a"],
      "additionalProperties": false
    })");
    CHECK(validate(schema, json::parse(R"({"a": 5, "b": "x", "c": "abc", "d": [true],
                                           "e": 1.5, "f": null})"))
              .empty());
    CHECK(validate(schema, json::parse(R"({})")).size() == 1);
    CHECK(validate(schema, json::parse(R"({"a": 10})")).size() == 1);
    CHECK(validate(schema, json::parse(R"({"a": "5"})")).size() == 1);
    CHECK(validate(schema, json::parse(R"({"a": 1, "b": "z"})")).size() == 1);
    CHECK(validate(schema, json::parse(R"({"a": 1, "c": "ABC"})")).size() == 1);
    CHECK(validate(schema, json::parse(R"({"a": 1, "d": []})")).size() == 1);
    CHECK(validate(schema, json::parse(R"({"a": 1, "d": [true, false, true]})")).size() == 1);
    CHECK(validate(schema, json::parse(R"({"a": 1, "d": [1]})")).size() == 1);
    CHECK(validate(schema, json::parse(R"({"a": 1, "e": 2})")).size() == 1); // both match
    CHECK(validate(schema, json::parse(R"({"a": 1, "f": 3})")).size() == 1);
    auto extra = validate(schema, json::parse(R"({"a": 1, "zz": 0})"));
    REQUIRE(extra.size() == 1);
    CHECK(extra[0].message == "property 'zz' is not allowed");
}

TEST_CASE("violations carry JSON pointers; bad schemas are reported", "[schema]") {
    const json schema = json::parse(R"({"properties": {"a": {"items": {"type": "string"}}}})");
    auto v = validate(schema, json::parse(R"({"a": ["x", 1]})"));
    REQUIRE(v.size() == 1);
    CHECK(v[0].path == "/a/1");
    CHECK(validate(json::parse(R"({"frobnicate": 1})"), 1)[0].message ==
          "unsupported schema keyword 'frobnicate'");
    CHECK(validate(json::parse(R"({"$ref": "#/$defs/missing"})"), 1)[0].message ==
          "unresolved $ref \"#/$defs/missing\"");
}

TEST_CASE("the JSON examples conform to system.schema.json", "[schema][examples]") {
    const json schema = load(rampart::test::kRoot + "/schemas/system.schema.json");
    int count = 0;
    for (const auto& e :
         std::filesystem::directory_iterator(rampart::test::kRoot + "/tests/composer/examples")) {
        if (e.path().extension() != ".json")
            continue;
        INFO(e.path());
        auto v = validate(schema, load(e.path().string()));
        INFO(describe(v));
        CHECK(v.empty());
        ++count;
    }
    CHECK(count >= 1);
}

TEST_CASE("system.schema.json rejects what the front end rejects", "[schema]") {
    const json schema = load(rampart::test::kRoot + "/schemas/system.schema.json");
    const char* bad[] = {
        R"({"protection_domain": []})",
        R"({"protection_domains": [{"name": "a"}]})",
        R"({"protection_domains": [{"name": "a", "program_image": {"path": "x"}, "priorty": 1}]})",
        R"({"protection_domains": [{"name": "a", "program_image": {"path": "x"}, "passive": "true"}]})",
        R"({"memory_regions": [{"name": "r", "size": "0xZZ"}]})",
        R"({"memory_regions": [{"name": "r", "size": -1}]})",
        R"({"memory_regions": [{"name": "r"}]})",
        R"({"memory_regions": [{"name": "r", "size": 4096, "page_size": 8192}]})",
        R"({"channels": [{"ends": [{"pd": "a", "id": 1}]}]})",
        R"({"protection_domains": [{"name": "a", "program_image": {"path": "x"},
             "maps": [{"mr": "r", "vaddr": 0, "perms": "w"}]}]})",
    };
    for (const char* text : bad) {
        INFO(text);
        CHECK_FALSE(validate(schema, json::parse(text)).empty());
    }
}

TEST_CASE("both board files conform to board.schema.json", "[schema][board]") {
    const json schema = load(rampart::test::kRoot + "/schemas/board.schema.json");
    int count = 0;
    for (const auto& e : std::filesystem::directory_iterator(rampart::test::kRoot + "/boards")) {
        if (e.path().extension() != ".json")
            continue;
        INFO(e.path());
        auto v = validate(schema, load(e.path().string()));
        INFO(describe(v));
        CHECK(v.empty());
        ++count;
    }
    CHECK(count >= 2);
    json broken = load(rampart::test::kRoot + "/boards/qemu-virt-aarch64.json");
    broken["interrupt_controller"].erase("cpu_interface");
    CHECK_FALSE(validate(schema, broken).empty());
}
