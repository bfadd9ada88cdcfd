// The front end as one call: read a system file (XML or JSON), build the model.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/system.hpp"
#include "parse/tree.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace rampart::parse {

// JSON when the name ends in ".json" or the text starts with '{'; XML otherwise.
Syntax detect_syntax(std::string_view name, std::string_view text);

// Parses text registered under name. Returns the model if the file could be
// read as a document at all; diags tells whether it is free of errors.
std::optional<model::System> parse_system(std::string name, std::string text,
                                          diag::SourceManager& sources, diag::Diagnostics& diags);

// Reads the file first; a file that cannot be read is reported as an error.
std::optional<model::System> load_system(const std::filesystem::path& path,
                                         diag::SourceManager& sources, diag::Diagnostics& diags);

} // namespace rampart::parse
