// Frame contents: program segments with their setvar symbols patched, and
// region prefill files, as fills over one deduplicated data blob.
#include "plan/context.hpp"

#include "diag/read_file.hpp"
#include "plan/geometry.hpp"

#include <rampart/image.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace rampart::plan {
namespace {

constexpr unsigned kFillAlignBits = 3; // fills start and end on words of the frame and data

struct Patch {
    std::string symbol;
    std::vector<std::uint8_t> bytes;
    bool required = true;
    diag::Loc loc; // the setvar that asks for it
};

std::vector<std::uint8_t> word(std::uint64_t v, std::size_t size = 8) {
    std::vector<std::uint8_t> out(size);
    for (std::size_t i = 0; i < size && i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(v >> (8 * i));
    return out;
}

class Blob {
  public:
    explicit Blob(std::vector<std::uint8_t>& data) : data_(data) {}
    std::uint64_t add(const std::uint8_t* p, std::size_t n) {
        const std::uint64_t h = rampart_fnv1a(RAMPART_FNV_OFFSET, p, n);
        auto& offsets = seen_[h ^ n];
        for (std::uint64_t off : offsets)
            if (std::memcmp(data_.data() + off, p, n) == 0)
                return off;
        data_.resize(align_up(data_.size(), kFillAlignBits)); // word copies at boot
        const std::uint64_t off = data_.size();
        data_.insert(data_.end(), p, p + n);
        offsets.push_back(off);
        return off;
    }

  private:
    std::vector<std::uint8_t>& data_;
    std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> seen_;
};

// Adds fills for bytes [0, n) placed at vaddr/paddr-like address `at`, split
// into pieces of 2^page_bits at frame(page address); zero runs at the ends are
// dropped because retyped memory starts zeroed.
template <class FrameOf>
void add_fills(Context& c, Blob& blob, std::uint32_t pd, std::uint64_t at, const std::uint8_t* p,
               std::size_t n, unsigned page_bits, FrameOf frame_of) {
    std::uint64_t done = 0;
    while (done < n) {
        const std::uint64_t page = align_down(at + done, page_bits);
        const std::uint64_t chunk =
            std::min<std::uint64_t>(n - done, page + bit(page_bits) - (at + done));
        std::uint64_t lo = done, hi = done + chunk;
        while (lo < hi && p[lo] == 0)
            ++lo;
        while (hi > lo && p[hi - 1] == 0)
            --hi;
        // Whole words of the frame where the chunk allows, so that the
        // initializer copies words, not bytes.
        if (hi > lo) {
            lo = std::max(done, lo - ((at + lo - page) & (bit(kFillAlignBits) - 1)));
            hi = std::min(done + chunk, align_up(at + hi - page, kFillAlignBits) + page - at);
        }
        if (hi > lo) {
            rampart_spec_fill f{};
            f.frame = frame_of(page);
            f.pd = pd;
            f.frame_offset = at + lo - page;
            f.size = hi - lo;
            f.data_offset = blob.add(p + lo, f.size);
            c.out.fills.push_back(f);
        }
        done += chunk;
    }
}

std::vector<Patch> patches_of(const Context& c, std::uint32_t i) {
    const PdPlan& p = c.pds[i];
    const model::ProtectionDomain& pd = *p.info->pd;
    std::vector<Patch> out;
    for (const auto& s : pd.setvars) {
        const auto& region = c.out.regions[c.region_by_name.at(s.region_paddr.value)];
        out.push_back({s.symbol.value, word(region.paddr), true, s.symbol.loc});
    }
    for (const auto& m : pd.maps) {
        const std::uint32_t r = c.region_by_name.at(m.mr.value);
        if (m.setvar_vaddr.given())
            out.push_back({m.setvar_vaddr.value, word(m.vaddr.value), true, m.setvar_vaddr.loc});
        if (m.setvar_size.given())
            out.push_back(
                {m.setvar_size.value, word(c.out.regions[r].size), true, m.setvar_size.loc});
        if (m.setvar_prefill_size.given())
            out.push_back({m.setvar_prefill_size.value, word(c.sys.regions[r].prefill_size), true,
                           m.setvar_prefill_size.loc});
    }
    for (const auto& irq : pd.irqs)
        if (irq.setvar_id.given())
            out.push_back({irq.setvar_id.value, word(irq.id.value), true, irq.setvar_id.loc});
    for (const auto& child : pd.children)
        if (child.setvar_id.given())
            out.push_back({child.setvar_id.value, word(child.id.value), true, child.setvar_id.loc});
    for (const auto& ch : c.sys.system->channels)
        for (const auto& end : ch.ends)
            if (end.pd.value == pd.name.value && end.setvar_id.given())
                out.push_back({end.setvar_id.value, word(end.id.value), true, end.setvar_id.loc});
    // What microkit.h's library reads, when the program has it.
    if (auto sym = p.symbols->symbol("microkit_name")) {
        std::vector<std::uint8_t> name(std::max<std::uint64_t>(sym->size, 1));
        std::memcpy(name.data(), pd.name.value.data(),
                    std::min(pd.name.value.size(), name.size() - 1));
        out.push_back({"microkit_name", name, false, {}});
    }
    out.push_back({"microkit_irqs", word(p.irq_mask), false, {}});
    out.push_back({"microkit_notifications", word(p.notify_mask), false, {}});
    out.push_back({"microkit_pps", word(p.pp_mask), false, {}});
    out.push_back({"microkit_passive", word(pd.passive.value, 1), false, {}});
    return out;
}

void fill_pd(Context& c, Blob& blob, std::uint32_t i) {
    const PdPlan& p = c.pds[i];
    std::vector<std::vector<std::uint8_t>> data;
    for (const auto& s : p.elf->segments())
        data.push_back(s.data);
    for (const Patch& patch : patches_of(c, i)) {
        const auto sym = p.symbols->symbol(patch.symbol);
        if (!sym) {
            if (patch.required)
                throw PlanError("symbol '" + patch.symbol + "' of protection domain '" +
                                    p.info->pd->name.value + "' is not in its program image",
                                patch.loc);
            continue;
        }
        const std::size_t n = patch.bytes.size();
        // A setvar writes one word: a variable of another size would be
        // overrun or only partly set.
        if (patch.required && sym->size != n)
            throw PlanError("symbol '" + patch.symbol + "' of protection domain '" +
                                p.info->pd->name.value + "' is " + std::to_string(sym->size) +
                                " bytes long; a setvar sets a variable of " + std::to_string(n) +
                                " bytes",
                            patch.loc);
        bool placed = false;
        for (std::size_t k = 0; k < data.size() && !placed; ++k) {
            const auto& s = p.elf->segments()[k];
            if (sym->value < s.vaddr || sym->value + n > s.vaddr + s.mem_size)
                continue;
            const std::uint64_t off = sym->value - s.vaddr;
            if (data[k].size() < off + n)
                data[k].resize(off + n);
            std::copy(patch.bytes.begin(), patch.bytes.end(),
                      data[k].begin() + static_cast<std::ptrdiff_t>(off));
            placed = true;
        }
        if (!placed && patch.required)
            throw PlanError("symbol '" + patch.symbol + "' of protection domain '" +
                                p.info->pd->name.value + "' is not inside a loadable segment",
                            patch.loc);
    }
    const auto& pages = p.layout.pages;
    auto frame_of = [&](std::uint64_t vaddr) {
        const auto it =
            std::lower_bound(pages.begin(), pages.end(), vaddr,
                             [](const Page& pg, std::uint64_t v) { return pg.vaddr < v; });
        return p.frames[static_cast<std::size_t>(it - pages.begin())];
    };
    for (std::size_t k = 0; k < data.size(); ++k)
        add_fills(c, blob, i, p.elf->segments()[k].vaddr, data[k].data(), data[k].size(), kPageBits,
                  frame_of);
}

void fill_region(Context& c, Blob& blob, std::uint32_t r) {
    const auto& path = c.sys.regions[r].prefill;
    if (path.empty())
        return;
    auto read = diag::read_file(path);
    if (!read)
        throw PlanError("cannot read prefill file '" + path.string() + "'");
    std::vector<std::uint8_t>& bytes = *read;
    const RegionSummary& s = c.out.regions[r];
    bytes.resize(std::min<std::uint64_t>(bytes.size(), s.size));
    const unsigned bits = ceil_log2(s.page_size);
    add_fills(c, blob, kNone, 0, bytes.data(), bytes.size(), bits, [&](std::uint64_t off) {
        return s.first_frame + static_cast<std::uint32_t>(off >> bits);
    });
}

} // namespace

void fill_frames(Context& c) {
    Blob blob(c.out.data);
    for (std::uint32_t r = 0; r < c.out.regions.size(); ++r)
        fill_region(c, blob, r);
    for (std::uint32_t i = 0; i < c.pds.size(); ++i)
        fill_pd(c, blob, i);
    std::stable_sort(
        c.out.fills.begin(), c.out.fills.end(),
        [](const rampart_spec_fill& a, const rampart_spec_fill& b) { return a.frame < b.frame; });
}

} // namespace rampart::plan
