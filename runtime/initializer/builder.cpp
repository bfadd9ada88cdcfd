// Steps 2 to 10 and 13 of docs/spec.md. Every invocation is checked; a
// failure names the spec record, the object and the invocation.
#include "builder.hpp"

#include "console.hpp"

#include <rampart/invocations.h>
#include <rampart/invoke.h>
#include <rampart/objects.h>

namespace rampart::init {
namespace {

// "<invocation> of object N 'name'" — the start of every failure line.
Line& about(Line& line, const char* invocation, const SpecView& s, uint32_t object) {
    line << "initializer: error: " << invocation << " of object " << uint64_t{object} << " '"
         << s.object_name(object) << "'";
    return line;
}

void check(uint64_t err, const char* invocation, const SpecView& s, uint32_t object) {
    if (err == RAMPART_NO_ERROR)
        return;
    Line line;
    fail(about(line, invocation, s, object), err);
}

} // namespace

void Builder::check_prediction() {
    const uint32_t kernel = static_cast<uint32_t>(rampart_bootinfo_untyped_count(&bi_));
    const uint32_t n = kernel < s_.untypeds.count ? kernel : s_.untypeds.count;
    for (uint32_t i = 0; i <= n; ++i) {
        if (i == n && kernel == s_.untypeds.count)
            return;
        Line line;
        line << "initializer: error: the kernel's untypeds differ from the composer's prediction";
        if (i < n) {
            const rampart_untyped_desc &k = bi_.untyped_list[i], &p = s_.untypeds[i];
            if (k.paddr == p.paddr && k.size_bits == p.size_bits && k.is_device == p.is_device)
                continue;
            line << " at untyped " << uint64_t{i} << ": kernel " << Hex{k.paddr} << " 2^"
                 << uint64_t{k.size_bits} << (k.is_device ? " device" : "") << ", spec "
                 << Hex{p.paddr} << " 2^" << uint64_t{p.size_bits}
                 << (p.is_device ? " device" : "");
        } else {
            line << ": the kernel has " << uint64_t{kernel} << ", the spec predicts "
                 << uint64_t{s_.untypeds.count};
        }
        line.end();
        stop_boot();
    }
}

// The workspace goes to the first free root slot; then the initializer
// re-roots itself (cspace.hpp). Until then cap addresses are root slots.
void Builder::create_workspace() {
    const uint64_t slot = bi_.empty.start, radix = s_.header->workspace_radix;
    const rampart_spec_object& o = s_.objects[0];
    if (bi_.empty.end - bi_.empty.start < 2 || radix + bi_.root_cnode_bits >= 64 ||
        o.source >= bi_.untyped.end - bi_.untyped.start) {
        Line line;
        line << "initializer: error: no room for the workspace (radix " << radix << ")";
        line.end();
        stop_boot();
    }
    check(rampart_untyped_retype(bi_.untyped.start + o.source, o.type, o.size_bits,
                                 RAMPART_ROOT_CNODE, 0, 0, slot, 1),
          "Untyped Retype", s_, 0);
    const uint64_t guard_bits = 64 - bi_.root_cnode_bits - radix;
    check(rampart_cnode_mint(slot, 0, radix, RAMPART_ROOT_CNODE, RAMPART_ROOT_CNODE, 64,
                             RAMPART_RIGHTS_ALL, RAMPART_CNODE_CAPDATA(0, guard_bits)),
          "CNode Mint of the guarded root CNode into", s_, 0);
    check(rampart_tcb_set_space(RAMPART_ROOT_TCB, RAMPART_ROOT_NULL, RAMPART_ROOT_CNODE,
                                RAMPART_CNODE_CAPDATA(0, guard_bits), RAMPART_ROOT_VSPACE),
          "TCB SetSpace (the initializer's two-level CSpace) after", s_, 0);
    cs_.radix = static_cast<unsigned>(radix);
    cs_.workspace = slot;
    scratch_ = slot + 1;
}

void Builder::create_objects() {
    create_workspace();
    window_.open(cs_, bi_);
    uint32_t pools = 0;
    for (uint32_t i = 1; i < s_.objects.count;) {
        const rampart_spec_object& o = s_.objects[i];
        // Consecutive objects of one source, type and size are made by one Retype.
        uint32_t n = 1;
        while (i + n < s_.objects.count && n < RAMPART_RETYPE_FAN_OUT_LIMIT) {
            const rampart_spec_object& next = s_.objects[i + n];
            if (next.source != o.source || next.type != o.type || next.size_bits != o.size_bits ||
                ((next.flags ^ o.flags) & RAMPART_SPEC_OBJ_FROM_OBJECT))
                break;
            ++n;
        }
        const rampart_cptr_t source = o.flags & RAMPART_SPEC_OBJ_FROM_OBJECT
                                          ? cs_.ws(o.source)
                                          : cs_.root_slot(bi_.untyped.start + o.source);
        check(rampart_untyped_retype(source, o.type, o.size_bits, cs_.root(), cs_.workspace,
                                     cs_.workspace_depth(), i, n),
              "Untyped Retype", s_, i);
        for (uint32_t k = i; k < i + n; ++k) {
            const rampart_spec_object& made = s_.objects[k];
            if (made.flags & RAMPART_SPEC_OBJ_ASID_POOL)
                check(rampart_asid_control_make_pool(cs_.root_slot(RAMPART_ROOT_ASID_CONTROL),
                                                     cs_.ws(k), cs_.root(),
                                                     cs_.ws(pool_slot(pools++)), 64),
                      "ASIDControl MakePool", s_, k);
            // One run is placed contiguously: its first frame's address
            // checks the run (attestation checks every mapped frame).
            if (is_frame(made.type) && k == i) {
                uint64_t paddr = 0;
                check(rampart_page_get_address(cs_.ws(k), &paddr), "Page GetAddress", s_, k);
                if (paddr != made.paddr) {
                    Line line;
                    about(line, "placement", s_, k) << ": the kernel put it at " << Hex{paddr}
                                                    << ", the spec expects " << Hex{made.paddr};
                    line.end();
                    stop_boot();
                }
            }
        }
        i += n;
    }
}

// What the kernel cleared shows in each untyped's watermark and clear mark
// (Untyped Describe): they must be the composer's, untyped by untyped.
void Builder::check_clearing() {
    for (uint32_t i = 0; i < s_.untyped_checks.count; ++i) {
        const rampart_spec_untyped_check& u = s_.untyped_checks[i];
        const bool object = u.flags & RAMPART_SPEC_OBJ_FROM_OBJECT;
        const rampart_cptr_t cap =
            object ? cs_.ws(u.untyped) : cs_.root_slot(bi_.untyped.start + u.untyped);
        uint64_t watermark = 0, clear_mark = 0;
        const uint64_t err = rampart_untyped_describe(cap, &watermark, &clear_mark);
        if (err != RAMPART_NO_ERROR) {
            Line line;
            fail(about(line, "Untyped Describe", s_, object ? u.untyped : 0), err);
        }
        if (watermark == u.watermark && clear_mark == u.clear_mark)
            continue;
        Line line;
        line << "initializer: error: the kernel cleared other memory than the composer planned: "
             << (object ? "object " : "boot untyped ") << uint64_t{u.untyped}
             << ": watermark " << Hex{watermark} << ", clear mark " << Hex{clear_mark}
             << " (planned " << Hex{u.watermark} << ", " << Hex{u.clear_mark} << ")";
        line.end();
        stop_boot();
    }
}

void Builder::write_frame(uint32_t frame, uint32_t first_fill, bool zero_first) {
    const rampart_spec_object& o = s_.objects[frame];
    // Once the PDs are mapped, a frame's own cap may be mapped in its PD (a
    // cap maps once): a restart writes through a copy in the scratch slot.
    rampart_cptr_t cap = cs_.ws(frame);
    if (zero_first) {
        check(rampart_cnode_copy(cs_.root(), scratch_, cs_.workspace_depth(), cs_.root(), cap, 64,
                                 RAMPART_RIGHTS_ALL),
              "CNode Copy (the fill window)", s_, frame);
        cap = cs_.root_slot(scratch_);
    }
    uint64_t err = 0;
    uint8_t* bytes = window_.map(cap, o.type, err);
    if (!bytes)
        check(err, "Page Map (the fill window)", s_, frame);
    if (zero_first)
        __builtin_memset(bytes, 0, frame_bytes(o.type));
    for (uint32_t f = first_fill; f < s_.fills.count && s_.fills[f].frame == frame; ++f) {
        const rampart_spec_fill& fill = s_.fills[f];
        __builtin_memcpy(bytes + fill.frame_offset, s_.data + fill.data_offset, fill.size);
    }
    window_.close(cap);
    if (zero_first)
        check(rampart_cnode_delete(cs_.root(), scratch_, cs_.workspace_depth()),
              "CNode Delete (scratch)", s_, frame);
}

void Builder::fill_frames() {
    for (uint32_t f = 0; f < s_.fills.count;) {
        const uint32_t frame = s_.fills[f].frame;
        write_frame(frame, f, false);
        while (f < s_.fills.count && s_.fills[f].frame == frame)
            ++f;
    }
}

void Builder::assign_asids() {
    uint32_t pools = 0;
    for (const rampart_spec_object& o : s_.objects)
        pools += (o.flags & RAMPART_SPEC_OBJ_ASID_POOL) != 0;
    for (const rampart_spec_pd& pd : s_.pds) {
        if (pd.asid_pool > pools)
            check(RAMPART_INVALID_ARGUMENT, "ASIDPool Assign (no such pool)", s_, pd.vspace);
        const rampart_cptr_t pool = pd.asid_pool == 0 ? cs_.root_slot(RAMPART_ROOT_ASID_POOL)
                                                      : cs_.ws(pool_slot(pd.asid_pool - 1));
        check(rampart_asid_pool_assign(pool, cs_.ws(pd.vspace)), "ASIDPool Assign", s_, pd.vspace);
    }
}

void Builder::map() {
    for (uint32_t j = 0; j < s_.mappings.count; ++j) {
        const rampart_spec_mapping& m = s_.mappings[j];
        if (m.kind == RAMPART_SPEC_MAP_PAGE_TABLE) {
            check(rampart_page_table_map(cs_.ws(m.object), cs_.ws(m.vspace), m.vaddr, 0),
                  "PageTable Map", s_, m.object);
            continue;
        }
        const rampart_cptr_t copy = mapping_cap(j);
        if (m.kind == RAMPART_SPEC_MAP_FRAME)
            check(rampart_cnode_copy(cs_.root(), copy, 64, cs_.root(), cs_.ws(m.object), 64,
                                     RAMPART_RIGHTS_ALL),
                  "CNode Copy (for a mapping)", s_, m.object);
        const uint64_t rights =
            RAMPART_RIGHT_READ | (m.rights & RAMPART_SPEC_MAP_W ? RAMPART_RIGHT_WRITE : 0u);
        const uint64_t attrs = (m.attrs & RAMPART_SPEC_ATTR_CACHED ? RAMPART_ATTR_CACHEABLE : 0u) |
                               (m.rights & RAMPART_SPEC_MAP_X ? 0u : RAMPART_ATTR_EXECUTE_NEVER);
        const uint64_t err = rampart_page_map(copy, cs_.ws(m.vspace), m.vaddr, rights, attrs);
        if (err != RAMPART_NO_ERROR) {
            Line line;
            about(line, "Page Map", s_, m.object)
                << " at " << Hex{m.vaddr} << " in PD '" << s_.pd_name(m.pd) << "'";
            fail(line, err);
        }
        if (m.rights & RAMPART_SPEC_MAP_X)
            check(rampart_page_cache(copy, RAMPART_PAGE_UNIFY_INSTRUCTION, 0,
                                     frame_bytes(s_.objects[m.object].type)),
                  "Page UnifyInstruction", s_, m.object);
        // What the fills wrote through the cached window reaches RAM for an
        // uncached mapping (a cached one sees it anyway).
        if (!(m.attrs & RAMPART_SPEC_ATTR_CACHED) && has_fills(m.object))
            check(rampart_page_cache(copy, RAMPART_PAGE_CLEAN_DATA, 0,
                                     frame_bytes(s_.objects[m.object].type)),
                  "Page CleanData", s_, m.object);
    }
}

bool Builder::has_fills(uint32_t frame) const {
    uint32_t lo = 0, hi = s_.fills.count; // fills are sorted by frame
    while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        if (s_.fills[mid].frame < frame)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s_.fills.count && s_.fills[lo].frame == frame;
}

void Builder::set_up_irqs() {
    const uint64_t depth = cs_.workspace_depth(); // a root slot, addressed from the root
    for (uint32_t k = 0; k < s_.irqs.count; ++k) {
        const rampart_spec_irq& q = s_.irqs[k];
        const uint64_t err =
            rampart_irq_control_get_trigger(cs_.root_slot(RAMPART_ROOT_IRQ_CONTROL), q.irq,
                                            q.trigger, cs_.root(), cs_.ws(irq_slot(k)), 64);
        if (err != RAMPART_NO_ERROR) {
            Line line;
            line << "initializer: error: IRQControl GetTrigger of IRQ " << uint64_t{q.irq}
                 << " for PD '" << s_.pd_name(q.pd) << "'";
            fail(line, err);
        }
        check(rampart_cnode_mint(cs_.root(), scratch_, depth, cs_.root(), cs_.ws(q.notification),
                                 64, RAMPART_RIGHT_WRITE, q.badge),
              "CNode Mint (for an IRQ)", s_, q.notification);
        check(rampart_irq_handler_set_notification(cs_.ws(irq_slot(k)), cs_.root_slot(scratch_)),
              "IRQHandler SetNotification", s_, q.notification);
        check(rampart_cnode_delete(cs_.root(), scratch_, depth), "CNode Delete (scratch)", s_,
              q.notification);
    }
}

void Builder::place_caps() {
    for (uint32_t i = 0; i < s_.caps.count; ++i) {
        const rampart_spec_cap& c = s_.caps[i];
        const rampart_cptr_t cnode = cs_.ws(c.cnode);
        const uint64_t depth = s_.objects[c.cnode].size_bits;
        uint64_t err;
        if (c.kind == RAMPART_SPEC_CAP_OBJECT)
            err = rampart_cnode_mint(cnode, c.slot, depth, cs_.root(), cs_.ws(c.object), 64,
                                     c.rights, c.badge);
        else if (c.kind == RAMPART_SPEC_CAP_IRQ_HANDLER)
            err = rampart_cnode_copy(cnode, c.slot, depth, cs_.root(), cs_.ws(irq_slot(c.object)),
                                     64, RAMPART_RIGHTS_ALL);
        else if (c.object == 0)
            err = rampart_cnode_copy(cnode, c.slot, depth, cs_.root(), bi_.sched_control.start,
                                     cs_.workspace_depth(), RAMPART_RIGHTS_ALL);
        else
            err = RAMPART_INVALID_ARGUMENT; // one core
        if (err != RAMPART_NO_ERROR) {
            Line line;
            about(line, "placing cap", s_, c.cnode)
                << " slot " << uint64_t{c.slot} << " (cap record " << uint64_t{i} << ")";
            fail(line, err);
        }
    }
}

void Builder::configure_scs() {
    for (const rampart_spec_sc& sc : s_.scs) {
        const uint64_t err =
            sc.cpu == 0 ? rampart_sched_control_configure(cs_.root_slot(bi_.sched_control.start),
                                                          cs_.ws(sc.sc), sc.budget_us, sc.period_us,
                                                          sc.extra_refills, sc.badge)
                        : RAMPART_INVALID_ARGUMENT;
        check(err, "SchedControl ConfigureFlags", s_, sc.sc);
    }
}

// The TCB keeps its own copy of the fault endpoint; it is minted like the
// PD's slot-2 cap into the scratch slot for the one SetSpace.
rampart_cptr_t Builder::fault_endpoint(const rampart_spec_tcb& t) {
    if (t.fault_cap == RAMPART_SPEC_NONE)
        return cs_.root_slot(RAMPART_ROOT_NULL);
    const rampart_spec_cap& c = s_.caps[t.fault_cap];
    check(rampart_cnode_mint(cs_.root(), scratch_, cs_.workspace_depth(), cs_.root(),
                             cs_.ws(c.object), 64, c.rights, c.badge),
          "CNode Mint (fault endpoint)", s_, c.object);
    return cs_.root_slot(scratch_);
}

void Builder::configure_threads() {
    const rampart_cptr_t self = cs_.root_slot(RAMPART_ROOT_TCB);
    for (const rampart_spec_tcb& t : s_.tcbs) {
        const rampart_cptr_t tcb = cs_.ws(t.tcb);
        check(rampart_tcb_set_space(tcb, fault_endpoint(t), cs_.ws(t.cspace), t.cspace_data,
                                    cs_.ws(t.vspace)),
              "TCB SetSpace", s_, t.tcb);
        if (t.fault_cap != RAMPART_SPEC_NONE)
            check(rampart_cnode_delete(cs_.root(), scratch_, cs_.workspace_depth()),
                  "CNode Delete (scratch)", s_, t.tcb);
        check(rampart_tcb_set_ipc_buffer(tcb, t.ipc_buffer, cs_.ws(t.ipc_buffer_frame)),
              "TCB SetIPCBuffer", s_, t.tcb);
        check(rampart_tcb_set_sched_params(tcb, self, t.mcp, t.priority), "TCB SetSchedParams", s_,
              t.tcb);
        if (t.sc != RAMPART_SPEC_NONE)
            check(rampart_sched_context_bind(cs_.ws(s_.scs[t.sc].sc), tcb), "SchedContext Bind", s_,
                  t.tcb);
        if (t.domain != 0 || (s_.header->flags & RAMPART_SPEC_F_DOMAINS))
            check(rampart_domain_set(cs_.root_slot(RAMPART_ROOT_DOMAIN), t.domain, tcb),
                  "DomainSet Set", s_, t.tcb);
        if (t.bound_notification != RAMPART_SPEC_NONE)
            check(rampart_tcb_bind_notification(tcb, cs_.ws(t.bound_notification)),
                  "TCB BindNotification", s_, t.tcb);
        const uint64_t regs[] = {t.entry, t.stack_pointer, 0, t.arg0}; // pc, sp, spsr, x0
        check(rampart_tcb_write_registers(tcb, 0, 4, regs), "TCB WriteRegisters", s_, t.tcb);
    }
}

void Builder::start() {
    for (const rampart_spec_tcb& t : s_.tcbs)
        if (t.flags & RAMPART_SPEC_TCB_START)
            check(rampart_tcb_resume(cs_.ws(t.tcb)), "TCB Resume", s_, t.tcb);
}

} // namespace rampart::init
