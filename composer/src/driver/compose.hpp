// The back half of the pipeline: plan -> verify -> spec -> image, and the
// fixed point it hides. The spec's size moves the root image below the
// kernel, which moves the boot untypeds the spec is planned in; the spec gets
// a reserve of whole 64 KiB granules, starting with one, and planning repeats
// with the spec's size rounded up until the spec fits its reserve.
#pragma once

#include "emit/image_writer.hpp"
#include "plan/plan.hpp"
#include "plan/untypeds.hpp"
#include "validate/validate.hpp"

#include <optional>

namespace rampart::driver {

// The target ELFs; the image needs all three, the plan only the kernel's
// extent and the initializer's segments (assumed when absent).
struct TargetElves {
    const elf::ElfFile* kernel = nullptr;
    const elf::ElfFile* loader = nullptr;
    const elf::ElfFile* initializer = nullptr;
};

struct Composition {
    plan::Plan plan;                // verified, digests set
    std::vector<std::uint8_t> spec; // padded boot data, as placed in the image
    plan::RootImage root;
    std::optional<emit::Image> image;
    unsigned plans = 0; // how many times the fixed point planned
};

inline constexpr std::uint64_t kSpecGranule = 64 * 1024;

// Throws plan::PlanError (the system does not fit), verify::VerifyError (a
// composer bug) and emit::ImageError (the target ELFs cannot be packed).
Composition compose(const validate::CheckedSystem& system, const board::Board& board,
                    const TargetElves& targets);

// The domain schedule the kernel enforces (image.h): the cycle Microkit's
// kernel runs, the entries from the start index up to the end marker
// (duration 0). Durations in timer ticks become microseconds at the board's
// timer frequency.
std::vector<rampart_domain_slot> domain_slots(const plan::Plan& p, const board::Board& b);

} // namespace rampart::driver
