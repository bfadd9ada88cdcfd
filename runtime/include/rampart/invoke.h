/* Invoking kernel objects from user space: the Call system call and a typed
   wrapper for every invocation (labels and arguments: rampart/invocations.h).
   Each wrapper returns the reply's error code (RAMPART_NO_ERROR on success);
   the error's extra words and any results are rampart_mr(0..). */
#ifndef RAMPART_USER_INVOKE_H
#define RAMPART_USER_INVOKE_H

#include <rampart/errors.h>
#include <rampart/invocations.h>
#include <rampart/message.h>
#include <rampart/objects.h>
#include <rampart/rights.h>
#include <rampart/syscalls.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The calling thread's IPC buffer: the kernel keeps its address in
   TPIDRRO_EL0, which user code reads but cannot change. */
static inline struct rampart_ipc_buffer* rampart_ipc_buffer(void) {
    struct rampart_ipc_buffer* buffer; /* no cast: the header is C and C++ */
    __asm__("mrs %0, tpidrro_el0" : "=r"(buffer));
    return buffer;
}
#define rampart_ipc (rampart_ipc_buffer())
static inline uint64_t rampart_mr(unsigned i) {
    return rampart_ipc->msg[i];
}

/* Call with message words 0..3 in registers; they come back with the reply's. */
static inline rampart_msginfo_t rampart_sys_call(rampart_cptr_t dest, rampart_msginfo_t info,
                                                 uint64_t mr[4]) {
    register uint64_t x0 __asm__("x0") = dest;
    register uint64_t x1 __asm__("x1") = info;
    register uint64_t x2 __asm__("x2") = mr[0];
    register uint64_t x3 __asm__("x3") = mr[1];
    register uint64_t x4 __asm__("x4") = mr[2];
    register uint64_t x5 __asm__("x5") = mr[3];
    register int64_t x7 __asm__("x7") = RAMPART_SYS_CALL;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5)
                     : "r"(x7)
                     : "memory", "x6", "x8");
    mr[0] = x2;
    mr[1] = x3;
    mr[2] = x4;
    mr[3] = x5;
    return x1;
}

/* The general invocation: words and extra caps in, error code out; the reply's
   words are in rampart_ipc->msg (registers copied there). */
uint64_t rampart_invoke(rampart_cptr_t obj, uint64_t label, unsigned nwords, const uint64_t* words,
                        unsigned ncaps, const rampart_cptr_t* caps);
/* Length of the last reply, in words. */
unsigned rampart_reply_length(void);

/* CNode. */
uint64_t rampart_cnode_copy(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                            rampart_cptr_t src_root, uint64_t src, uint64_t src_depth,
                            uint64_t rights);
uint64_t rampart_cnode_mint(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                            rampart_cptr_t src_root, uint64_t src, uint64_t src_depth,
                            uint64_t rights, uint64_t badge);
uint64_t rampart_cnode_move(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                            rampart_cptr_t src_root, uint64_t src, uint64_t src_depth);
uint64_t rampart_cnode_mutate(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                              rampart_cptr_t src_root, uint64_t src, uint64_t src_depth,
                              uint64_t data);
uint64_t rampart_cnode_rotate(rampart_cptr_t root, uint64_t dest, uint64_t dest_depth,
                              uint64_t dest_badge, rampart_cptr_t pivot_root, uint64_t pivot,
                              uint64_t pivot_depth, uint64_t pivot_badge, rampart_cptr_t src_root,
                              uint64_t src, uint64_t src_depth);
uint64_t rampart_cnode_delete(rampart_cptr_t root, uint64_t index, uint64_t depth);
uint64_t rampart_cnode_revoke(rampart_cptr_t root, uint64_t index, uint64_t depth);
uint64_t rampart_cnode_cancel_badged_sends(rampart_cptr_t root, uint64_t index, uint64_t depth);

/* Untyped. */
uint64_t rampart_untyped_retype(rampart_cptr_t ut, uint64_t type, uint64_t size_bits,
                                rampart_cptr_t root, uint64_t node_index, uint64_t node_depth,
                                uint64_t node_offset, uint64_t count);
/* The untyped's watermark and clear mark (bytes from its base). */
uint64_t rampart_untyped_describe(rampart_cptr_t ut, uint64_t* watermark, uint64_t* clear_mark);

/* TCB. */
uint64_t rampart_tcb_configure(rampart_cptr_t tcb, rampart_cptr_t cspace, uint64_t cspace_data,
                               rampart_cptr_t vspace, uint64_t buffer, rampart_cptr_t buffer_frame);
