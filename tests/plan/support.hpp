// Helpers of the back-end tests and the benchmark: the front end over a file
// or text, generated systems, and the whole back end in one call.
#pragma once

#include "board/board.hpp"
#include "driver/compose.hpp"
#include "validate/validate.hpp"

#include <rampart/objects.h>
#include <rampart/rights.h>

#include <optional>
#include <string>

namespace rampart::test {

inline const std::string kRoot = RAMPART_SOURCE_ROOT;
inline const std::string kSystems = PLAN_SYSTEMS_DIR;
inline const std::string kGolden = PLAN_GOLDEN_DIR;

const board::Board& board();

// Parses and validates; program images are found in tests/plan/systems.
// Fails with the rendered diagnostics as the exception text.
validate::CheckedSystem load_file(const std::string& path);
validate::CheckedSystem load_text(const std::string& name, const std::string& text);

// XML for a generated system of n PDs (all running tests/plan/systems/pd.elf):
// a chain of channels (every other one a protected call towards the higher
// priority), one shared region per group of ten PDs, an IRQ on the first PD.
std::string generated_system(unsigned n);

driver::Composition compose(const validate::CheckedSystem& sys);

std::string read_file(const std::string& path);

} // namespace rampart::test
