// seL4's DebugCapIdentify and DebugNameThread (api/debug_cap_calls.cpp):
// the cap kinds as seL4 numbers them, and the name taken from the caller's
// IPC buffer only when the cap is a TCB, the buffer readable and writable and
// the name ends within the buffer's message words.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "api/debug_calls.hpp"
#include "api/message.hpp"
#include "fixture.hpp"
#include "kernel/delete.hpp"

using namespace rampart;
using namespace rampart::kernel;
using namespace rampart::kernel::test;
using api::NameRefusal;

namespace {

constexpr uint64_t caller_slot = 16, target_slot = 17, endpoint_slot = 18, frame_slot = 19,
                   read_only_frame_slot = 20, empty_slot = 40;
constexpr uint64_t buffer_offset = 0xc00; // the IPC buffer in the frame's last KiB

// A caller thread whose CSpace is the fixture's root CNode and whose IPC
// buffer is the last KiB of a frame; a second thread to name.
struct Threads : Fixture {
    Threads() {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, caller_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, target_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, endpoint_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, frame_slot).is_ok());
        REQUIRE(copy(read_only_frame_slot, frame_slot, RAMPART_RIGHT_READ).is_ok());
        mdb_insert(root, slot(root_cnode_slot), caller().slot(TcbSlot::CSpace));
        use_buffer(frame_slot);
    }
    Tcb& tcb(uint64_t index) const { return *phys_ptr<Tcb>(cap(index).paddr()); }
    Tcb& caller() const { return tcb(caller_slot); }
    Tcb& target() const { return tcb(target_slot); }
    void use_buffer(uint64_t frame) const {
        Slot& s = caller().slot(TcbSlot::IpcBuffer);
        if (s.cap.type() != CapType::Null)
            REQUIRE(cnode_delete_slot(s).is_ok());
        if (frame != 0)
            mdb_insert(cap(frame), slot(frame), s);
        caller().ipc_buffer_vaddr = 0x7000'0000 + buffer_offset;
    }
    rampart_ipc_buffer& buffer() const {
        return *phys_ptr<rampart_ipc_buffer>(cap(frame_slot).paddr() + buffer_offset);
    }
    // The name, as libsel4 puts it: at message word 0.
    void put_name(const std::string& s) const {
        std::memcpy(buffer().msg, s.c_str(), s.size() + 1);
    }
    static Status cnode_delete_slot(Slot& s) {
        Budget budget = Budget::unlimited();
        return cte_delete(s, budget);
    }
};

} // namespace

TEST_CASE_METHOD(Threads, "DebugCapIdentify answers seL4's capType numbers", "[kernel][debug]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_NOTIFICATION, 0, 21).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_REPLY, 0, 22).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_SCHED_CONTEXT, 8, 23).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_PAGE_TABLE, 0, 24).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_VSPACE, 0, 25).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 4, 26).is_ok());
    mdb_insert_root(Cap::irq_control(), slot(27));
    mdb_insert_root(Cap::irq_handler(33), slot(28));
    mdb_insert_root(Cap::domain(), slot(29));
    mdb_insert_root(Cap::asid_control(), slot(30));
    mdb_insert_root(Cap::sched_control(0), slot(31));
    const struct {
        uint64_t cptr;
        uint64_t kind;
    } cases[] = {
        {0, 0}, {empty_slot, 0}, {ram_slot, 2}, {device_slot, 2}, {root_cnode_slot, 10},
        {caller_slot, 12}, {endpoint_slot, 4}, {frame_slot, 1}, {21, 6}, {22, 8}, {23, 22},
        {24, 3}, {25, 9}, {26, 10}, {27, 14}, {28, 16}, {29, 20}, {30, 11}, {31, 24},
        // Lookups that fail name the null cap: a guard that does not match,
        // every bit set.
        {uint64_t{1} << 63, 0}, {~uint64_t{0}, 0},
    };
    for (const auto& c : cases) {
        INFO("cptr " << c.cptr);
        CHECK(api::debug_cap_identify(caller(), c.cptr) == c.kind);
    }
    // A caller without a CSpace finds nothing.
    REQUIRE(cnode_delete_slot(caller().slot(TcbSlot::CSpace)).is_ok());
    CHECK(api::debug_cap_identify(caller(), root_cnode_slot) == RAMPART_CAP_KIND_NULL);
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Threads, "DebugCapIdentify names a zombie as seL4 does", "[kernel][debug]") {
    mdb_insert_root(Cap::zombie(cap(target_slot).paddr(), true, 0, 1), slot(32));
    CHECK(api::debug_cap_identify(caller(), 32) == RAMPART_CAP_KIND_ZOMBIE);
}

