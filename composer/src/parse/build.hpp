// From the generic tree to the system model: the language's structure and
// value syntax. Semantic rules (ranges, references, overlaps) are validate/'s.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/system.hpp"
#include "parse/tree.hpp"

namespace rampart::parse {

model::System build_system(const Node& root, Syntax syntax, diag::Diagnostics& diags);

} // namespace rampart::parse
