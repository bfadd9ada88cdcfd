// Freestanding utilities: bit helpers and the intrusive list.
#include <catch2/catch.hpp>

#include "lib/bits.hpp"
#include "lib/intrusive_list.hpp"

using namespace rampart;

TEST_CASE("bit helpers", "[kernel][lib]") {
    CHECK(lib::mask(64) == ~uint64_t{0});
    CHECK(lib::align_up(0x1001, 12) == 0x2000);
    CHECK(lib::align_down(0x1fff, 12) == 0x1000);
    CHECK(lib::is_aligned(0x4000, 14));
    CHECK_FALSE(lib::is_aligned(0x4000, 15));
    CHECK(lib::log2_floor(1) == 0);
    CHECK(lib::log2_floor(0x8000'0000'0000'0000) == 63);
    CHECK(lib::ctz(0x8000'0000'0000'0000) == 63);
    CHECK(lib::is_pow2(64));
    CHECK_FALSE(lib::is_pow2(0));
    CHECK_FALSE(lib::is_pow2(96));
    CHECK(lib::min(3u, 4u) == 3u);
    CHECK(lib::max(3u, 4u) == 4u);
}

namespace {
struct Node {
    int value = 0;
    lib::Link<Node> link;
};
using List = lib::IntrusiveList<Node, &Node::link>;
} // namespace

TEST_CASE("intrusive list keeps order and unlinks anywhere", "[kernel][lib]") {
    Node a{1, {}}, b{2, {}}, c{3, {}};
    List list;
    CHECK(list.empty());
    list.push_back(&a);
    list.push_back(&b);
    list.push_back(&c);
    CHECK(list.front() == &a);
    CHECK(list.back() == &c);
    list.remove(&b);
    CHECK(List::next(&a) == &c);
    CHECK(list.pop_front() == &a);
    CHECK(list.pop_front() == &c);
    CHECK(list.pop_front() == nullptr);
    CHECK(list.empty());
}
