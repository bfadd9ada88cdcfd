/* Traces: a call as one line of text (freestanding: no printf). */
#include "kfuzz.h"

#include <rampart/message.h>

#include "ops.h"

const char* kf_op_name(unsigned op) {
    static const char* const names[] = {
        "send",
        "nb_send",
        "call",
        "signal",
        "recv",
        "nb_recv",
        "wait",
        "poll",
        "reply_recv",
        "nb_send_recv",
        "nb_send_wait",
        "reply",
        "yield",
        "bad_syscall",
        "putchar",
        "copy",
        "mint",
        "move",
        "mutate",
        "rotate",
        "delete",
        "revoke",
        "cancel_badged",
        "cnode_digest",
        "retype",
        "configure",
        "set_space",
        "set_ipc_buffer",
        "set_priority",
        "set_mcp",
        "set_sched_params",
        "read_regs",
        "write_regs",
        "copy_regs",
        "suspend",
        "resume",
        "bind_ntfn",
        "unbind_ntfn",
        "tls",
        "timeout_ep",
        "sc_configure",
        "sc_bind",
        "sc_unbind",
        "sc_unbind_object",
        "sc_consumed",
        "sc_yield_to",
        "irq_get",
        "irq_get_trigger",
        "irq_set",
        "irq_ack",
        "irq_clear",
        "domain",
        "pt_map",
        "pt_unmap",
        "page_map",
        "page_unmap",
        "page_address",
        "page_cache",
        "make_pool",
        "assign",
        "vspace_cache",
        "vspace_digest",
        "random_invoke",
        "fault",
        "fpu",
        "tick",
        "irq",
    };
    return op < KF_OP_COUNT ? names[op] : "?";
}

struct out {
    char* p;
    unsigned left; /* room, the NUL included */
    unsigned n;
};

static void put(struct out* o, const char* s) {
    for (; *s && o->left > 1; ++s, --o->left, ++o->n)
        *o->p++ = *s;
}

static void hex(struct out* o, uint64_t v) {
    char buf[19] = "0x";
    int n = 2, started = 0;
    for (int sh = 60; sh >= 0; sh -= 4) {
        const unsigned d = (unsigned)(v >> sh) & 0xf;
        if (d || started || sh == 0) {
            buf[n++] = "0123456789abcdef"[d];
            started = 1;
        }
    }
    buf[n] = 0;
    put(o, buf);
}

const char* kf_decimal(uint64_t v, char buf[KF_DECIMAL_SIZE]) {
    int n = KF_DECIMAL_SIZE - 1;
    buf[n] = 0;
    do {
        buf[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return buf + n;
}

static void dec(struct out* o, uint64_t v) {
    char buf[KF_DECIMAL_SIZE];
    put(o, kf_decimal(v, buf));
}

/* A cap address as a slot number when it is one, else in hex. */
static void cptr(struct out* o, uint64_t v) {
    if (v < KF_SLOTS)
        dec(o, v);
    else
        hex(o, v);
}

unsigned kf_describe(const struct kf_call* c, char* buf, unsigned size) {
    struct out o = {buf, size, 0};
    if (size == 0)
        return 0;
    put(&o, kf_op_name(c->op));
    switch (c->kind) {
    case KF_CALL_FAULT:
        put(&o, " kind ");
        dec(&o, c->number);
        put(&o, " at ");
        hex(&o, c->arg);
        break;
    case KF_CALL_TICK:
        put(&o, " ");
        dec(&o, c->arg);
        put(&o, " ticks");
        break;
    case KF_CALL_IRQ:
        put(&o, " line ");
        dec(&o, c->arg);
        break;
    case KF_CALL_FPU:
        break;
    default: {
        put(&o, " sys ");
        dec(&o, c->number);
        put(&o, " cap ");
        cptr(&o, c->cptr);
        put(&o, " label ");
        dec(&o, rampart_msginfo_label(c->info));
        put(&o, " len ");
        dec(&o, rampart_msginfo_length(c->info));
        const unsigned n = c->words < KF_MAX_WORDS ? c->words : KF_MAX_WORDS;
        if (n) {
            put(&o, " [");
            for (unsigned i = 0; i < n; ++i) {
                if (i)
                    put(&o, " ");
                hex(&o, c->mr[i]);
            }
            put(&o, "]");
        }
        const unsigned caps = (unsigned)rampart_msginfo_extra_caps(c->info);
        if (caps) {
            put(&o, " caps");
            for (unsigned i = 0; i < caps; ++i) {
                put(&o, " ");
                cptr(&o, c->caps[i]);
            }
        }
        if (c->reply) {
            put(&o, " reply ");
            cptr(&o, c->reply);
        }
        if (c->dest) {
            put(&o, " dest ");
            cptr(&o, c->dest);
        }
        if (c->set_receive) {
            put(&o, " recv ");
            cptr(&o, c->recv_cnode);
            put(&o, "/");
            cptr(&o, c->recv_index);
            put(&o, "/");
            dec(&o, c->recv_depth);
        }
        break;
    }
    }
    *o.p = 0;
    return o.n;
}