uint64_t rampart_tcb_set_space(rampart_cptr_t tcb, rampart_cptr_t fault_ep, rampart_cptr_t cspace,
                               uint64_t cspace_data, rampart_cptr_t vspace);
uint64_t rampart_tcb_set_ipc_buffer(rampart_cptr_t tcb, uint64_t buffer, rampart_cptr_t frame);
uint64_t rampart_tcb_set_priority(rampart_cptr_t tcb, rampart_cptr_t authority, uint64_t priority);
uint64_t rampart_tcb_set_mc_priority(rampart_cptr_t tcb, rampart_cptr_t authority, uint64_t mcp);
uint64_t rampart_tcb_set_sched_params(rampart_cptr_t tcb, rampart_cptr_t authority, uint64_t mcp,
                                      uint64_t priority);
uint64_t rampart_tcb_read_registers(rampart_cptr_t tcb, uint64_t flags, uint64_t count,
                                    uint64_t* regs);
uint64_t rampart_tcb_write_registers(rampart_cptr_t tcb, uint64_t flags, uint64_t count,
                                     const uint64_t* regs);
uint64_t rampart_tcb_copy_registers(rampart_cptr_t tcb, rampart_cptr_t src, uint64_t flags);
uint64_t rampart_tcb_suspend(rampart_cptr_t tcb);
uint64_t rampart_tcb_resume(rampart_cptr_t tcb);
uint64_t rampart_tcb_set_tls_base(rampart_cptr_t tcb, uint64_t base);
uint64_t rampart_tcb_bind_notification(rampart_cptr_t tcb, rampart_cptr_t ntfn);
uint64_t rampart_tcb_unbind_notification(rampart_cptr_t tcb);
uint64_t rampart_tcb_set_timeout_endpoint(rampart_cptr_t tcb, rampart_cptr_t ep);

/* Domains. */
uint64_t rampart_domain_set(rampart_cptr_t domain_cap, uint64_t domain, rampart_cptr_t tcb);

/* Scheduling contexts (MCS). Times in microseconds. */
uint64_t rampart_sched_control_configure(rampart_cptr_t control, rampart_cptr_t sc,
                                         uint64_t budget_us, uint64_t period_us,
                                         uint64_t extra_refills, uint64_t badge);
uint64_t rampart_sched_context_bind(rampart_cptr_t sc, rampart_cptr_t object);
uint64_t rampart_sched_context_unbind(rampart_cptr_t sc);
uint64_t rampart_sched_context_unbind_object(rampart_cptr_t sc, rampart_cptr_t object);
uint64_t rampart_sched_context_consumed(rampart_cptr_t sc, uint64_t* consumed_us);
uint64_t rampart_sched_context_yield_to(rampart_cptr_t sc, uint64_t* consumed_us);

/* Interrupts. */
uint64_t rampart_irq_control_get(rampart_cptr_t control, uint64_t irq, rampart_cptr_t root,
                                 uint64_t index, uint64_t depth);
uint64_t rampart_irq_control_get_trigger(rampart_cptr_t control, uint64_t irq, uint64_t edge,
                                         rampart_cptr_t root, uint64_t index, uint64_t depth);
uint64_t rampart_irq_handler_set_notification(rampart_cptr_t handler, rampart_cptr_t ntfn);
uint64_t rampart_irq_handler_ack(rampart_cptr_t handler);
uint64_t rampart_irq_handler_clear(rampart_cptr_t handler);

/* Virtual memory (AArch64). */
uint64_t rampart_page_map(rampart_cptr_t frame, rampart_cptr_t vspace, uint64_t vaddr,
                          uint64_t rights, uint64_t attrs);
uint64_t rampart_page_unmap(rampart_cptr_t frame);
uint64_t rampart_page_get_address(rampart_cptr_t frame, uint64_t* paddr);
uint64_t rampart_page_cache(rampart_cptr_t frame, uint64_t label, uint64_t start, uint64_t end);
uint64_t rampart_vspace_cache(rampart_cptr_t vspace, uint64_t label, uint64_t start, uint64_t end);
uint64_t rampart_page_table_map(rampart_cptr_t table, rampart_cptr_t vspace, uint64_t vaddr,
                                uint64_t attrs);
uint64_t rampart_page_table_unmap(rampart_cptr_t table);
uint64_t rampart_asid_control_make_pool(rampart_cptr_t control, rampart_cptr_t untyped,
                                        rampart_cptr_t root, uint64_t index, uint64_t depth);
uint64_t rampart_asid_pool_assign(rampart_cptr_t pool, rampart_cptr_t vspace);

#ifdef __cplusplus
}
#endif

#endif
