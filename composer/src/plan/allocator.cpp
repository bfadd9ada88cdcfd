// First-fit placement over the boot untypeds, largest objects first, so the
// watermark of every untyped stays aligned and little memory is lost to padding.
#include "plan/allocator.hpp"

#include "diag/hex.hpp"
#include "plan/geometry.hpp"

#include <algorithm>
#include <bit>
#include <cstdio>

namespace rampart::plan {
using diag::hex;

namespace {

struct Pool {
    std::uint64_t base = 0;
    unsigned bits = 0;
    bool device = false;
    std::uint64_t watermark = 0; // offset from base
    std::uint32_t source = 0;    // boot untyped index, or index into the creation order
    bool from_object = false;
    std::uint32_t boot = 0; // boot untyped it lies in, for accounting
    bool held = false;      // a fixed run lies in it
    std::uint64_t end() const { return base + bit(bits); }
};

class Allocator {
  public:
    explicit Allocator(const std::vector<rampart_untyped_desc>& uts) {
        use_.resize(uts.size());
        for (std::uint32_t i = 0; i < uts.size(); ++i)
            pool_.push_back(
                {uts[i].paddr, uts[i].size_bits, uts[i].is_device != 0, 0, i, false, i});
    }

    void place_fixed(const Request& r) {
        const unsigned obits = object_bits(r.type, r.size_bits);
        const std::uint64_t size = std::uint64_t{r.count} << obits;
        std::size_t p = 0;
        while (p < use_.size() && !(pool_[p].base <= r.paddr && r.paddr + size <= pool_[p].end()))
            ++p;
        if (p == use_.size())
            throw PlanError("no untyped covers " + r.what + " at [" + hex(r.paddr) + ", " +
                                hex(r.paddr + size) +
                                ") (it is neither free RAM nor a device the board hands out)",
                            r.loc);
        const std::uint64_t offset = r.paddr - pool_[p].base;
        if (offset < pool_[p].watermark)
            throw PlanError(r.what + " at " + hex(r.paddr) +
                                " lies below the watermark of the "
                                "untyped at " +
                                hex(pool_[p].base) + " (overlapping fixed ranges)",
                            r.loc);
        fill_to(p, offset);
        emit_run(p, r, obits);
    }

    // Keeps a first object out of the untypeds that fixed runs need.
    void reserve_for_fixed(const Request& r) {
        const std::uint64_t size = std::uint64_t{r.count} << object_bits(r.type, r.size_bits);
        for (std::size_t p = 0; p < use_.size(); ++p)
            if (pool_[p].base <= r.paddr && r.paddr + size <= pool_[p].end())
                pool_[p].held = true;
    }

    void place(const Request& r) {
        const unsigned obits = object_bits(r.type, r.size_bits);
        const std::uint64_t size = std::uint64_t{r.count} << obits;
        // First fit; a first object takes the smallest untyped that holds it,
        // so it does not break the alignment of the large ones.
        std::size_t chosen = pool_.size();
        for (std::size_t p = 0; p < pool_.size(); ++p) {
            Pool& u = pool_[p];
            if (u.device || u.bits < obits || (r.first && u.held))
                continue;
            const std::uint64_t at = align_up(u.base + u.watermark, obits);
            if (at >= u.base && at - u.base <= bit(u.bits) && size <= u.end() - at &&
                (chosen == pool_.size() || u.bits < pool_[chosen].bits)) {
                chosen = p;
                if (!r.first)
                    break;
            }
        }
        if (chosen < pool_.size()) {
            emit_run(chosen, r, obits);
            return;
        }
        std::uint64_t largest = 0;
        for (const Pool& u : pool_)
            if (!u.device)
                largest = std::max(largest, bit(u.bits) - u.watermark);
        throw PlanError("out of memory: no untyped has room for " + r.what + " (" +
                            std::to_string(size) + " bytes; the largest free block is " +
                            std::to_string(largest) + " bytes)",
                        r.loc);
    }

    Allocation finish() {
        for (std::size_t p = 0; p < use_.size(); ++p)
            use_[p].used = pool_[p].watermark;
        return {std::move(order_), std::move(use_)};
    }

  private:
    // Retypes filler untypeds from the watermark up to `offset`, each the
    // largest naturally aligned block that fits. RAM fillers join the pool.
    void fill_to(std::size_t p, std::uint64_t offset) {
        while (pool_[p].watermark < offset) {
            const Pool u = pool_[p];
            const std::uint64_t at = u.base + u.watermark;
            unsigned k = std::min<unsigned>(static_cast<unsigned>(std::countr_zero(at)), 47);
            while (bit(k) > offset - u.watermark)
                --k;
            order_.push_back({kNone, at, u.source, u.from_object, RAMPART_OBJ_UNTYPED,
                              static_cast<std::uint8_t>(k)});
            ++use_[u.boot].objects;
            pool_[p].watermark += bit(k);
            if (!u.device)
                pool_.push_back(
                    {at, k, false, 0, static_cast<std::uint32_t>(order_.size() - 1), true, u.boot});
        }
    }

    void emit_run(std::size_t p, const Request& r, unsigned obits) {
        Pool& u = pool_[p];
        std::uint64_t at = align_up(u.base + u.watermark, obits);
        for (std::uint32_t i = 0; i < r.count; ++i, at += bit(obits))
            order_.push_back({r.first_id + i, at, u.source, u.from_object, r.type, r.size_bits});
        u.watermark = at - u.base;
        use_[u.boot].objects += r.count;
    }

    std::vector<Pool> pool_;
    std::vector<Placed> order_;
    std::vector<UntypedUse> use_;
};

} // namespace

Allocation allocate(const std::vector<rampart_untyped_desc>& untypeds,
                    const std::vector<Request>& requests) {
    Allocator a(untypeds);
    std::vector<const Request*> first, fixed, movable;
    for (const Request& r : requests)
        (r.first ? first : r.fixed ? fixed : movable).push_back(&r);
    std::stable_sort(fixed.begin(), fixed.end(),
                     [](const Request* x, const Request* y) { return x->paddr < y->paddr; });
    // Largest first; among equal sizes by type, so that the initializer makes
    // each type of object with as few Retypes as possible (up to 256 at once).
    std::stable_sort(movable.begin(), movable.end(), [](const Request* x, const Request* y) {
        const unsigned xb = object_bits(x->type, x->size_bits), yb = object_bits(y->type, y->size_bits);
        return xb != yb ? xb > yb : x->type < y->type;
    });
    for (const Request* r : fixed)
        a.reserve_for_fixed(*r);
    for (const Request* r : first)
        a.place(*r);
    for (const Request* r : fixed)
        a.place_fixed(*r);
    for (const Request* r : movable)
        a.place(*r);
    return a.finish();
}

} // namespace rampart::plan
