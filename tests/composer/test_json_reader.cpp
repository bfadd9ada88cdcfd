// The JSON reader and the JSON-to-tree mapping.
#include "parse/json_reader.hpp"
#include "parse/json_tree.hpp"

#include <catch2/catch.hpp>

using namespace rampart;
using namespace rampart::parse;

namespace {

std::string first_error(const std::string& text) {
    diag::Diagnostics d;
    auto v = read_json(text, 0, d);
    CHECK_FALSE(v);
    REQUIRE(d.all().size() == 1);
    return d.all()[0].message;
}

} // namespace

TEST_CASE("values, keys and positions", "[json]") {
    diag::Diagnostics d;
    auto v = read_json(
        "{\n  \"a\": [1, -2.5e3, true, null],\n  \"b\": {\"c\": \"x\\ty\\u00e9\"}\n}", 0, d);
    REQUIRE(v);
    CHECK(v->kind == JsonValue::Kind::Object);
    REQUIRE(v->members.size() == 2);
    const auto& a_key = v->members[0];
    const auto& a = a_key.value;
    CHECK(a_key.key == "a");
    CHECK(a_key.key_loc.line == 2);
    CHECK(a_key.key_loc.col == 3);
    CHECK(a_key.key_loc.len == 3);
    REQUIRE(a.items.size() == 4);
    CHECK(a.items[0].text == "1");
    CHECK(a.items[1].text == "-2.5e3");
    CHECK(a.items[1].loc.col == 12);
    CHECK(a.items[2].boolean);
    CHECK(a.items[3].kind == JsonValue::Kind::Null);
    CHECK(v->members[1].value.members[0].value.text == "x\ty\xc3\xa9");
}

TEST_CASE("surrogate pairs decode to one code point", "[json]") {
    diag::Diagnostics d;
    auto v = read_json("\"\\ud83d\\ude00\"", 0, d);
    REQUIRE(v);
    CHECK(v->text == "\xf0\x9f\x98\x80");
}

TEST_CASE("JSON syntax errors", "[json]") {
    CHECK(first_error("") == "expected a JSON value");
    CHECK(first_error("{\"a\": 1,}") == "expected a string key");
    CHECK(first_error("[1,]") == "expected a JSON value");
    CHECK(first_error("{\"a\" 1}") == "expected ':' after the key");
    CHECK(first_error("{\"a\": 1, \"a\": 2}") == "key 'a' given twice in one object");
    CHECK(first_error("\"abc") == "unterminated string");
    CHECK(first_error("\"\\x\"") == "invalid escape sequence");
    CHECK(first_error("\"\\ud800\"") == "unpaired surrogate in \\u escape");
    CHECK(first_error("01") == "unexpected content after the JSON value");
    CHECK(first_error("1.") == "invalid number");
    CHECK(first_error("tru") == "expected a JSON value");
    CHECK(first_error("{} {}") == "unexpected content after the JSON value");
    CHECK(first_error("\"a\nb\"") == "control character in string");
}

namespace {

std::string where(const std::string& text) {
    diag::Diagnostics d;
    auto v = read_json(text, 0, d);
    CHECK_FALSE(v);
    REQUIRE(d.all().size() == 1);
    const diag::Loc l = d.all()[0].loc;
    return std::to_string(l.line) + ":" + std::to_string(l.col) + "+" + std::to_string(l.len);
}

} // namespace

TEST_CASE("JSON syntax errors point at the offending token", "[json]") {
    CHECK(where("{\n  \"a\": 1,\n  \"a\": 2}") == "3:3+3");
    CHECK(where("{\"a\": 1 \"b\": 2}") == "1:9+1");
    CHECK(where("{\"a\" 1}") == "1:6+1");
    CHECK(where("[1, 2,]") == "1:7+1");
    CHECK(where("[1, 2") == "1:6+0");
    CHECK(where("[\"ab\\qc\"]") == "1:5+2");
    CHECK(where("[\"abc") == "1:2+1");
    CHECK(where("[1.x]") == "1:4+1");
    CHECK(where("[tru]") == "1:2+1");
    CHECK(where("01") == "1:2+1");
    CHECK(where("\xEF\xBB\xBF[,]") == "1:2+1");
}

TEST_CASE("JSON values keep their source spelling and extent", "[json]") {
    diag::Diagnostics d;
    auto v = read_json("{\"a\": [0, -0, 1e5, 18446744073709551616],\n \"b\": {\"c\": 1}}", 0, d);
    REQUIRE(v);
    const auto& a = v->members[0].value;
    CHECK(a.loc.col == 7);
    CHECK(a.loc.len == 34);
    CHECK(a.items[1].text == "-0");
    CHECK(a.items[2].text == "1e5");
    CHECK(a.items[3].text == "18446744073709551616");
    CHECK(a.items[3].loc.len == 20);
    CHECK(v->members[1].value.loc.line == 2);
    CHECK(v->members[1].value.loc.len == 8);
}

TEST_CASE("what the JSON parser adds: UTF-8 checked, NUL and huge numbers refused", "[json]") {
    CHECK(first_error("[\"a\xff\"]") == "invalid UTF-8 in string");
    CHECK(first_error("[\"a\\u0000\"]") == "a string must not contain the character U+0000");
    CHECK(first_error(std::string("[1,\0]", 5)) == "the file contains a NUL character");
    CHECK(first_error("[1e999]") == "number '1e999' is out of range");
    CHECK(first_error("{1: 2}") == "expected a string key");
    CHECK(first_error("[1 2]") == "expected ',' or ']'");
}

TEST_CASE("deeply nested JSON is refused", "[json]") {
    CHECK(first_error(std::string(100000, '[')) == "values nested too deeply");
}

TEST_CASE("objects become elements, arrays lists of elements", "[json][tree]") {
    diag::Diagnostics d;
    auto v = read_json(R"({"$schema": "x", "protection_domains": [{"name": "a",
        "program_image": {"path": "p"}, "maps": [{"mr": "m", "vaddr": 4096, "cached": false}]}]})",
                       0, d);
    REQUIRE(v);
    auto tree = json_to_tree(*v, d);
    REQUIRE(tree);
    CHECK_FALSE(d.has_errors());
    CHECK(tree->name == "system");
    CHECK(tree->attrs.empty()); // $schema is skipped
    REQUIRE(tree->children.size() == 1);
    const Node& pd = tree->children[0];
    CHECK(pd.name == "protection_domain");
    CHECK(pd.from_array);
    CHECK(pd.key == "protection_domains");
    REQUIRE(pd.children.size() == 2);
    CHECK(pd.children[0].name == "program_image");
    CHECK_FALSE(pd.children[0].from_array);
    CHECK(pd.children[1].name == "map");
    const Attr* vaddr = pd.children[1].attr("vaddr");
    REQUIRE(vaddr);
    CHECK(vaddr->kind == ValueKind::Number);
    CHECK(pd.children[1].attr("cached")->kind == ValueKind::Bool);
    CHECK(json_list_key("schedule_entry") == "entries");
    CHECK(json_item_element("cap_vspaces") == "cap_vspace");
}