TEST_CASE_METHOD(Threads, "DebugNameThread names any thread, keeping what fits",
                 "[kernel][debug]") {
    put_name("sel4test-driver");
    REQUIRE(api::debug_name_thread(caller(), target_slot) == NameRefusal::None);
    CHECK(std::string(target().name) == "sel4test-driver");
    CHECK(caller().name[0] == '\0');

    // A thread names itself; a shorter name leaves nothing of the longer one.
    put_name("me");
    REQUIRE(api::debug_name_thread(caller(), caller_slot) == NameRefusal::None);
    CHECK(std::string(caller().name) == "me");
    put_name("x");
    REQUIRE(api::debug_name_thread(caller(), target_slot) == NameRefusal::None);
    for (unsigned i = 1; i < sizeof target().name; ++i)
        CHECK(target().name[i] == '\0');

    // The longest name the buffer holds (959 bytes and the NUL) is accepted
    // and cut to what the TCB keeps.
    const std::string longest(sizeof buffer().msg - 1, 'n');
    put_name(longest);
    REQUIRE(api::debug_name_thread(caller(), target_slot) == NameRefusal::None);
    CHECK(std::string(target().name) == longest.substr(0, RAMPART_DEBUG_NAME_KEPT - 1));

    // The empty name.
    put_name("");
    REQUIRE(api::debug_name_thread(caller(), target_slot) == NameRefusal::None);
    CHECK(target().name[0] == '\0');
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Threads, "DebugNameThread refuses and changes nothing", "[kernel][debug]") {
    put_name("before");
    REQUIRE(api::debug_name_thread(caller(), target_slot) == NameRefusal::None);
    put_name("after");

    SECTION("the cap is not a TCB, or there is none") {
        for (const uint64_t cptr :
             {endpoint_slot, frame_slot, empty_slot, uint64_t{0}, ram_slot, root_cnode_slot,
              ~uint64_t{0}, uint64_t{1} << 63}) {
            INFO("cptr " << cptr);
            CHECK(api::debug_name_thread(caller(), cptr) == NameRefusal::NotTcb);
        }
    }
    SECTION("no NUL within the message words: the kernel stops at their end") {
        std::memset(buffer().msg, 'z', sizeof buffer().msg);
        buffer().user_data = 0; // a NUL right after them must not count
        CHECK(api::debug_name_thread(caller(), target_slot) == NameRefusal::NoNul);
    }
    SECTION("the caller has no IPC buffer") {
        use_buffer(0);
        CHECK(api::debug_name_thread(caller(), target_slot) == NameRefusal::NoIpcBuffer);
    }
    SECTION("the caller's IPC buffer is read-only (seL4 asks for read and write)") {
        use_buffer(read_only_frame_slot);
        CHECK(api::debug_name_thread(caller(), target_slot) == NameRefusal::NoIpcBuffer);
    }
    SECTION("the IPC buffer slot holds a cap that is not a frame") {
        use_buffer(endpoint_slot);
        CHECK(api::debug_name_thread(caller(), target_slot) == NameRefusal::NoIpcBuffer);
    }
    SECTION("the caller has no CSpace") {
        REQUIRE(cnode_delete_slot(caller().slot(TcbSlot::CSpace)).is_ok());
        CHECK(api::debug_name_thread(caller(), target_slot) == NameRefusal::NotTcb);
    }
    CHECK(std::string(target().name) == "before");
    CHECK(invariant_violation().empty());
}
