/* Typed wrappers for every kernel-object invocation (see rampart/invoke.h). */
#include <rampart/invoke.h>

static unsigned last_length;

uint64_t rampart_invoke(rampart_cptr_t obj, uint64_t label, unsigned nwords, const uint64_t* words,
                        unsigned ncaps, const rampart_cptr_t* caps) {
    uint64_t mr[4] = {0, 0, 0, 0};
    for (unsigned i = 0; i < nwords; ++i) {
        if (i < 4)
            mr[i] = words[i];
        else
            rampart_ipc->msg[i] = words[i];
    }
    for (unsigned i = 0; i < ncaps && i < RAMPART_MSG_MAX_EXTRA_CAPS; ++i)
        rampart_ipc->caps_or_badges[i] = caps[i];
    const rampart_msginfo_t reply =
        rampart_sys_call(obj, rampart_msginfo_new(label, 0, ncaps, nwords), mr);
    for (unsigned i = 0; i < 4; ++i)
        rampart_ipc->msg[i] = mr[i];
    last_length = (unsigned)rampart_msginfo_length(reply);
    return rampart_msginfo_label(reply);
}

unsigned rampart_reply_length(void) {
    return last_length;
}

#define WORDS(...) ((const uint64_t[]){__VA_ARGS__})
#define CAPS(...) ((const rampart_cptr_t[]){__VA_ARGS__})
#define COUNT(...) (sizeof((const uint64_t[]){__VA_ARGS__}) / sizeof(uint64_t))
#define INVOKE(obj, label, words, caps)                                                            \
    rampart_invoke(obj, label, COUNT words, WORDS words, COUNT caps, CAPS caps)

uint64_t rampart_cnode_copy(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                            rampart_cptr_t src_root, uint64_t src, uint64_t src_depth,
                            uint64_t rights) {
    return INVOKE(root, RAMPART_CNODE_COPY, (dest, dest_depth, src, src_depth, rights), (src_root));
}

uint64_t rampart_cnode_mint(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                            rampart_cptr_t src_root, uint64_t src, uint64_t src_depth,
                            uint64_t rights, uint64_t badge) {
    return INVOKE(root, RAMPART_CNODE_MINT, (dest, dest_depth, src, src_depth, rights, badge),
                  (src_root));
}

uint64_t rampart_cnode_move(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                            rampart_cptr_t src_root, uint64_t src, uint64_t src_depth) {
    return INVOKE(root, RAMPART_CNODE_MOVE, (dest, dest_depth, src, src_depth), (src_root));
}

uint64_t rampart_cnode_mutate(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                              rampart_cptr_t src_root, uint64_t src, uint64_t src_depth,
                              uint64_t data) {
    return INVOKE(root, RAMPART_CNODE_MUTATE, (dest, dest_depth, src, src_depth, data), (src_root));
}

uint64_t rampart_cnode_rotate(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                              uint64_t dest_badge, rampart_cptr_t pivot_root, uint64_t pivot,
                              uint64_t pivot_depth, uint64_t pivot_badge, rampart_cptr_t src_root,
                              uint64_t src, uint64_t src_depth) {
    return INVOKE(root, RAMPART_CNODE_ROTATE,
                  (dest, dest_depth, dest_badge, pivot, pivot_depth, pivot_badge, src, src_depth),
                  (pivot_root, src_root));
}

uint64_t rampart_cnode_delete(rampart_cptr_t root, uint64_t index, uint64_t depth) {
    return rampart_invoke(root, RAMPART_CNODE_DELETE, 2, WORDS(index, depth), 0, 0);
}

uint64_t rampart_cnode_revoke(rampart_cptr_t root, uint64_t index, uint64_t depth) {
    return rampart_invoke(root, RAMPART_CNODE_REVOKE, 2, WORDS(index, depth), 0, 0);
}

