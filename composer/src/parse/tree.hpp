// The generic document tree both readers produce: elements with attributes
// and child elements, each with source locations. XML maps onto it directly;
// a JSON object is an element, its scalar members are attributes, an object
// member is one child element and an array member a list of child elements.
#pragma once

#include "diag/source.hpp"

#include <string>
#include <vector>

namespace rampart::parse {

enum class Syntax { Xml, Json };

// The kind of a scalar value. XML attribute values are always strings; JSON
// keeps numbers and booleans apart so "true" (a string) is not a boolean.
enum class ValueKind { String, Number, Bool };

struct Attr {
    std::string name;
    std::string value; // decoded text; a JSON number keeps its literal spelling
    ValueKind kind = ValueKind::String;
    diag::Loc name_loc;
    diag::Loc value_loc;
};

struct Node {
    std::string name;         // element name (JSON: from the member key, see json_tree)
    std::string key;          // JSON only: the member key this node came from
    bool from_array = false;  // JSON only: the node is an item of an array member
    bool placeholder = false; // JSON only: stands for an empty array, so its key is checked
    diag::Loc name_loc;       // XML: the tag name; JSON: the object's '{'
    diag::Loc key_loc;        // JSON only: the member key
    std::vector<Attr> attrs;
    std::vector<Node> children;
    std::vector<diag::Loc> stray_text; // XML only: non-blank text inside the element

    const Attr* attr(std::string_view attr_name) const {
        for (const Attr& a : attrs)
            if (a.name == attr_name)
                return &a;
        return nullptr;
    }
};

// Deepest element nesting the readers accept (guards the recursion).
inline constexpr unsigned kMaxDepth = 64;

} // namespace rampart::parse
