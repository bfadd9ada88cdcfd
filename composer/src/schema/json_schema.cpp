// Recursive schema checking; each keyword is one small rule.
#include "schema/json_schema.hpp"

#include <map>
#include <regex>
#include <set>

namespace rampart::schema {
namespace {

using nlohmann::json;

const std::set<std::string> kAnnotations{"$schema", "$id",         "$defs",   "$comment",
                                         "title",   "description", "default", "examples"};

class Validator {
  public:
    explicit Validator(const json& root) : root_(root) {}

    void check(const json& s, const json& v, const std::string& path, unsigned depth = 0) {
        if (depth > 64) {
            fail(path, "schema recursion too deep");
            return;
        }
        if (s.is_boolean()) {
            if (!s.get<bool>())
                fail(path, "no value is allowed here");
            return;
        }
        if (!s.is_object()) {
            fail(path, "schema is not an object");
            return;
        }
        for (auto it = s.begin(); it != s.end(); ++it)
            keyword(it.key(), it.value(), s, v, path, depth);
    }

    std::vector<Violation> take() { return std::move(out_); }

  private:
    void keyword(const std::string& key, const json& arg, const json& s, const json& v,
                 const std::string& path, unsigned depth) {
        if (kAnnotations.count(key))
            return;
        if (key == "$ref")
            return check(resolve(arg, path), v, path, depth + 1);
        if (key == "type") {
            bool ok = false;
            if (arg.is_string())
                ok = has_type(v, arg.get<std::string>());
            else
                for (const auto& t : arg)
                    ok = ok || has_type(v, t.get<std::string>());
            if (!ok)
                fail(path, "expected type " + arg.dump());
        } else if (key == "enum") {
            bool ok = false;
            for (const auto& e : arg)
                ok = ok || e == v;
            if (!ok)
                fail(path, "value " + v.dump() + " is not one of " + arg.dump());
        } else if (key == "const") {
            if (arg != v)
                fail(path, "value must be " + arg.dump());
        } else if (key == "properties") {
            if (v.is_object())
                for (auto it = arg.begin(); it != arg.end(); ++it)
                    if (v.contains(it.key()))
                        check(it.value(), v.at(it.key()), path + "/" + it.key(), depth + 1);
        } else if (key == "required") {
            if (v.is_object())
                for (const auto& name : arg)
                    if (!v.contains(name.get<std::string>()))
                        fail(path, "missing required property '" + name.get<std::string>() + "'");
        } else if (key == "additionalProperties") {
            if (!v.is_object())
                return;
            const json* props = s.contains("properties") ? &s.at("properties") : nullptr;
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (props && props->contains(it.key()))
                    continue;
                if (arg.is_boolean() && !arg.get<bool>())
                    fail(path, "property '" + it.key() + "' is not allowed");
                else if (!arg.is_boolean())
                    check(arg, it.value(), path + "/" + it.key(), depth + 1);
            }
        } else if (key == "pattern") {
            if (v.is_string() && !std::regex_search(v.get<std::string>(), regex(arg)))
                fail(path, "'" + v.get<std::string>() + "' does not match " + arg.dump());
        } else if (key == "minLength" || key == "maxLength") {
            if (!v.is_string())
                return;
            const auto n = v.get<std::string>().size();
            const auto limit = arg.get<std::size_t>();
            if (key == "minLength" ? n < limit : n > limit)
                fail(path, "string length " + std::to_string(n) + " violates " + key);
        } else if (key == "minimum" || key == "maximum") {
            if (!v.is_number())
                return;
            const double x = v.get<double>(), limit = arg.get<double>();
            if (key == "minimum" ? x < limit : x > limit)
                fail(path, "value " + v.dump() + " violates " + key + " " + arg.dump());
        } else if (key == "items") {
            if (v.is_array())
                for (std::size_t i = 0; i < v.size(); ++i)
                    check(arg, v[i], path + "/" + std::to_string(i), depth + 1);
        } else if (key == "minItems" || key == "maxItems") {
            if (!v.is_array())
                return;
            const auto limit = arg.get<std::size_t>();
            if (key == "minItems" ? v.size() < limit : v.size() > limit)
                fail(path, "array of " + std::to_string(v.size()) + " items violates " + key);
        } else if (key == "oneOf" || key == "anyOf" || key == "allOf") {
            std::size_t passed = 0;
            for (const auto& sub : arg) {
                Validator inner(root_);
                inner.check(sub, v, path, depth + 1);
                passed += inner.out_.empty() ? 1 : 0;
            }
            const bool ok = key == "oneOf"   ? passed == 1
                            : key == "anyOf" ? passed >= 1
                                             : passed == arg.size();
            if (!ok)
                fail(path, "value matches " + std::to_string(passed) + " of the " + key +
                               " alternatives");
        } else {
            fail(path, "unsupported schema keyword '" + key + "'");
        }
    }

    const json& resolve(const json& ref, const std::string& path) {
        static const json reject = false;
        const std::string prefix = "#/$defs/";
        if (!ref.is_string() || ref.get<std::string>().rfind(prefix, 0) != 0) {
            fail(path, "unsupported $ref " + ref.dump());
            return reject;
        }
        const std::string name = ref.get<std::string>().substr(prefix.size());
        if (!root_.contains("$defs") || !root_.at("$defs").contains(name)) {
            fail(path, "unresolved $ref " + ref.dump());
            return reject;
        }
        return root_.at("$defs").at(name);
    }

    static bool has_type(const json& v, const std::string& t) {
        if (t == "object")
            return v.is_object();
        if (t == "array")
            return v.is_array();
        if (t == "string")
            return v.is_string();
        if (t == "integer")
            return v.is_number_integer() || v.is_number_unsigned();
        if (t == "number")
            return v.is_number();
        if (t == "boolean")
            return v.is_boolean();
        if (t == "null")
            return v.is_null();
        return false;
    }

    const std::regex& regex(const json& pattern) {
        const std::string p = pattern.get<std::string>();
        auto it = cache_.find(p);
        if (it == cache_.end())
            it = cache_.emplace(p, std::regex(p, std::regex::ECMAScript)).first;
        return it->second;
    }

    void fail(const std::string& path, std::string message) {
        out_.push_back({path, std::move(message)});
    }

    const json& root_;
    std::vector<Violation> out_;
    std::map<std::string, std::regex> cache_;
};

} // namespace

std::vector<Violation> validate(const json& schema, const json& instance) {
    Validator v(schema);
    try {
        v.check(schema, instance, "");
    } catch (const std::exception& e) {
        return {{"", std::string("malformed schema: ") + e.what()}};
    }
    return v.take();
}

} // namespace rampart::schema