uint64_t rampart_untyped_retype(rampart_cptr_t ut, uint64_t type, uint64_t size_bits,
                                rampart_cptr_t root, uint64_t node_index, uint64_t node_depth,
                                uint64_t node_offset, uint64_t count) {
    return INVOKE(ut, RAMPART_UNTYPED_RETYPE,
                  (type, size_bits, node_index, node_depth, node_offset, count), (root));
}

uint64_t rampart_untyped_describe(rampart_cptr_t ut, uint64_t* watermark, uint64_t* clear_mark) {
    const uint64_t err = rampart_invoke(ut, RAMPART_UNTYPED_DESCRIBE, 0, 0, 0, 0);
    if (err == RAMPART_NO_ERROR) {
        *watermark = rampart_ipc->msg[0];
        *clear_mark = rampart_ipc->msg[1];
    }
    return err;
}

uint64_t rampart_tcb_configure(rampart_cptr_t tcb, rampart_cptr_t cspace, uint64_t cspace_data,
                               rampart_cptr_t vspace, uint64_t buffer,
                               rampart_cptr_t buffer_frame) {
    if (buffer)
        return INVOKE(tcb, RAMPART_TCB_CONFIGURE, (cspace_data, 0, buffer),
                      (cspace, vspace, buffer_frame));
    return INVOKE(tcb, RAMPART_TCB_CONFIGURE, (cspace_data, 0, 0), (cspace, vspace));
}

uint64_t rampart_tcb_set_space(rampart_cptr_t tcb, rampart_cptr_t fault_ep, rampart_cptr_t cspace,
                               uint64_t cspace_data, rampart_cptr_t vspace) {
    return INVOKE(tcb, RAMPART_TCB_SET_SPACE, (cspace_data, 0), (fault_ep, cspace, vspace));
}

uint64_t rampart_tcb_set_ipc_buffer(rampart_cptr_t tcb, uint64_t buffer, rampart_cptr_t frame) {
    if (buffer)
        return INVOKE(tcb, RAMPART_TCB_SET_IPC_BUFFER, (buffer), (frame));
    return rampart_invoke(tcb, RAMPART_TCB_SET_IPC_BUFFER, 1, WORDS(0), 0, 0);
}

uint64_t rampart_tcb_set_priority(rampart_cptr_t tcb, rampart_cptr_t authority, uint64_t priority) {
    return INVOKE(tcb, RAMPART_TCB_SET_PRIORITY, (priority), (authority));
}

uint64_t rampart_tcb_set_mc_priority(rampart_cptr_t tcb, rampart_cptr_t authority, uint64_t mcp) {
    return INVOKE(tcb, RAMPART_TCB_SET_MC_PRIORITY, (mcp), (authority));
}

uint64_t rampart_tcb_set_sched_params(rampart_cptr_t tcb, rampart_cptr_t authority, uint64_t mcp,
                                      uint64_t priority) {
    return INVOKE(tcb, RAMPART_TCB_SET_SCHED_PARAMS, (mcp, priority), (authority));
}

uint64_t rampart_tcb_read_registers(rampart_cptr_t tcb, uint64_t flags, uint64_t count,
                                    uint64_t* regs) {
    const uint64_t err =
        rampart_invoke(tcb, RAMPART_TCB_READ_REGISTERS, 2, WORDS(flags, count), 0, 0);
    if (err == RAMPART_NO_ERROR)
        for (uint64_t i = 0; i < count; ++i)
            regs[i] = rampart_ipc->msg[i];
    return err;
}

uint64_t rampart_tcb_write_registers(rampart_cptr_t tcb, uint64_t flags, uint64_t count,
                                     const uint64_t* regs) {
    uint64_t words[2 + 40];
    words[0] = flags;
    words[1] = count;
    for (uint64_t i = 0; i < count && i < 40; ++i)
        words[2 + i] = regs[i];
    return rampart_invoke(tcb, RAMPART_TCB_WRITE_REGISTERS,
                          (unsigned)(2 + (count < 40 ? count : 40)), words, 0, 0);
}

