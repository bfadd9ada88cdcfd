// Helpers of the dry-run checks (internal to verify/): failing with a message
// that names the object and the rule.
#pragma once

#include "diag/hex.hpp"
#include "plan/geometry.hpp"
#include "verify/verify.hpp"

#include <cstdio>
#include <string>

namespace rampart::verify {

using diag::hex;

[[noreturn]] inline void fail(const std::string& what, const std::string& rule) {
    throw VerifyError(what + ": " + rule);
}

inline std::string obj(const plan::Plan& p, std::uint32_t i) {
    if (i >= p.objects.size())
        return "object #" + std::to_string(i) + " (no such object)";
    return "object #" + std::to_string(i) + " '" + p.objects[i].name + "'";
}

inline void need_type(const plan::Plan& p, std::uint32_t i, unsigned type,
                      const std::string& role) {
    if (i >= p.objects.size() || p.objects[i].type != type)
        fail(obj(p, i),
             "must be a " + std::string(plan::object_type_name(type)) + " to serve as " + role);
}

void check_mappings(const plan::Plan& p);
void check_threads(const plan::Plan& p);

} // namespace rampart::verify
