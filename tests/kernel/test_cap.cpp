// Capability encoding, rights and the derivation relations.
#include <catch2/catch.hpp>

#include "kernel/cap_ops.hpp"
#include "kernel/mdb.hpp"

using namespace rampart::kernel;

TEST_CASE("cap fields round-trip", "[kernel][cap]") {
    const Cap ut = Cap::untyped(Paddr{0xff'ffff'f000}, SizeBits{12}, true, 0x800);
    CHECK(ut.type() == CapType::Untyped);
    CHECK(ut.paddr() == Paddr{0xff'ffff'f000});
    CHECK(ut.untyped_size().bits == 12);
    CHECK(ut.untyped_is_device());
    CHECK(ut.untyped_free_index() == 0x800);

    const Cap cn = Cap::cnode(Paddr{0x4000'0400}, 5, 59, 0x7);
    CHECK(cn.cnode_radix() == 5);
    CHECK(cn.cnode_guard_size() == 59);
    CHECK(cn.cnode_guard() == 7);

    const Cap ep = Cap::endpoint(Paddr{0x4000'0010}, 0xdead'beef'0000'0001, Rights{0x5});
    CHECK(ep.badge() == 0xdead'beef'0000'0001);
    CHECK(ep.rights().bits() == 0x5);
    CHECK(ep.with_rights(Rights{0x2}).rights().bits() == 0x2);
    CHECK(ep.with_rights(Rights{0x2}).badge() == ep.badge());

    const Cap fr = Cap::frame(Paddr{0x4020'0000}, FrameSize::Large, Rights{0x3}, false);
    CHECK(fr.frame_size() == FrameSize::Large);
    CHECK(fr.rights().bits() == 0x3);
    CHECK_FALSE(fr.frame_is_mapped());
    CHECK(fr.with_rights(Rights{0x1}).frame_size() == FrameSize::Large);

    const Cap z = Cap::zombie(Paddr{0x4000'0800}, true, 0, 5);
    CHECK(z.zombie_is_tcb());
    CHECK(z.zombie_remaining() == 5);
    CHECK(cap_region_bytes(z) == 2048);
}

TEST_CASE("rights are only ever dropped", "[kernel][cap]") {
    const Cap ep = Cap::endpoint(Paddr{0x4000'0010}, 0, Rights{RAMPART_RIGHT_READ});
    CHECK(mask_cap_rights(Rights::all(), ep).rights().bits() == RAMPART_RIGHT_READ);
    CHECK(mask_cap_rights(Rights{RAMPART_RIGHT_WRITE}, ep).rights().bits() == 0);
    const Cap ntfn = Cap::notification(Paddr{0x4000'0040}, 0, Rights::all());
    CHECK(mask_cap_rights(Rights::all(), ntfn).rights().bits() ==
          (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE));
    const Cap reply = Cap::reply(Paddr{0x4000'0020}, true);
    CHECK_FALSE(mask_cap_rights(Rights{RAMPART_RIGHT_READ}, reply).reply_can_grant());
    CHECK(mask_cap_rights(Rights{RAMPART_RIGHT_GRANT}, reply).reply_can_grant());
}

TEST_CASE("badges are set once and CNode guards must fit", "[kernel][cap]") {
    const Cap ep = Cap::endpoint(Paddr{0x4000'0010}, 0, Rights::all());
    const Cap badged = update_cap_data(false, 42, ep);
    CHECK(badged.badge() == 42);
    CHECK(update_cap_data(false, 43, badged).is_null());
    CHECK(update_cap_data(true, 43, ep).is_null()); // Mutate cannot badge
    const Cap cn = Cap::cnode(Paddr{0x4000'0400}, 10, 0, 0);
    const Cap guarded = update_cap_data(true, RAMPART_CNODE_CAPDATA(0x1ff, 4), cn);
    CHECK(guarded.cnode_guard_size() == 4);
    CHECK(guarded.cnode_guard() == 0xf); // masked to its size
    CHECK(update_cap_data(true, RAMPART_CNODE_CAPDATA(0, 55), cn).is_null());
    CHECK(update_cap_data(true, RAMPART_CNODE_CAPDATA(0, 54), cn).cnode_guard_size() == 54);
}

TEST_CASE("region and object relations follow seL4", "[kernel][cap]") {
    const Cap ut = Cap::untyped(Paddr{0x4000'0000}, SizeBits{16}, false, 0);
    const Cap ep = Cap::endpoint(Paddr{0x4000'0010}, 0, Rights::all());
    const Cap ep_out = Cap::endpoint(Paddr{0x4001'0000}, 0, Rights::all());
    CHECK(same_region_as(ut, ep));
    CHECK_FALSE(same_region_as(ut, ep_out));
    CHECK_FALSE(same_object_as(ut, ut)); // untyped caps are always final
    CHECK(same_object_as(ep, ep.with_badge(5)));
    CHECK(same_region_as(Cap::irq_control(), Cap::irq_handler(3)));
    CHECK_FALSE(same_object_as(Cap::irq_control(), Cap::irq_handler(3)));
    CHECK(same_object_as(Cap::irq_handler(3), Cap::irq_handler(3)));
    CHECK_FALSE(same_object_as(Cap::irq_handler(3), Cap::irq_handler(4)));
    const Cap big = Cap::frame(Paddr{0x4020'0000}, FrameSize::Large, Rights::all(), false);
    const Cap small = Cap::frame(Paddr{0x4020'0000}, FrameSize::Small, Rights::all(), false);
    CHECK(same_region_as(big, small));
    CHECK_FALSE(same_object_as(big, small));
    CHECK(is_cap_revocable(ep.with_badge(1), ep));
    CHECK_FALSE(is_cap_revocable(ep, ep));
    CHECK(is_cap_revocable(Cap::irq_handler(1), Cap::irq_control()));
}
