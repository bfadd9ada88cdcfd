// Runs the validation passes over a flat view of the PDs.
#include "validate/context.hpp"

#include "model/limits.hpp"

#include <algorithm>
#include <cstdio>

namespace rampart::validate {

std::string range(std::uint64_t base, std::uint64_t size) {
    std::uint64_t end = base + size < base ? UINT64_MAX : base + size;
    return "[" + hex(base) + ", " + hex(end) + ")";
}

std::uint64_t stack_limit(const model::ProtectionDomain& pd) {
    const std::uint64_t stack = std::min(pd.stack_size.value, model::kMaxStackSize);
    return model::kStackTop - stack - model::kStackGuardSize;
}

bool overlaps(std::uint64_t a, std::uint64_t a_size, std::uint64_t b, std::uint64_t b_size) {
    if (a_size == 0 || b_size == 0)
        return false;
    // Compare inclusive ends so ranges reaching the top of memory do not wrap.
    std::uint64_t a_last = a + (a_size - 1), b_last = b + (b_size - 1);
    if (a_last < a)
        a_last = UINT64_MAX;
    if (b_last < b)
        b_last = UINT64_MAX;
    return a <= b_last && b <= a_last;
}

std::optional<std::filesystem::path> Context::find_file(const std::string& path) const {
    std::error_code ec;
    std::filesystem::path p(path);
    if (path.empty())
        return std::nullopt;
    auto usable = [&](const std::filesystem::path& q) {
        return std::filesystem::is_regular_file(q, ec);
    };
    if (p.is_absolute())
        return usable(p) ? std::optional(p) : std::nullopt;
    if (auto q = std::filesystem::path(sys.directory) / p; usable(q))
        return q;
    for (const auto& dir : options.search_paths)
        if (auto q = dir / p; usable(q))
            return q;
    return std::nullopt;
}

namespace {

void flatten(const model::ProtectionDomain& pd, std::optional<std::size_t> parent,
             std::vector<PdInfo>& out) {
    out.push_back({&pd, parent, {}, {}, {}});
    std::size_t self = out.size() - 1;
    for (const auto& child : pd.children)
        flatten(child, self, out);
}

} // namespace

std::optional<CheckedSystem> validate(std::shared_ptr<const model::System> system,
                                      const board::Board& board, const Options& options,
                                      diag::Diagnostics& diags) {
    CheckedSystem out;
    out.system = system;
    for (const auto& pd : system->pds)
        flatten(pd, std::nullopt, out.pds);
    out.regions.resize(system->regions.size());

    const std::size_t errors_before = diags.error_count();
    Context c{*system, board, options, diags, out, {}, {}, {}, {}};
    check_names(c);
    check_pds(c);
    check_images(c);
    check_regions(c);
    check_maps(c);
    check_channels(c);
    check_symbols(c);
    check_domains(c);
    check_memory(c);
    check_support(c);
    if (diags.error_count() != errors_before)
        return std::nullopt;
    return out;
}

} // namespace rampart::validate
