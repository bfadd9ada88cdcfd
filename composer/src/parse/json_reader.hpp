// The JSON reader (RFC 8259): nlohmann/json's SAX parser, with the position
// of every value and every object key, which nlohmann::json does not keep.
#pragma once

#include "diag/diagnostics.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rampart::parse {

struct JsonMember;

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    diag::Loc loc;
    bool boolean = false;
    std::string text;                // string contents, or a number's literal spelling
    std::vector<JsonValue> items;    // Array
    std::vector<JsonMember> members; // Object, in source order
};

struct JsonMember {
    std::string key;
    diag::Loc key_loc;
    JsonValue value;
};

// Reads one JSON document; on a syntax error reports it and returns nothing.
// Duplicate keys in one object are syntax errors here (the model would be ambiguous).
std::optional<JsonValue> read_json(std::string_view text, diag::FileId file,
                                   diag::Diagnostics& diags);

} // namespace rampart::parse