uint64_t rampart_tcb_copy_registers(rampart_cptr_t tcb, rampart_cptr_t src, uint64_t flags) {
    return INVOKE(tcb, RAMPART_TCB_COPY_REGISTERS, (flags), (src));
}

uint64_t rampart_tcb_suspend(rampart_cptr_t tcb) {
    return rampart_invoke(tcb, RAMPART_TCB_SUSPEND, 0, 0, 0, 0);
}
uint64_t rampart_tcb_resume(rampart_cptr_t tcb) {
    return rampart_invoke(tcb, RAMPART_TCB_RESUME, 0, 0, 0, 0);
}

uint64_t rampart_tcb_set_tls_base(rampart_cptr_t tcb, uint64_t base) {
    return rampart_invoke(tcb, RAMPART_TCB_SET_TLS_BASE, 1, WORDS(base), 0, 0);
}

uint64_t rampart_page_map(rampart_cptr_t frame, rampart_cptr_t vspace, uint64_t vaddr,
                          uint64_t rights, uint64_t attrs) {
    return INVOKE(frame, RAMPART_PAGE_MAP, (vaddr, rights, attrs), (vspace));
}

uint64_t rampart_page_unmap(rampart_cptr_t frame) {
    return rampart_invoke(frame, RAMPART_PAGE_UNMAP, 0, 0, 0, 0);
}

uint64_t rampart_page_get_address(rampart_cptr_t frame, uint64_t* paddr) {
    const uint64_t err = rampart_invoke(frame, RAMPART_PAGE_GET_ADDRESS, 0, 0, 0, 0);
    if (err == RAMPART_NO_ERROR)
        *paddr = rampart_ipc->msg[0];
    return err;
}

uint64_t rampart_page_cache(rampart_cptr_t frame, uint64_t label, uint64_t start, uint64_t end) {
    return rampart_invoke(frame, label, 2, WORDS(start, end), 0, 0);
}

uint64_t rampart_vspace_cache(rampart_cptr_t vspace, uint64_t label, uint64_t start, uint64_t end) {
    return rampart_invoke(vspace, label, 2, WORDS(start, end), 0, 0);
}

uint64_t rampart_page_table_map(rampart_cptr_t table, rampart_cptr_t vspace, uint64_t vaddr,
                                uint64_t attrs) {
    return INVOKE(table, RAMPART_PAGE_TABLE_MAP, (vaddr, attrs), (vspace));
}

uint64_t rampart_page_table_unmap(rampart_cptr_t table) {
    return rampart_invoke(table, RAMPART_PAGE_TABLE_UNMAP, 0, 0, 0, 0);
}

uint64_t rampart_asid_control_make_pool(rampart_cptr_t control, rampart_cptr_t untyped,
                                        rampart_cptr_t root, uint64_t index, uint64_t depth) {
    return INVOKE(control, RAMPART_ASID_CONTROL_MAKE_POOL, (index, depth), (untyped, root));
}

uint64_t rampart_asid_pool_assign(rampart_cptr_t pool, rampart_cptr_t vspace) {
    return rampart_invoke(pool, RAMPART_ASID_POOL_ASSIGN, 0, 0, 1, CAPS(vspace));
}

uint64_t rampart_irq_control_get(rampart_cptr_t control, uint64_t irq, rampart_cptr_t root,
                                 uint64_t index, uint64_t depth) {
    return INVOKE(control, RAMPART_IRQ_ISSUE_IRQ_HANDLER, (irq, index, depth), (root));
}

uint64_t rampart_irq_control_get_trigger(rampart_cptr_t control, uint64_t irq, uint64_t edge,
                                         rampart_cptr_t root, uint64_t index, uint64_t depth) {
    return INVOKE(control, RAMPART_IRQ_ISSUE_IRQ_HANDLER_TRIGGER, (irq, edge, index, depth),
                  (root));
}

