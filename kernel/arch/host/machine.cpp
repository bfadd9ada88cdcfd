// The host machine's devices: the counter and its deadline, the interrupt
// controller, the FP registers and the console. The state is part of the
// kernel's (arch/host/kernel_state.ld): a machine reset clears it with the kernel.
// The controller stops the program when the kernel misuses it (a line out
// of range, an end of interrupt for a line that is not active).
#include "arch/machine.hpp"
#include "arch/console.hpp"
#include "arch/host_machine.hpp"
#include "arch/irq_controller.hpp"
#include "arch/timer.hpp"

#include <stdio.h>
#include <stdlib.h>

namespace rampart::arch {
namespace host {
namespace {

Machine state;
bool enabled[lines];
bool pending[lines];
bool active[lines];
bool edge[lines];

constexpr unsigned console_size = 4096;
char console[console_size + 1];
unsigned console_used;

[[noreturn]] void misuse(const char* what, uint32_t irq) {
    static char text[128];
    snprintf(text, sizeof text, "the kernel %s (line %u)", what, irq);
    on_machine_fault(text);
}

void check_line(uint32_t irq, const char* what) {
    if (irq >= lines)
        misuse(what, irq);
}

bool line_pending(uint32_t irq) {
    if (irq == platform::timer_irq)
        return state.timer_armed && state.now >= state.deadline;
    return pending[irq];
}

} // namespace

Machine& machine() {
    return state;
}

void advance(uint64_t ticks) {
    state.now += ticks;
}

void raise_irq(uint32_t irq) {
    if (irq < lines && irq != platform::timer_irq)
        pending[irq] = true;
}

bool irq_enabled(uint32_t irq) {
    return irq < lines && enabled[irq];
}

bool irq_pending(uint32_t irq) {
    return irq < lines && line_pending(irq);
}

bool interrupt_due() {
    for (uint32_t i = 0; i < lines; ++i)
        if (enabled[i] && !active[i] && line_pending(i))
            return true;
    return false;
}

const char* console_text() {
    console[console_used] = 0;
    return console;
}

void console_clear() {
    console_used = 0;
}

} // namespace host

using host::state;

// --- Timer ---

void timer_init() {
    state.timer_armed = false;
}
uint32_t timer_irq() {
    return platform::timer_irq;
}
uint64_t timer_frequency() {
    return platform::timer_frequency_hz;
}
void timer_ack() {
    state.timer_armed = false;
}
uint64_t timer_now() {
    return state.now;
}
void timer_set_deadline(uint64_t ticks) {
    state.deadline = ticks;
    state.timer_armed = true;
}

// --- Interrupt controller ---

void irq_controller_init() {}

void irq_enable(uint32_t irq) {
    host::check_line(irq, "enabled a line that does not exist");
    host::enabled[irq] = true;
}

void irq_disable(uint32_t irq) {
    host::check_line(irq, "masked a line that does not exist");
    host::enabled[irq] = false;
}

uint32_t irq_acknowledge() {
    for (uint32_t i = 0; i < host::lines; ++i) {
        if (host::enabled[i] && !host::active[i] && host::line_pending(i)) {
            host::active[i] = true;
            host::pending[i] = false;
            return i;
        }
    }
    return irq_spurious;
}

bool irq_waiting() {
    return host::interrupt_due();
}

void irq_set_trigger(uint32_t irq, bool is_edge) {
    host::check_line(irq, "set the trigger of a line that does not exist");
    host::edge[irq] = is_edge;
}

void irq_end(uint32_t irq) {
    host::check_line(irq, "ended a line that does not exist");
    if (!host::active[irq])
        host::misuse("ended an interrupt that was not active", irq);
    host::active[irq] = false;
}

const char* irq_controller_name() {
    return "host";
}

// --- The machine ---

void machine_halt(uint32_t status) {
    host::on_halt(status);
}

void machine_idle() {
    ++state.idles;
    if (host::interrupt_due())
        return;
    if (state.timer_armed && host::enabled[platform::timer_irq]) {
        if (state.now < state.deadline)
            state.now = state.deadline; // time passes until the timer fires
        return;
    }
    if (!host::on_idle_forever() || !host::interrupt_due())
        host::on_machine_fault("the kernel idles and no interrupt can ever come");
}

bool interrupt_pending() {
    return host::interrupt_due();
}

void fpu_enable_for_user() {
    state.fpu_allowed = false;
}

void fpu_access(bool allowed) {
    state.fpu_allowed = allowed;
}

// --- Console ---

void console_init() {}

void console_putc(char c) {
    if (host::console_used == host::console_size) // keep the tail
        host::console_used = 0;
    host::console[host::console_used++] = c;
}

extern "C" void arch_fpu_save(FpuState* s) {
    *s = state.fpu;
}

extern "C" void arch_fpu_load(const FpuState* s) {
    state.fpu = *s;
}

} // namespace rampart::arch
