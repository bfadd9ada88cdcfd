// Turns a JSON system document into the generic element tree (see tree.hpp).
#pragma once

#include "diag/diagnostics.hpp"
#include "parse/json_reader.hpp"
#include "parse/tree.hpp"

#include <optional>
#include <string_view>

namespace rampart::parse {

// The element name of the items of an array member ("maps" -> "map"); an
// unknown key maps to itself so the model builder can report it.
std::string_view json_item_element(std::string_view key);

// The JSON key that holds a list of the given element ("map" -> "maps").
std::string_view json_list_key(std::string_view element);

// The root must be an object; it becomes the <system> element.
std::optional<Node> json_to_tree(const JsonValue& root, diag::Diagnostics& diags);

} // namespace rampart::parse
