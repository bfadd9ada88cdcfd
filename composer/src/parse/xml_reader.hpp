// A small, strict XML reader that keeps the position of every element,
// attribute and value (pugixml keeps none for attributes). It accepts what
// system files use: prolog, comments, processing instructions, elements,
// attributes, character data, CDATA and the predefined/character entities.
#pragma once

#include "diag/diagnostics.hpp"
#include "parse/tree.hpp"

#include <optional>
#include <string_view>

namespace rampart::parse {

// Reads the document; on a syntax error reports it and returns nothing.
std::optional<Node> read_xml(std::string_view text, diag::FileId file, diag::Diagnostics& diags);

} // namespace rampart::parse
