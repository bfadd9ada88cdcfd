// Step 1 of docs/spec.md: the header, the checksum, every table and every
// index a record holds. After this nothing in the spec can send the
// initializer out of bounds.
#include "spec_view.hpp"

#include "console.hpp"

#include <rampart/image.h>
#include <rampart/objects.h>

namespace rampart::init {
namespace {

[[noreturn]] void refuse(const char* what, uint64_t index = ~0ull, const char* table = nullptr) {
    Line line;
    line << "initializer: error: the spec is corrupt: " << what;
    if (table)
        line << " (" << table << " record " << index << ")";
    line.end();
    stop_boot();
}

template <typename T>
Table<T> table(const rampart_spec_header* h, rampart_spec_table t, const char* name) {
    if (!rampart_spec_table_ok(h, t, sizeof(T))) {
        Line line;
        line << "initializer: error: the spec is corrupt: table '" << name << "' at offset "
             << uint64_t{t.offset} << " with " << uint64_t{t.count}
             << " records lies outside the spec";
        line.end();
        stop_boot();
    }
    return {static_cast<const T*>(rampart_spec_records(h, t)), t.count};
}

// Every index field of every record.
void check_indices(const SpecView& s) {
    const uint32_t objects = s.objects.count, pds = s.pds.count;
    const auto object_ok = [&](uint32_t i) { return i < objects; };
    const auto optional = [&](uint32_t i, uint32_t n) { return i == RAMPART_SPEC_NONE || i < n; };
    const auto typed = [&](uint32_t i, uint8_t type) {
        return i < objects && s.objects[i].type == type;
    };
    if (objects == 0 || s.header->workspace != 0 || s.objects[0].type != RAMPART_OBJ_CNODE ||
        s.objects[0].size_bits != s.header->workspace_radix)
        refuse("object 0 must be the workspace CNode of the header's radix");
    if (!typed(s.header->monitor_endpoint, RAMPART_OBJ_ENDPOINT))
        refuse("the monitor endpoint is not an endpoint object");
    for (uint32_t i = 0; i < objects; ++i) {
        const auto& o = s.objects[i];
        if (o.type >= RAMPART_OBJ_TYPE_COUNT || !optional(o.pd, pds))
            refuse("bad type or PD", i, "object");
        if (i == 0)
            continue;
        if (o.flags & RAMPART_SPEC_OBJ_FROM_OBJECT ? !(o.source < i && typed(o.source, 0))
                                                   : o.source >= s.untypeds.count)
            refuse("bad source", i, "object");
    }
    for (uint32_t i = 0; i < s.untyped_checks.count; ++i) {
        const auto& u = s.untyped_checks[i];
        if (u.flags & RAMPART_SPEC_OBJ_FROM_OBJECT ? !typed(u.untyped, RAMPART_OBJ_UNTYPED)
                                                   : u.untyped >= s.untypeds.count)
            refuse("bad untyped", i, "untyped check");
    }
    for (uint32_t i = 0; i < s.caps.count; ++i) {
        const auto& c = s.caps[i];
        const bool ok =
            typed(c.cnode, RAMPART_OBJ_CNODE) && c.slot < (1ull << s.objects[c.cnode].size_bits) &&
            (c.kind == RAMPART_SPEC_CAP_OBJECT        ? object_ok(c.object)
             : c.kind == RAMPART_SPEC_CAP_IRQ_HANDLER ? c.object < s.irqs.count
                                                      : c.kind < RAMPART_SPEC_CAP_KIND_COUNT);
        if (!ok)
            refuse("bad CNode, slot or object", i, "cap");
    }
    for (uint32_t i = 0; i < s.mappings.count; ++i) {
        const auto& m = s.mappings[i];
        const bool table = m.kind == RAMPART_SPEC_MAP_PAGE_TABLE;
        if (!typed(m.vspace, RAMPART_OBJ_VSPACE) || m.kind > RAMPART_SPEC_MAP_FRAME_OWN ||
            !(table ? typed(m.object, RAMPART_OBJ_PAGE_TABLE)
                    : object_ok(m.object) && is_frame(s.objects[m.object].type)))
            refuse("bad VSpace, kind or object", i, "mapping");
    }
    for (uint32_t i = 0; i < s.tcbs.count; ++i) {
        const auto& t = s.tcbs[i];
        if (!typed(t.tcb, RAMPART_OBJ_TCB) || !typed(t.cspace, RAMPART_OBJ_CNODE) ||
            !typed(t.vspace, RAMPART_OBJ_VSPACE) || !object_ok(t.ipc_buffer_frame) ||
            !optional(t.sc, s.scs.count) || !optional(t.fault_cap, s.caps.count) ||
            (t.bound_notification != RAMPART_SPEC_NONE &&
             !typed(t.bound_notification, RAMPART_OBJ_NOTIFICATION)))
            refuse("bad object or record index", i, "tcb");
    }
    for (uint32_t i = 0; i < s.scs.count; ++i)
        if (!typed(s.scs[i].sc, RAMPART_OBJ_SCHED_CONTEXT))
            refuse("not a scheduling context", i, "sc");
    for (uint32_t i = 0; i < s.irqs.count; ++i)
        if (!typed(s.irqs[i].notification, RAMPART_OBJ_NOTIFICATION))
            refuse("not a notification", i, "irq");
    for (uint32_t i = 0; i < s.fills.count; ++i) {
        const auto& f = s.fills[i];
        if (!object_ok(f.frame) || !is_frame(s.objects[f.frame].type) ||
            f.size > frame_bytes(s.objects[f.frame].type) ||
            f.frame_offset > frame_bytes(s.objects[f.frame].type) - f.size ||
            f.data_offset > s.data_size || f.size > s.data_size - f.data_offset)
            refuse("bad frame or byte range", i, "fill");
    }
    for (uint32_t i = 0; i < pds; ++i) {
        const auto& p = s.pds[i];
        if (p.tcb >= s.tcbs.count || !typed(p.cnode, RAMPART_OBJ_CNODE) ||
            !typed(p.vspace, RAMPART_OBJ_VSPACE) ||
            !(p.parent == RAMPART_SPEC_NONE || p.parent < i))
            refuse("bad record or object index", i, "pd");
    }
}

} // namespace

const char* SpecView::string(uint32_t offset) const {
    if (offset >= strings_size)
        return "?";
    for (uint32_t i = offset; i < strings_size; ++i)
        if (strings[i] == 0)
            return strings + offset;
    return "?";
}

const char* SpecView::pd_name(uint32_t pd) const {
    return pd < pds.count ? string(pds[pd].name) : "(none)";
}

SpecView check_spec(const void* boot_data, uint64_t boot_data_size) {
    if (!boot_data || boot_data_size < sizeof(rampart_spec_header))
        refuse("the image carries no spec");
    const auto* h = static_cast<const rampart_spec_header*>(boot_data);
    if (h->magic != RAMPART_SPEC_MAGIC)
        refuse("bad magic");
    if (h->version != RAMPART_SPEC_VERSION || h->header_size != sizeof(rampart_spec_header))
        refuse("unsupported version or header size");
    if (h->total_size > boot_data_size || h->total_size < h->header_size)
        refuse("the total size exceeds the boot data");
    const auto* bytes = static_cast<const uint8_t*>(boot_data);
    if (rampart_checksum(bytes + h->header_size, h->total_size - h->header_size) !=
        h->checksum)
        refuse("checksum mismatch");

    SpecView s;
    s.header = h;
    s.untypeds = table<rampart_untyped_desc>(h, h->untypeds, "untypeds");
    s.untyped_checks =
        table<rampart_spec_untyped_check>(h, h->untyped_checks, "untyped_checks");
    s.objects = table<rampart_spec_object>(h, h->objects, "objects");
    s.caps = table<rampart_spec_cap>(h, h->caps, "caps");
    s.mappings = table<rampart_spec_mapping>(h, h->mappings, "mappings");
    s.tcbs = table<rampart_spec_tcb>(h, h->tcbs, "tcbs");
    s.scs = table<rampart_spec_sc>(h, h->scs, "scs");
    s.irqs = table<rampart_spec_irq>(h, h->irqs, "irqs");
    s.fills = table<rampart_spec_fill>(h, h->fills, "fills");
    s.pds = table<rampart_spec_pd>(h, h->pds, "pds");
    const auto strings = table<char>(h, h->strings, "strings");
    s.strings = strings.records;
    s.strings_size = strings.count;
    const auto data = table<uint8_t>(h, h->data, "data");
    s.data = data.records;
    s.data_size = data.count;
    check_indices(s);
    return s;
}

} // namespace rampart::init
