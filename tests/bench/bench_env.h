/* Benchmark support: objects from one untyped, and threads in address spaces
   of their own that run code of this image (its frames mapped again). */
#ifndef RAMPART_BENCH_ENV_H
#define RAMPART_BENCH_ENV_H

#include <rampart/bench.h>
#include <rampart/bootinfo.h>
#include <rampart/invoke.h>
#include <rampart/ipc.h>
#include <stdint.h>

#define ROOT RAMPART_ROOT_CNODE
#define DEPTH 64u
#define RUNS 64

void bench_init(const struct rampart_bootinfo* bi);
uint64_t bench_make(uint64_t type, uint64_t size_bits);
uint64_t bench_slot(void);
/* A thread running fn(a0, a1) at `priority` in a new address space that maps
   this image, its own stack and IPC buffer. Returns its TCB. */
/* The device page at paddr, mapped uncached into this address space. */
volatile uint32_t* bench_map_device(uint64_t paddr);
uint64_t bench_spawn(void (*fn)(uint64_t, uint64_t), uint64_t a0, uint64_t a1, uint64_t priority);

#endif
