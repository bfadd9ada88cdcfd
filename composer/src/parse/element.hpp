// Reading one element of the generic tree against what the language allows
// there: unknown attributes and children, stray text and repeated single
// children are reported when the element is opened; typed accessors report
// missing and malformed values. Wording follows the file's syntax (XML
// "attribute"/"<element>", JSON "key"/"element").
#pragma once

#include "diag/diagnostics.hpp"
#include "model/field.hpp"
#include "parse/tree.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rampart::parse {

struct ChildSpec {
    std::string_view name; // XML element name
    bool many;             // any number (JSON: an array under the plural key)
};

struct ElementSpec {
    std::string_view name;
    std::vector<std::string_view> attrs;
    std::vector<ChildSpec> children;
};

// The element specs of the whole language (the single list the XSD mirrors).
const std::vector<ElementSpec>& language();
const ElementSpec& spec_of(std::string_view element);

// A form of Microkit's language that none of Rampart's boards has: an
// attribute or child element of `element`. The builder records it as a
// model::BoardFeature, which validation refuses for the board.
struct ForeignForm {
    std::string_view element;
    std::string_view name;
    bool is_element;
    std::string_view what; // "x86 I/O ports (<ioport>)"
    std::string_view arch; // the architecture that has it; empty: none
};
const std::vector<ForeignForm>& foreign_forms();
const ForeignForm* foreign_form(std::string_view element, std::string_view name, bool is_element);

// Why a known element may not appear under `parent`, if that is the case.
std::optional<std::string_view> misplaced(std::string_view parent, std::string_view child);

class Element {
  public:
    Element(const Node& node, Syntax syntax, diag::Diagnostics& diags);

    const Node& node() const { return node_; }
    diag::Loc loc() const { return node_.name_loc; }
    // "<map>" in XML, "map" in JSON.
    std::string what() const;

    model::Field<std::uint64_t> number(std::string_view name, bool required = false,
                                       std::uint64_t fallback = 0);
    model::Field<bool> boolean(std::string_view name, bool fallback);
    model::Field<std::string> string(std::string_view name, bool required = false);
    // One of the given words; reports other values with a suggestion.
    model::Field<std::string> word(std::string_view name,
                                   std::initializer_list<std::string_view> choices,
                                   std::string_view fallback);

    std::vector<const Node*> children(std::string_view name) const;
    const Node* child(std::string_view name) const;

    void error(diag::Loc loc, std::string message) { diags_.error(loc, std::move(message)); }
    void missing(std::string_view name);
    Syntax syntax() const { return syntax_; }

  private:
    void check_structure();
    const Attr* find(std::string_view name, bool required);
    std::string attr_word() const { return syntax_ == Syntax::Xml ? "attribute" : "key"; }

    const Node& node_;
    Syntax syntax_;
    diag::Diagnostics& diags_;
    const ElementSpec& spec_;
};

} // namespace rampart::parse
