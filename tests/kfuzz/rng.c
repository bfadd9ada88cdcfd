/* xoshiro256** (Blackman and Vigna), seeded through splitmix64. */
#include "kfuzz.h"

static uint64_t splitmix(uint64_t* x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void kf_seed(struct kf_rng* r, uint64_t seed) {
    for (unsigned i = 0; i < 4; ++i)
        r->s[i] = splitmix(&seed);
    r->data = 0;
    r->size = r->pos = 0;
    r->exhausted = 0;
}

void kf_seed_bytes(struct kf_rng* r, const uint8_t* data, uint64_t size) {
    kf_seed(r, 0);
    r->data = data;
    r->size = size;
}

/* `bytes` bytes of the input, little-endian. */
static uint64_t take(struct kf_rng* r, unsigned bytes) {
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; ++i) {
        if (r->pos >= r->size) {
            r->exhausted = 1;
            return v;
        }
        v |= (uint64_t)r->data[r->pos++] << (8 * i);
    }
    return v;
}

static uint64_t rotl(uint64_t x, unsigned k) {
    return (x << k) | (x >> (64 - k));
}

uint64_t kf_next(struct kf_rng* r) {
    if (r->data)
        return take(r, 8);
    uint64_t* s = r->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t kf_below(struct kf_rng* r, uint64_t n) {
    if (n == 0)
        return 0;
    if (r->data)
        return take(r, n <= 0x100 ? 1 : n <= 0x10000 ? 2 : 8) % n;
    return kf_next(r) % n;
}

int kf_chance(struct kf_rng* r, unsigned percent) {
    return kf_below(r, 100) < percent;
}
