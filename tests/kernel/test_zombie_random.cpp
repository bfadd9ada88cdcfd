// Random graphs of CNodes holding caps to each other (self references and
// cycles included) torn down by deletes and revokes with random budgets,
// the invariants checked after every call.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "fixture.hpp"
#include "kernel/cspace.hpp"
#include "kernel/delete.hpp"

using namespace rampart;
using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

constexpr uint64_t cnodes_at = 20;
constexpr uint64_t cnode_count = 12;
constexpr uint64_t others_at = 40;

struct Graph : Fixture {
    std::mt19937_64 rng;
    std::vector<Cap> objects; // the CNodes as made (guard 0)

    explicit Graph(uint64_t seed) : Fixture(20), rng(seed) {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, cnodes_at, cnode_count).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, others_at, 4).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, others_at + 4, 2).is_ok());
        for (uint64_t i = 0; i < cnode_count; ++i) {
            objects.push_back(cap(cnodes_at + i));
        }
    }

    uint64_t pick(uint64_t n) { return rng() % n; }

    // A CNode cap to the object is still in the tree (not a zombie).
    static bool alive(const Cap& object) {
        for (const Slot* s = mdb_sentinel().next(); s != nullptr; s = s->next()) {
            if (s->cap.type() == CapType::CNode && s->cap.paddr() == object.paddr()) {
                return true;
            }
        }
        return false;
    }

    // A random slot: a root slot of interest or a slot of a live CNode.
    SlotAddr random_addr() {
        if (pick(3) == 0) {
            return addr(pick(2) == 0 ? cnodes_at + pick(cnode_count) : others_at + pick(6));
        }
        const Cap& c = objects[pick(objects.size())];
        if (!alive(c)) {
            return addr(cnodes_at + pick(cnode_count));
        }
        return {c, CPtr{pick(4)}, 2};
    }

    void shuffle(int steps) {
        for (int i = 0; i < steps; ++i) {
            const SlotAddr dest = random_addr();
            const SlotAddr src = random_addr();
            Status st = pick(2) == 0 ? cnode_move(dest, src) : cnode_copy(dest, src, Rights::all());
            (void)st;
            REQUIRE(check_invariants(1u << 16).ok);
        }
    }
};

} // namespace

TEST_CASE("random CNode graphs are torn down completely", "[kernel][delete][random]") {
    for (uint64_t seed = 1; seed <= 150; ++seed) {
        INFO("seed " << seed);
        Graph g{seed};
        g.shuffle(60);
        // Delete some slots, then revoke everything, with small budgets.
        for (int i = 0; i < 20; ++i) {
            Budget budget{1 + g.pick(6)};
            const Status st = cnode_delete(g.random_addr(), budget);
            REQUIRE((st.is_ok() || st.is_preempted() || st.error() == Error::FailedLookup));
            const InvariantReport r = check_invariants(1u << 16);
            INFO((r.what ? r.what : ""));
            REQUIRE(r.ok);
        }
        for (int rounds = 0;; ++rounds) {
            REQUIRE(rounds < 10000);
            Budget budget{1 + g.pick(6)};
            const Status st = cnode_revoke(g.addr(ram_slot), budget);
            REQUIRE((st.is_ok() || st.is_preempted()));
            const InvariantReport r = check_invariants(1u << 16);
            INFO((r.what ? r.what : ""));
            REQUIRE(r.ok);
            if (st.is_ok()) {
                break;
            }
        }
        REQUIRE_FALSE(has_children(g.slot(ram_slot)));
        REQUIRE(check_invariants(1u << 16).caps == 3);
    }
}
