/* A tiny PD program for planning tests: the symbols the composer patches. */
typedef unsigned long u64;
char microkit_name[64];
u64 microkit_irqs, microkit_notifications, microkit_pps;
unsigned char microkit_passive;
u64 uart_base, uart_paddr, shared, shared_size, buffer_paddr, peer_id;
const char greeting[] = "hello from a rampart pd";
unsigned char __sel4_ipc_buffer_obj[4096] __attribute__((aligned(4096)));
void _start(void) {
    for (;;)
        __asm__ volatile("wfi" ::"r"(greeting[0] + microkit_name[0] + uart_base + uart_paddr + shared));
}
