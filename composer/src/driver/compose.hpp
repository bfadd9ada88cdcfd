// The back half of the composer as one call: predict the boot untypeds, plan,
// verify, write the spec and (when all target ELFs are given) the image.
// Resolves the one circularity: the spec's size moves the root image, which
// moves the untypeds the spec is planned in; the spec is padded to a 64 KiB
// multiple of an estimate, and planning repeats if that reserve is too small.
#pragma once

#include "emit/image_writer.hpp"
#include "plan/plan.hpp"
#include "plan/untypeds.hpp"
#include "validate/validate.hpp"

#include <optional>

namespace rampart::driver {

struct ComposeInputs {
    const validate::CheckedSystem& system;
    const board::Board& board;
    const elf::ElfFile* kernel = nullptr;      // optional
    const elf::ElfFile* loader = nullptr;      // optional
    const elf::ElfFile* initializer = nullptr; // optional: without it, no image
};

struct Composition {
    plan::Plan plan;                // verified, digests set
    std::vector<std::uint8_t> spec; // padded boot data, as placed in the image
    plan::RootImage root;
    std::optional<emit::Image> image;
};

inline constexpr std::uint64_t kSpecGranule = 64 * 1024;

// Throws plan::PlanError (user-facing), verify::VerifyError and ImageError.
Composition compose(const ComposeInputs& in);

// The domain schedule the kernel enforces (image.h): the cycle Microkit's
// kernel runs, the entries from the start index up to the end marker
// (duration 0). Durations in timer ticks become microseconds at the board's
// timer frequency.
std::vector<rampart_domain_slot> domain_slots(const plan::Plan& p, const board::Board& b);

} // namespace rampart::driver