uint64_t rampart_irq_handler_set_notification(rampart_cptr_t handler, rampart_cptr_t ntfn) {
    return rampart_invoke(handler, RAMPART_IRQ_SET_IRQ_HANDLER, 0, 0, 1, CAPS(ntfn));
}

uint64_t rampart_irq_handler_ack(rampart_cptr_t handler) {
    return rampart_invoke(handler, RAMPART_IRQ_ACK_IRQ, 0, 0, 0, 0);
}

uint64_t rampart_irq_handler_clear(rampart_cptr_t handler) {
    return rampart_invoke(handler, RAMPART_IRQ_CLEAR_IRQ_HANDLER, 0, 0, 0, 0);
}

uint64_t rampart_sched_control_configure(rampart_cptr_t control, rampart_cptr_t sc,
                                         uint64_t budget_us, uint64_t period_us,
                                         uint64_t extra_refills, uint64_t badge) {
    return INVOKE(control, RAMPART_SCHED_CONTROL_CONFIGURE_FLAGS,
                  (budget_us, period_us, extra_refills, badge, 0), (sc));
}

uint64_t rampart_sched_context_bind(rampart_cptr_t sc, rampart_cptr_t object) {
    return rampart_invoke(sc, RAMPART_SCHED_CONTEXT_BIND, 0, 0, 1, CAPS(object));
}

uint64_t rampart_sched_context_unbind(rampart_cptr_t sc) {
    return rampart_invoke(sc, RAMPART_SCHED_CONTEXT_UNBIND, 0, 0, 0, 0);
}

uint64_t rampart_sched_context_unbind_object(rampart_cptr_t sc, rampart_cptr_t object) {
    return rampart_invoke(sc, RAMPART_SCHED_CONTEXT_UNBIND_OBJECT, 0, 0, 1, CAPS(object));
}

uint64_t rampart_sched_context_consumed(rampart_cptr_t sc, uint64_t* consumed_us) {
    const uint64_t err = rampart_invoke(sc, RAMPART_SCHED_CONTEXT_CONSUMED, 0, 0, 0, 0);
    if (err == RAMPART_NO_ERROR)
        *consumed_us = rampart_ipc->msg[0];
    return err;
}

uint64_t rampart_cnode_cancel_badged_sends(rampart_cptr_t root, uint64_t index, uint64_t depth) {
    return rampart_invoke(root, RAMPART_CNODE_CANCEL_BADGED_SENDS, 2, WORDS(index, depth), 0, 0);
}

uint64_t rampart_tcb_bind_notification(rampart_cptr_t tcb, rampart_cptr_t ntfn) {
    return rampart_invoke(tcb, RAMPART_TCB_BIND_NOTIFICATION, 0, 0, 1, CAPS(ntfn));
}

uint64_t rampart_tcb_unbind_notification(rampart_cptr_t tcb) {
    return rampart_invoke(tcb, RAMPART_TCB_UNBIND_NOTIFICATION, 0, 0, 0, 0);
}

uint64_t rampart_tcb_set_timeout_endpoint(rampart_cptr_t tcb, rampart_cptr_t ep) {
    return rampart_invoke(tcb, RAMPART_TCB_SET_TIMEOUT_ENDPOINT, 0, 0, 1, CAPS(ep));
}

uint64_t rampart_domain_set(rampart_cptr_t domain_cap, uint64_t domain, rampart_cptr_t tcb) {
    return INVOKE(domain_cap, RAMPART_DOMAIN_SET_SET, (domain), (tcb));
}

uint64_t rampart_sched_context_yield_to(rampart_cptr_t sc, uint64_t* consumed_us) {
    const uint64_t err = rampart_invoke(sc, RAMPART_SCHED_CONTEXT_YIELD_TO, 0, 0, 0, 0);
    if (err == RAMPART_NO_ERROR && consumed_us)
        *consumed_us = rampart_ipc->msg[0];
    return err;
}
