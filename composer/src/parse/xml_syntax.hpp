// The lexical rules of XML that the reader checks itself on the original
// text, around what pugixml parsed: where a name or a quoted value ends, the
// references in a value, and what is wrong with a start tag pugixml refused.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rampart::parse {

class XmlSyntax {
  public:
    struct Flaw {
        std::size_t offset, len;
        std::string message;
    };
    struct StartTag {
        std::size_t end = 0;       // just past its '>'
        bool self_closing = false; // ends in "/>"
        std::optional<Flaw> flaw;  // the first thing wrong in it
    };

    explicit XmlSyntax(std::string_view text) : s_(text) {}

    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool is_name_start(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
               static_cast<unsigned char>(c) >= 0x80;
    }
    static bool is_name_char(char c) {
        return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    std::size_t skip_space(std::size_t at) const;
    bool blank(std::size_t begin, std::size_t end) const;
    // The name starting at `at` (empty when none does).
    std::string_view name_at(std::size_t at) const;
    // The closing quote of the value starting at `at` (the text's end if none).
    std::size_t value_end(std::size_t at) const;
    // The first bad character or reference in raw text [begin, end): '<' in
    // an attribute value, an unterminated, unknown or invalid reference.
    std::optional<Flaw> value_flaw(std::size_t begin, std::size_t end, bool attribute) const;
    // The start tag whose name is at name_at (just after its '<').
    StartTag start_tag(std::size_t name_at) const;
    // Where the markup opening with `prefix` at or before `at` starts.
    std::size_t markup_start(std::size_t at, std::string_view prefix) const;
    // Just past the first `terminator` at or after `from` (the text's end if none).
    std::size_t after(std::size_t from, std::string_view terminator) const;
    // How many closing tags "</" start in [from, until).
    std::size_t closing_tags(std::size_t from, std::size_t until) const;

  private:
    std::optional<Flaw> reference_flaw(std::size_t amp) const;

    std::string_view s_;
};

} // namespace rampart::parse
