// Structural checks and typed attribute access for one element.
#include "parse/element.hpp"

#include "diag/suggest.hpp"
#include "parse/json_tree.hpp"
#include "parse/values.hpp"
#include <algorithm>

namespace rampart::parse {
namespace {

std::string json_key_of(const ChildSpec& c) {
    return std::string(c.many ? json_list_key(c.name) : c.name);
}

// Namespace declarations and xsi:* (schemaLocation etc.) let editors find
// schemas/system.xsd; they carry no meaning for the system.
bool is_xml_infrastructure(std::string_view name) {
    return name == "xmlns" || name.starts_with("xmlns:") || name.starts_with("xsi:");
}

std::string shape_of(const ChildSpec& c) {
    return c.many ? "an array of objects" : "an object";
}

} // namespace

Element::Element(const Node& node, Syntax syntax, diag::Diagnostics& diags)
    : node_(node), syntax_(syntax), diags_(diags), spec_(spec_of(node.name)) {
    check_structure();
}

std::string Element::what() const {
    return syntax_ == Syntax::Xml ? "<" + node_.name + ">" : node_.name;
}

void Element::check_structure() {
    std::vector<std::string> attr_names(spec_.attrs.begin(), spec_.attrs.end());
    std::vector<std::string> child_names, child_keys;
    for (const ChildSpec& c : spec_.children) {
        child_names.emplace_back(c.name);
        child_keys.push_back(json_key_of(c));
    }

    for (diag::Loc l : node_.stray_text)
        diags_.error(l, "unexpected text inside " + what());

    for (const Attr& a : node_.attrs) {
        if (std::find(attr_names.begin(), attr_names.end(), a.name) != attr_names.end())
            continue;
        if (syntax_ == Syntax::Xml && is_xml_infrastructure(a.name))
            continue;
        if (foreign_form(spec_.name, a.name, false))
            continue; // recorded as a board feature by the builder
        if (syntax_ == Syntax::Json) {
            auto it = std::find(child_keys.begin(), child_keys.end(), a.name);
            if (it != child_keys.end()) {
                const ChildSpec& c =
                    spec_.children[static_cast<std::size_t>(it - child_keys.begin())];
                diags_.error(a.value_loc, "key '" + a.name + "' must be " + shape_of(c));
                continue;
            }
            std::vector<std::string> all = attr_names;
            all.insert(all.end(), child_keys.begin(), child_keys.end());
            diags_.error(a.name_loc, "unknown key '" + a.name + "' in " + what() +
                                         diag::did_you_mean(a.name, all));
        } else {
            diags_.error(a.name_loc, "unknown attribute '" + a.name + "' on " + what() +
                                         diag::did_you_mean(a.name, attr_names));
        }
    }

    std::vector<std::string> seen_single;
    diag::Loc last_key;
    for (const Node& child : node_.children) {
        if (syntax_ == Syntax::Xml) {
            auto it = std::find(child_names.begin(), child_names.end(), child.name);
            if (it == child_names.end()) {
                if (foreign_form(spec_.name, child.name, true))
                    continue; // recorded as a board feature by the builder
                if (auto why = misplaced(spec_.name, child.name))
                    diags_.error(child.name_loc, "<" + child.name + "> is not allowed in " +
                                                     what() + ": " + std::string(*why));
                else
                    diags_.error(child.name_loc, "unknown element <" + child.name + "> in " +
                                                     what() +
                                                     diag::did_you_mean(child.name, child_names));
                continue;
            }
            const ChildSpec& c = spec_.children[static_cast<std::size_t>(it - child_names.begin())];
            if (!c.many) {
                if (std::find(seen_single.begin(), seen_single.end(), child.name) !=
                    seen_single.end())
                    diags_.error(child.name_loc,
                                 what() + " may contain only one <" + child.name + ">");
                seen_single.push_back(child.name);
            }
            continue;
        }
        // JSON: one report per key, however many array items it holds.
        bool same_key = last_key.valid() && last_key.line == child.key_loc.line &&
                        last_key.col == child.key_loc.col;
        last_key = child.key_loc;
        if (same_key)
            continue;
        auto it = std::find(child_keys.begin(), child_keys.end(), child.key);
        if (it != child_keys.end()) {
            const ChildSpec& c = spec_.children[static_cast<std::size_t>(it - child_keys.begin())];
            if (c.many != child.from_array)
                diags_.error(child.key_loc, "key '" + child.key + "' must be " + shape_of(c));
            continue;
        }
        if (std::find(attr_names.begin(), attr_names.end(), child.key) != attr_names.end()) {
            diags_.error(child.key_loc,
                         "key '" + child.key + "' must be a string, number or boolean");
            continue;
        }
        if (auto why = misplaced(spec_.name, child.key)) {
            diags_.error(child.key_loc, "key '" + child.key + "' is not allowed in " + what() +
                                            ": " + std::string(*why));
            continue;
        }
        std::vector<std::string> all = attr_names;
        all.insert(all.end(), child_keys.begin(), child_keys.end());
        diags_.error(child.key_loc, "unknown key '" + child.key + "' in " + what() +
                                        diag::did_you_mean(child.key, all));
    }
}

void Element::missing(std::string_view name) {
    diags_.error(node_.name_loc, what() + " is missing the required " + attr_word() + " '" +
                                     std::string(name) + "'");
}

const Attr* Element::find(std::string_view name, bool required) {
    const Attr* a = node_.attr(name);
    if (!a && required)
        missing(name);
    return a;
}

model::Field<std::uint64_t> Element::number(std::string_view name, bool required,
                                            std::uint64_t fallback) {
    model::Field<std::uint64_t> f{fallback, {}};
    const Attr* a = find(name, required);
    if (!a)
        return f;
    const std::string where = " for " + attr_word() + " '" + a->name + "'";
    if (a->kind == ValueKind::Bool) {
        diags_.error(a->value_loc, "expected a number" + where + ", not a boolean");
        return f;
    }
    if (a->kind == ValueKind::Number &&
        a->value.find_first_not_of("0123456789") != std::string::npos) {
        diags_.error(a->value_loc, "invalid number '" + a->value + "'" + where +
                                       " (expected an unsigned integer)");
        return f;
    }
    NumberResult r = parse_number(a->value);
    if (r.error == NumberError::Overflow) {
        diags_.error(a->value_loc,
                     "number '" + a->value + "'" + where + " does not fit in 64 bits");
        return f;
    }
    if (r.error != NumberError::None) {
        diags_.error(a->value_loc, "invalid number '" + a->value + "'" + where +
                                       " (expected decimal or 0x-prefixed hex)");
        return f;
    }
    return {r.value, a->value_loc};
}

model::Field<bool> Element::boolean(std::string_view name, bool fallback) {
    model::Field<bool> f{fallback, {}};
    const Attr* a = find(name, false);
    if (!a)
        return f;
    if (syntax_ == Syntax::Json && a->kind != ValueKind::Bool) {
        diags_.error(a->value_loc, "key '" + a->name + "' must be a boolean (true or false)");
        return f;
    }
    if (a->value != "true" && a->value != "false") {
        diags_.error(a->value_loc, "invalid boolean '" + a->value + "' for attribute '" + a->name +
                                       "' (expected 'true' or 'false')");
        return f;
    }
    return {a->value == "true", a->value_loc};
}

model::Field<std::string> Element::string(std::string_view name, bool required) {
    const Attr* a = find(name, required);
    if (!a)
        return {};
    if (a->kind != ValueKind::String) {
        diags_.error(a->value_loc, "key '" + a->name + "' must be a string");
        return {};
    }
    return {a->value, a->value_loc};
}

model::Field<std::string> Element::word(std::string_view name,
                                        std::initializer_list<std::string_view> choices,
                                        std::string_view fallback) {
    model::Field<std::string> f = string(name, false);
    if (!f.given())
        return {std::string(fallback), {}};
    std::vector<std::string> words(choices.begin(), choices.end());
    if (std::find(words.begin(), words.end(), f.value) != words.end())
        return f;
    std::string expected;
    for (std::size_t i = 0; i < words.size(); ++i)
        expected += (i == 0 ? "'" : i + 1 == words.size() ? " or '" : ", '") + words[i] + "'";
    std::string hint = diag::did_you_mean(f.value, words);
    diags_.error(f.loc, "invalid value '" + f.value + "' for " + attr_word() + " '" +
                            std::string(name) + "'" +
                            (hint.empty() ? " (expected " + expected + ")" : hint));
    return {std::string(fallback), {}};
}

std::vector<const Node*> Element::children(std::string_view name) const {
    std::vector<const Node*> out;
    for (const Node& c : node_.children)
        if (c.name == name && !c.placeholder && (syntax_ == Syntax::Xml || c.from_array))
            out.push_back(&c);
    return out;
}

const Node* Element::child(std::string_view name) const {
    for (const Node& c : node_.children)
        if (c.name == name && !c.placeholder && (syntax_ == Syntax::Xml || !c.from_array))
            return &c;
    return nullptr;
}

} // namespace rampart::parse
