// TCB ReadRegisters, WriteRegisters and CopyRegisters as seL4 decodes them
// (api/decode_tcb.cpp), on the host architecture's register order: the flag
// bits as libsel4 packs them, WriteRegisters' count checked against the
// message before it is clamped, and CopyRegisters' split into frame and gp
// registers, including the thread-ID register user code cannot write.
#include <catch2/catch.hpp>

#include "api/invocation.hpp"
#include "api/message.hpp"
#include "arch/context.hpp"
#include "fixture.hpp"
#include "kernel/delete.hpp"

#include <rampart/invocations.h>

using namespace rampart;
using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

constexpr uint64_t caller_slot = 16, a_slot = 17, b_slot = 18, frame_slot = 19,
                   endpoint_slot = 20;
constexpr uint64_t buffer_offset = 0xc00;
constexpr unsigned n_regs = arch::UserContext::register_count;
constexpr unsigned n_frame = arch::UserContext::frame_registers;

struct Threads : Fixture {
    Threads() {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, caller_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, a_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, b_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, frame_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, endpoint_slot).is_ok());
        mdb_insert(cap(frame_slot), slot(frame_slot), caller().slot(TcbSlot::IpcBuffer));
        caller().ipc_buffer_vaddr = 0x7000'0000 + buffer_offset;
    }
    Tcb& tcb(uint64_t index) const { return *phys_ptr<Tcb>(cap(index).paddr()); }
    Tcb& caller() const { return tcb(caller_slot); }
    rampart_ipc_buffer* buffer() const {
        return phys_ptr<rampart_ipc_buffer>(cap(frame_slot).paddr() + buffer_offset);
    }
    // Invokes the TCB in `target` with the message `words` (and `source` as
    // the extra cap, if any); the results land in `out`.
    Status invoke(uint64_t target, uint64_t label, std::initializer_list<uint64_t> words,
                  api::Results& out, uint64_t source = 0) const {
        out.count = 0;
        unsigned i = 0;
        for (const uint64_t w : words)
            api::set_mr(caller(), buffer(), i++, w);
        api::Invocation inv{caller(), slot(target), cap(target), label, i, {}, 0, buffer()};
        if (source) {
            inv.extra[0] = &slot(source);
            inv.extra_count = 1;
        }
        Budget budget = Budget::unlimited();
        return api::decode_tcb(inv, out, budget);
    }
    Status invoke(uint64_t target, uint64_t label, std::initializer_list<uint64_t> words,
                  uint64_t source = 0) const {
        api::Results out;
        return invoke(target, label, words, out, source);
    }
    // WriteRegisters of every register, register i set to base + i.
    Status write_all(uint64_t target, uint64_t flags, uint64_t base) const {
        for (unsigned i = 0; i < n_regs; ++i)
            api::set_mr(caller(), buffer(), 2 + i, base + i);
        api::set_mr(caller(), buffer(), 0, flags);
        api::set_mr(caller(), buffer(), 1, n_regs);
        api::Invocation inv{caller(),  slot(target), cap(target), RAMPART_TCB_WRITE_REGISTERS,
                            2 + n_regs, {},           0,           buffer()};
        api::Results out;
        Budget budget = Budget::unlimited();
        return api::decode_tcb(inv, out, budget);
    }
};

} // namespace

TEST_CASE_METHOD(Threads, "TCB registers: every register round-trips, the read-only TLS too",
                 "[kernel][tcb]") {
    REQUIRE(write_all(a_slot, 0, 0x1000).is_ok());
    api::Results out;
    REQUIRE(invoke(a_slot, RAMPART_TCB_READ_REGISTERS, {0, n_regs}, out).is_ok());
    REQUIRE(out.count == n_regs);
    for (unsigned i = 0; i < n_regs; ++i) {
        INFO("register " << i);
        if (i == 2) // the flags register keeps only what user code may set
            CHECK(out.words[i] == ((0x1000 + i) & arch::UserContext::flags_user_writable));
        else
            CHECK(out.words[i] == 0x1000 + i);
    }
    // The last register is the thread-ID register user code only reads.
    CHECK(tcb(a_slot).context.read_only_thread_id() == 0x1000 + n_regs - 1);
    CHECK(invoke(a_slot, RAMPART_TCB_READ_REGISTERS, {0, n_regs + 1}).error() ==
          Error::RangeError);
    CHECK(invoke(a_slot, RAMPART_TCB_READ_REGISTERS, {0, 0}).error() == Error::RangeError);
}

