// The XML reader: pugixml parses, and the reader keeps the position of every
// element, attribute and value. It accepts what system files use: prolog,
// comments, processing instructions, elements, attributes, character data,
// CDATA and the predefined and character entities; no DOCTYPE.
#pragma once

#include "diag/diagnostics.hpp"
#include "parse/tree.hpp"

#include <optional>
#include <string_view>

namespace rampart::parse {

// Reads the document; on a syntax error reports it and returns nothing.
std::optional<Node> read_xml(std::string_view text, diag::FileId file, diag::Diagnostics& diags);

} // namespace rampart::parse
