// The XML reader: structure, positions, entities and syntax errors.
#include "parse/xml_reader.hpp"

#include <catch2/catch.hpp>

using namespace rampart;
using namespace rampart::parse;

namespace {

std::optional<Node> read(const std::string& text, diag::Diagnostics& d) {
    return read_xml(text, 0, d);
}

std::string first_error(const std::string& text) {
    diag::Diagnostics d;
    auto n = read(text, d);
    CHECK_FALSE(n);
    REQUIRE(d.all().size() == 1);
    return d.all()[0].message;
}

} // namespace

TEST_CASE("elements, attributes and positions", "[xml]") {
    diag::Diagnostics d;
    auto root = read("<?xml version=\"1.0\"?>\n<!-- c -->\n<system>\n  <pd name='a' x=\"1\">\n"
                     "    <map/>\n  </pd>\n</system>\n",
                     d);
    REQUIRE(root);
    CHECK_FALSE(d.has_errors());
    CHECK(root->name == "system");
    CHECK(root->name_loc.line == 3);
    CHECK(root->name_loc.col == 2);
    REQUIRE(root->children.size() == 1);
    const Node& pd = root->children[0];
    CHECK(pd.name == "pd");
    REQUIRE(pd.attrs.size() == 2);
    CHECK(pd.attrs[0].name == "name");
    CHECK(pd.attrs[0].value == "a");
    CHECK(pd.attrs[0].name_loc.line == 4);
    CHECK(pd.attrs[0].name_loc.col == 7);
    CHECK(pd.attrs[0].name_loc.len == 4);
    CHECK(pd.attrs[0].value_loc.col == 12);
    CHECK(pd.attrs[0].value_loc.len == 3);
    CHECK(pd.attrs[1].value_loc.col == 18);
    REQUIRE(pd.children.size() == 1);
    CHECK(pd.children[0].name == "map");
    CHECK(pd.stray_text.empty());
}

TEST_CASE("entities and character references are decoded", "[xml]") {
    diag::Diagnostics d;
    auto root = read("<s a=\"&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#xe9;\"/>", d);
    REQUIRE(root);
    CHECK(root->attrs[0].value == "<>&\"'AB\xc3\xa9");
}

TEST_CASE("stray text is recorded with its position; blank text and CDATA of spaces are not",
          "[xml]") {
    diag::Diagnostics d;
    auto root = read("<s>\n  <a/>  hello  \n<![CDATA[  ]]></s>", d);
    REQUIRE(root);
    REQUIRE(root->stray_text.size() == 1);
    CHECK(root->stray_text[0].line == 2);
    CHECK(root->stray_text[0].col == 9);
    CHECK(root->stray_text[0].len == 5);
}

TEST_CASE("syntax errors", "[xml]") {
    CHECK(first_error("") == "expected the root element <system>");
    CHECK(first_error("<s>") == "element <s> is not closed");
    CHECK(first_error("<s></t>") == "closing tag </t> does not match <s> opened at line 1");
    CHECK(first_error("<s a=\"1\" a=\"2\"/>") == "attribute 'a' given twice");
    CHECK(first_error("<s a=1/>") == "expected a quoted value for attribute 'a'");
    CHECK(first_error("<s a=\"&bogus;\"/>") == "unknown entity '&bogus;'");
    CHECK(first_error("<s a=\"&#0;\"/>") == "invalid character reference '&#0;'");
    CHECK(first_error("<s a=\"&#xD800;\"/>") == "invalid character reference '&#xD800;'");
    CHECK(first_error("<s/><t/>") == "unexpected content after the root element");
    CHECK(first_error("<!DOCTYPE s><s/>") == "document type declarations are not supported");
    CHECK(first_error("<s><!-- x") == "unterminated comment");
    CHECK(first_error("<s><![CDATA[x") == "unterminated CDATA section");
    CHECK(first_error("<s a=\"x\"b=\"y\"/>") == "expected whitespace before an attribute");
    CHECK(first_error("<1/>") == "expected a name");
}

TEST_CASE("deep nesting is refused, not a stack overflow", "[xml]") {
    std::string text;
    for (int i = 0; i < 10000; ++i)
        text += "<a>";
    CHECK(first_error(text) == "elements nested too deeply");
}