TEST_CASE_METHOD(Threads, "TCB WriteRegisters: resume is bit 0, arch flags are ignored",
                 "[kernel][tcb]") {
    REQUIRE(tcb(a_slot).state == ThreadState::Inactive);
    // Bit 1 is not WriteRegisters' resume flag (it is CopyRegisters').
    REQUIRE(invoke(a_slot, RAMPART_TCB_WRITE_REGISTERS, {RAMPART_TCB_COPY_RESUME_TARGET, 1, 0x4000})
                .is_ok());
    CHECK(tcb(a_slot).state == ThreadState::Inactive);
    REQUIRE(invoke(a_slot, RAMPART_TCB_WRITE_REGISTERS,
                   {RAMPART_TCB_WRITE_RESUME_TARGET | (0xffu << RAMPART_TCB_ARCH_FLAGS_SHIFT), 1,
                    0x4000})
                .is_ok());
    CHECK(tcb(a_slot).state == ThreadState::Restart);
    CHECK(tcb(a_slot).context.ip() == 0x4000);
}

TEST_CASE_METHOD(Threads, "TCB WriteRegisters: the count must fit the message, then is clamped",
                 "[kernel][tcb]") {
    // Three words for three registers: fine. Four asked: truncated.
    CHECK(invoke(a_slot, RAMPART_TCB_WRITE_REGISTERS, {0, 3, 1, 2, 3}).is_ok());
    CHECK(invoke(a_slot, RAMPART_TCB_WRITE_REGISTERS, {0, 4, 1, 2, 3}).error() ==
          Error::TruncatedMessage);
    // More registers than there are, without the words: truncated (seL4
    // checks the message before it clamps the count).
    api::Results out;
    REQUIRE(write_all(a_slot, 0, 0x2000).is_ok());
    api::set_mr(caller(), buffer(), 0, 0);
    api::set_mr(caller(), buffer(), 1, n_regs + 1);
    {
        api::Invocation inv{caller(),  slot(a_slot), cap(a_slot), RAMPART_TCB_WRITE_REGISTERS,
                            2 + n_regs, {},          0,           buffer()};
        Budget budget = Budget::unlimited();
        CHECK(api::decode_tcb(inv, out, budget).error() == Error::TruncatedMessage);
        CHECK(out.count == 0);
        // With the words sent, the count is clamped: every register is written.
        api::set_mr(caller(), buffer(), 2 + n_regs, 0xdead);
        inv.length = 3 + n_regs;
        CHECK(api::decode_tcb(inv, out, budget).is_ok());
    }
    REQUIRE(invoke(a_slot, RAMPART_TCB_READ_REGISTERS, {0, n_regs}, out).is_ok());
    CHECK(out.words[n_regs - 1] == 0x2000 + n_regs - 1);
    // A count of ~0 is truncated, not wrapped.
    CHECK(invoke(a_slot, RAMPART_TCB_WRITE_REGISTERS, {0, ~uint64_t{0}, 1}).error() ==
          Error::TruncatedMessage);
}

TEST_CASE_METHOD(Threads, "TCB CopyRegisters: frame and gp registers move separately",
                 "[kernel][tcb]") {
    REQUIRE(write_all(a_slot, 0, 0x1000).is_ok());
    api::Results out;

    REQUIRE(write_all(b_slot, 0, 0x9000).is_ok());
    REQUIRE(invoke(b_slot, RAMPART_TCB_COPY_REGISTERS, {RAMPART_TCB_COPY_TRANSFER_FRAME}, a_slot)
                .is_ok());
    REQUIRE(invoke(b_slot, RAMPART_TCB_READ_REGISTERS, {0, n_regs}, out).is_ok());
    for (unsigned i = 3; i < n_regs; ++i) {
        INFO("register " << i);
        CHECK(out.words[i] == (i < n_frame ? 0x1000u : 0x9000u) + i);
    }
    CHECK(out.words[0] == 0x1000);

    REQUIRE(write_all(b_slot, 0, 0x9000).is_ok());
    REQUIRE(invoke(b_slot, RAMPART_TCB_COPY_REGISTERS, {RAMPART_TCB_COPY_TRANSFER_INTEGER}, a_slot)
                .is_ok());
    REQUIRE(invoke(b_slot, RAMPART_TCB_READ_REGISTERS, {0, n_regs}, out).is_ok());
    for (unsigned i = 3; i < n_regs; ++i) {
        INFO("register " << i);
        CHECK(out.words[i] == (i < n_frame ? 0x9000u : 0x1000u) + i);
    }
    CHECK(tcb(b_slot).context.read_only_thread_id() == 0x1000 + n_regs - 1);

    // Resume is bit 1 here; bit 0 suspends the source.
    tcb(a_slot).state = ThreadState::Restart;
    REQUIRE(invoke(b_slot, RAMPART_TCB_COPY_REGISTERS,
                   {RAMPART_TCB_COPY_RESUME_TARGET | RAMPART_TCB_COPY_SUSPEND_SOURCE}, a_slot)
                .is_ok());
    CHECK(tcb(b_slot).state == ThreadState::Restart);
    CHECK(tcb(a_slot).state == ThreadState::Inactive);
    CHECK(invoke(b_slot, RAMPART_TCB_COPY_REGISTERS, {0}, endpoint_slot).error() ==
          Error::InvalidCapability);
}
