// The host machine's exception vectors: the harness enters the kernel here
// as AArch64's vectors.S and exceptions.cpp do on the real machine.
#include "arch/host_machine.hpp"

#include "api/syscall.hpp"
#include "irq/interrupt.hpp"
#include "thread/current.hpp"
#include "thread/fpu.hpp"
#include "thread/user_fault.hpp"

namespace rampart::arch::host {

UserContext* syscall(UserContext* ctx) {
    ctx->set_ip(ctx->ip() + UserContext::syscall_length);
    return api::handle_syscall(ctx, ctx->syscall_number());
}

UserContext* fault(UserContext* ctx, Fault kind, uint64_t address) {
    thread::UserFault f{};
    f.address = address;
    f.esr = static_cast<uint64_t>(kind) + 1; // the host machine's syndrome
    switch (kind) {
    case Fault::data_abort:
        f.kind = thread::UserFault::Kind::vm;
        f.description = "data abort";
        break;
    case Fault::instruction_abort:
        f.kind = thread::UserFault::Kind::vm;
        f.instruction = true;
        f.description = "instruction abort";
        break;
    case Fault::undefined_instruction:
        f.kind = thread::UserFault::Kind::user_exception;
        f.description = "undefined instruction";
        break;
    }
    return thread::handle_user_fault(ctx, f);
}

UserContext* fpu_trap(UserContext* ctx) {
    thread::fpu_take(*thread::current());
    return ctx;
}

UserContext* interrupt(UserContext*) {
    irq::handle_pending_interrupts();
    return thread::resume_point();
}

} // namespace rampart::arch::host
