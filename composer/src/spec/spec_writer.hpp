// Serialises a plan as the spec of kernel/include/rampart/spec.h, and reads
// one back (for tests and `rampart report` on a built spec).
#pragma once

#include "plan/plan.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace rampart::spec {

std::vector<std::uint8_t> write_spec(const plan::Plan& plan);

// A decoded spec: the header and each table as records. Throws
// std::runtime_error naming the defect (magic, version, sizes, checksum, bounds).
struct SpecView {
    rampart_spec_header header{};
    std::vector<rampart_untyped_desc> untypeds;
    std::vector<rampart_spec_untyped_check> untyped_checks;
    std::vector<rampart_spec_object> objects;
    std::vector<rampart_spec_cap> caps;
    std::vector<rampart_spec_mapping> mappings;
    std::vector<rampart_spec_tcb> tcbs;
    std::vector<rampart_spec_sc> scs;
    std::vector<rampart_spec_irq> irqs;
    std::vector<rampart_spec_fill> fills;
    std::vector<rampart_spec_pd> pds;
    std::vector<rampart_spec_domain_entry> domain_schedule;
    std::vector<char> strings;
    std::vector<std::uint8_t> data;
    std::string string_at(std::uint32_t offset) const;
};

SpecView read_spec(const std::vector<std::uint8_t>& bytes);

} // namespace rampart::spec
