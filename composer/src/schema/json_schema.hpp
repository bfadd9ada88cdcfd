// A small JSON Schema validator (draft 2020-12 subset): type, properties,
// required, additionalProperties, enum, const, pattern, minimum, maximum,
// items, minItems, maxItems, oneOf, anyOf, allOf and $ref to "#/$defs/...".
// Used by the tests to check examples against schemas/*.schema.json.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rampart::schema {

struct Violation {
    std::string path;    // JSON pointer into the instance, e.g. "/protection_domains/0/name"
    std::string message; // what is wrong there
};

// Validates instance against schema; an empty result means it conforms.
// Unsupported keywords in the schema are reported as violations at "".
std::vector<Violation> validate(const nlohmann::json& schema, const nlohmann::json& instance);

} // namespace rampart::schema
