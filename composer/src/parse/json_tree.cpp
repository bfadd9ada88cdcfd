// JSON objects become elements, scalar members attributes, object members
// single children and array members lists of children.
#include "parse/json_tree.hpp"

#include <array>
#include <utility>

namespace rampart::parse {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kLists{{
    {"protection_domains", "protection_domain"},
    {"memory_regions", "memory_region"},
    {"channels", "channel"},
    {"ends", "end"},
    {"maps", "map"},
    {"irqs", "irq"},
    {"setvars", "setvar"},
    {"vcpus", "vcpu"},
    {"domains", "domain"},
    {"entries", "schedule_entry"},
    {"cap_tcbs", "cap_tcb"},
    {"cap_scs", "cap_sc"},
    {"cap_vspaces", "cap_vspace"},
}};

void fill(Node& node, const JsonValue& object, diag::Diagnostics& diags, bool root) {
    for (const JsonMember& member : object.members) {
        const JsonValue& value = member.value;
        if (root && member.key == "$schema")
            continue;
        switch (value.kind) {
        case JsonValue::Kind::Null:
            diags.error(value.loc, "null is not allowed; leave the key '" + member.key + "' out");
            break;
        case JsonValue::Kind::Bool:
        case JsonValue::Kind::Number:
        case JsonValue::Kind::String: {
            Attr a;
            a.name = member.key;
            a.name_loc = member.key_loc;
            a.value_loc = value.loc;
            if (value.kind == JsonValue::Kind::Bool) {
                a.kind = ValueKind::Bool;
                a.value = value.boolean ? "true" : "false";
            } else {
                a.kind =
                    value.kind == JsonValue::Kind::Number ? ValueKind::Number : ValueKind::String;
                a.value = value.text;
            }
            node.attrs.push_back(std::move(a));
            break;
        }
        case JsonValue::Kind::Object: {
            Node child;
            child.name = member.key;
            child.key = member.key;
            child.key_loc = member.key_loc;
            child.name_loc = value.loc;
            fill(child, value, diags, false);
            node.children.push_back(std::move(child));
            break;
        }
        case JsonValue::Kind::Array:
            if (value.items.empty()) {
                Node none;
                none.name = std::string(json_item_element(member.key));
                none.key = member.key;
                none.from_array = true;
                none.placeholder = true;
                none.key_loc = member.key_loc;
                none.name_loc = value.loc;
                node.children.push_back(std::move(none));
            }
            for (const JsonValue& item : value.items) {
                if (item.kind != JsonValue::Kind::Object) {
                    diags.error(item.loc, "the items of '" + member.key + "' must be objects");
                    continue;
                }
                Node child;
                child.name = std::string(json_item_element(member.key));
                child.key = member.key;
                child.from_array = true;
                child.key_loc = member.key_loc;
                child.name_loc = item.loc;
                child.name_loc.len = 1;
                fill(child, item, diags, false);
                node.children.push_back(std::move(child));
            }
            break;
        }
    }
}

} // namespace

std::string_view json_item_element(std::string_view key) {
    for (const auto& [list, element] : kLists)
        if (list == key)
            return element;
    return key;
}

std::string_view json_list_key(std::string_view element) {
    for (const auto& [list, e] : kLists)
        if (e == element)
            return list;
    return element;
}

std::optional<Node> json_to_tree(const JsonValue& root, diag::Diagnostics& diags) {
    if (root.kind != JsonValue::Kind::Object) {
        diags.error(root.loc, "a system must be a JSON object");
        return std::nullopt;
    }
    Node node;
    node.name = "system";
    node.name_loc = root.loc;
    node.name_loc.len = 1;
    fill(node, root, diags, true);
    return node;
}

} // namespace rampart::parse
