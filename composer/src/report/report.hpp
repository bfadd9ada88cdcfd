// Reports of a verified plan: text for people, JSON for tools, a DOT graph of
// PDs, channels and shared regions, and capDL-like text. Deterministic: the
// same plan gives byte-identical output. docs/report.md describes them.
#pragma once

#include "plan/plan.hpp"

#include <string>

namespace rampart::report {

std::string text(const plan::Plan& plan);
std::string json(const plan::Plan& plan);
std::string dot(const plan::Plan& plan);
std::string capdl(const plan::Plan& plan);

} // namespace rampart::report
