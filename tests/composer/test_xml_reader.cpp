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

namespace {

// The first error's "line:col+len".
std::string where(const std::string& text) {
    diag::Diagnostics d;
    auto n = read(text, d);
    CHECK_FALSE(n);
    REQUIRE(d.all().size() == 1);
    const diag::Loc l = d.all()[0].loc;
    return std::to_string(l.line) + ":" + std::to_string(l.col) + "+" + std::to_string(l.len);
}

} // namespace

TEST_CASE("syntax errors point at the offending text", "[xml]") {
    CHECK(where("<s>\n  <a x=\"1\" x=\"2\"/>\n</s>") == "2:12+1");
    CHECK(where("<s>\n  <a></b>\n</s>") == "2:8+1");
    CHECK(where("<s>\n  <a>\n</s>") == "3:3+1");
    CHECK(where("<s>\n  <a/>\n") == "1:2+1");
    CHECK(where("<s>\n</s") == "2:4+0");
    CHECK(where("<s></s\n</t>") == "2:1+1");
    CHECK(where("<s a=\"x") == "1:6+0");
    CHECK(where("<s a=\"&x;\"/>") == "1:7+3");
    CHECK(where("<s><!-- a -- b --></s>") == "1:11+1");
    CHECK(where("<s/>\ntext") == "2:1+1");
    CHECK(where("\xEF\xBB\xBF<s>") == "1:2+1");
}

TEST_CASE("what pugixml lets through is still refused", "[xml]") {
    CHECK(first_error("<s a=\"&#xFFFFFFFF;\"/>") == "invalid character reference '&#xFFFFFFFF;'");
    CHECK(first_error("<s a=\"&amp\"/>") == "unterminated entity reference");
    CHECK(first_error("<s>&bogus;</s>") == "unknown entity '&bogus;'");
    CHECK(first_error("<s><!-- a ---></s>") == "'--' is not allowed inside a comment");
    CHECK(first_error("<s/>text") == "unexpected content after the root element");
    CHECK(first_error("text<s/>") == "expected an element");
    CHECK(first_error("<s/><!DOCTYPE s>") == "unexpected content after the root element");
    CHECK(first_error("<s><!DOCTYPE s></s>") == "unexpected markup declaration");
    CHECK(first_error("<s><!x></s>") == "unexpected markup declaration");
    CHECK(first_error("<s></s></t>") == "unexpected content after the root element");
    CHECK(first_error("<s><?pi") == "unterminated processing instruction");
    CHECK(first_error("<s a='1'") == "unterminated start tag <s>");
    CHECK(first_error("<s a='1' b></s>") == "expected '=' after attribute name 'b'");
    CHECK(first_error("<s>\n</s") == "expected '>' to end the closing tag");
}

TEST_CASE("a NUL byte is refused where it stands, unless an error comes first", "[xml]") {
    CHECK(first_error(std::string("<s a=\"x\0\"/>", 10)) == "the file contains a NUL character");
    CHECK(where(std::string("<s>\n<t a=1/>\0</s>", 16)) == "2:6+1");
}

TEST_CASE("deep nesting is refused, not a stack overflow", "[xml]") {
    std::string text;
    for (int i = 0; i < 10000; ++i)
        text += "<a>";
    CHECK(first_error(text) == "elements nested too deeply");
}
