/* The one output format of every benchmark: "bench: <name> <value> insns". */
#include <rampart/bench.h>

void rampart_bench_report(const char* name, uint64_t value) {
    char digits[21];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value);
    char line[128];
    size_t len = 0;
    for (const char* p = "bench: "; *p; ++p)
        line[len++] = *p;
    for (; *name && len < 90; ++name)
        line[len++] = *name;
    line[len++] = ' ';
    while (n)
        line[len++] = digits[--n];
    for (const char* p = " insns\n"; *p; ++p)
        line[len++] = *p;
    rampart_debug_write(line, len);
}
