// Exception dispatch: system calls, user faults, interrupts, and the panic
// report for exceptions the kernel itself must never take.
#include "arch/context.hpp"
#include "arch/irq_controller.hpp"
#include "arch/machine.hpp"
#include "arch/registers.hpp"

#include "api/syscall.hpp"
#include "irq/interrupt.hpp"
#include "log/print.hpp"
#include "thread/current.hpp"
#include "thread/fpu.hpp"
#include "thread/user_fault.hpp"

using rampart::arch::ExceptionClass;
using rampart::arch::UserContext;

namespace rampart::arch {

const char* exception_class_name(uint32_t ec) {
    switch (static_cast<ExceptionClass>(ec)) {
    case ExceptionClass::unknown:
        return "unknown instruction";
    case ExceptionClass::wf_trap:
        return "trapped WFI/WFE";
    case ExceptionClass::fp_access:
        return "FP/SIMD access";
    case ExceptionClass::illegal_state:
        return "illegal execution state";
    case ExceptionClass::svc64:
        return "SVC";
    case ExceptionClass::sysreg_trap:
        return "trapped system register access";
    case ExceptionClass::instruction_abort_lower:
        return "instruction abort (lower EL)";
    case ExceptionClass::instruction_abort_same:
        return "instruction abort (same EL)";
    case ExceptionClass::pc_alignment:
        return "PC alignment fault";
    case ExceptionClass::data_abort_lower:
        return "data abort (lower EL)";
    case ExceptionClass::data_abort_same:
        return "data abort (same EL)";
    case ExceptionClass::sp_alignment:
        return "SP alignment fault";
    case ExceptionClass::fp_exception:
        return "FP exception";
    case ExceptionClass::serror:
        return "SError";
    case ExceptionClass::breakpoint_lower:
        return "breakpoint";
    case ExceptionClass::software_step_lower:
        return "software step";
    case ExceptionClass::watchpoint_lower:
        return "watchpoint";
    case ExceptionClass::brk64:
        return "BRK instruction";
    }
    return "unlisted exception class";
}

} // namespace rampart::arch

extern "C" UserContext* handle_syscall_entry(UserContext* ctx, uint64_t number) {
    return rampart::api::handle_syscall(ctx, number);
}

extern "C" UserContext* handle_user_sync(UserContext* ctx) {
    const rampart::arch::Esr esr{RAMPART_READ_SYSREG(esr_el1)};
    const auto ec = static_cast<ExceptionClass>(esr.ec());
    if (ec == ExceptionClass::fp_access) {
        // Lazy FP switching: the registers move to this thread, the instruction runs again.
        rampart::thread::fpu_take(*rampart::thread::current());
        return ctx;
    }
    rampart::thread::UserFault f{};
    f.esr = esr.raw;
    f.address = RAMPART_READ_SYSREG(far_el1);
    f.kind = ec == ExceptionClass::data_abort_lower || ec == ExceptionClass::instruction_abort_lower
                 ? rampart::thread::UserFault::Kind::vm
                 : rampart::thread::UserFault::Kind::user_exception;
    f.instruction = ec == ExceptionClass::instruction_abort_lower;
    f.description = rampart::arch::exception_class_name(esr.ec());
    return rampart::thread::handle_user_fault(ctx, f);
}

extern "C" UserContext* handle_user_irq(UserContext*) {
    rampart::irq::handle_pending_interrupts();
    return rampart::thread::resume_point();
}

extern "C" UserContext* handle_user_serror(UserContext* ctx) {
    rampart::thread::UserFault f{};
    f.kind = rampart::thread::UserFault::Kind::user_exception;
    f.esr = RAMPART_READ_SYSREG(esr_el1);
    f.description = "SError";
    return rampart::thread::handle_user_fault(ctx, f);
}

static const char* const kernel_vector_names[] = {"sync (SP_EL0)",
                                                  "IRQ (SP_EL0)",
                                                  "FIQ (SP_EL0)",
                                                  "SError (SP_EL0)",
                                                  "sync",
                                                  "IRQ",
                                                  "FIQ",
                                                  "SError",
                                                  "",
                                                  "",
                                                  "",
                                                  "",
                                                  "AArch32 lower EL"};

extern "C" [[noreturn]] void handle_kernel_exception(const UserContext* frame, uint64_t kind) {
    using rampart::log::Hex;
    using rampart::log::print;
    rampart::arch::machine_halt_without_semihosting();
    const rampart::arch::Esr esr{RAMPART_READ_SYSREG(esr_el1)};
    print("\nKERNEL PANIC: unexpected ", kernel_vector_names[kind], " exception in the kernel\n");
    print("  class ", Hex{esr.ec()}, " (", rampart::arch::exception_class_name(esr.ec()), ")  ESR ",
          Hex{esr.raw}, "\n  FAR ", Hex{RAMPART_READ_SYSREG(far_el1)}, "  ELR ", Hex{frame->pc},
          "  SPSR ", Hex{frame->spsr}, "  SP ", Hex{frame->sp}, "\n");
    for (unsigned i = 0; i < 31; ++i)
        print(i < 10 ? "  x" : " x", i, " ", Hex{frame->x[i]}, (i % 4 == 3 || i == 30) ? "\n" : "");
    rampart::arch::machine_halt(255);
}
