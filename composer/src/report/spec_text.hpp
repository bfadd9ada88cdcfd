// Reading a built spec back for `rampart report spec.bin|image.elf|image.bin`.
#pragma once

#include "spec/spec_writer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rampart::report {

// The first well-formed spec in bytes (a spec file or an image holding one).
std::optional<spec::SpecView> find_spec(const std::vector<std::uint8_t>& bytes);

std::string spec_text(const spec::SpecView& spec);

} // namespace rampart::report
