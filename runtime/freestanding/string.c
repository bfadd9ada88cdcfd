/* The four memory functions the compiler may call in freestanding code; shared by
   the loader, the kernel and user programs (there is no libc on the target). */
#include <stddef.h>
#include <stdint.h>

/* Word copies when source and destination agree modulo 8 (bytes up to the
   first word boundary first), 64 bytes per round: the loader unpacks the
   image and the initializer fills frames with this. */
void* memcpy(void* restrict dst, const void* restrict src, size_t n) {
    unsigned char* d = dst;
    const unsigned char* s = src;
    if ((((uintptr_t)d ^ (uintptr_t)s) & 7u) == 0) {
        for (; n && ((uintptr_t)d & 7u); --n)
            *d++ = *s++;
        uint64_t* dw = (uint64_t*)(void*)d;
        const uint64_t* sw = (const uint64_t*)(const void*)s;
        for (; n >= 64; n -= 64, dw += 8, sw += 8) {
            const uint64_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];
            const uint64_t f = sw[4], g = sw[5], h = sw[6], i = sw[7];
            dw[0] = a;
            dw[1] = b;
            dw[2] = c;
            dw[3] = e;
            dw[4] = f;
            dw[5] = g;
            dw[6] = h;
            dw[7] = i;
        }
        for (; n >= 8; n -= 8)
            *dw++ = *sw++;
        d = (unsigned char*)dw;
        s = (const unsigned char*)sw;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void* memmove(void* dst, const void* src, size_t n) {
    unsigned char* d = dst;
    const unsigned char* s = src;
    if (d == s || n == 0)
        return dst;
    if (d < s || d >= s + n)
        return memcpy(dst, src, n);
    while (n--)
        d[n] = s[n];
    return dst;
}

void* memset(void* dst, int c, size_t n) {
    unsigned char* d = dst;
    if (c == 0) {
        for (; n && ((uintptr_t)d & 7u); --n)
            *d++ = 0;
        uint64_t* dw = (uint64_t*)(void*)d;
        for (; n >= 64; n -= 64, dw += 8) {
            dw[0] = 0;
            dw[1] = 0;
            dw[2] = 0;
            dw[3] = 0;
            dw[4] = 0;
            dw[5] = 0;
            dw[6] = 0;
            dw[7] = 0;
        }
        for (; n >= 8; n -= 8)
            *dw++ = 0;
        d = (unsigned char*)dw;
    }
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void* a, const void* b, size_t n) {
    const unsigned char* x = a;
    const unsigned char* y = b;
    for (; n; --n, ++x, ++y)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}
