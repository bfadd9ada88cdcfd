// rampart-tamper-image IN OUT MODE: a copy of a boot image with one defect the
// initializer must refuse (tests of docs/spec.md steps 1, 2 and 12). The
// payload checksum is recomputed, so the loader accepts the image and the
// defect reaches the initializer.
//   spec-byte  one byte of the spec changed, its checksum left as it was
//   untyped    the first predicted untyped moved by a page (spec checksum fixed)
//   digest     the first PD's expected CSpace digest changed (spec checksum fixed)
//   clear      the first untyped check's clear mark moved by a unit (spec checksum fixed)
#include <rampart/image.h>
#include <rampart/spec.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

using Bytes = std::vector<unsigned char>;

// The first 8-aligned header with `magic` that `valid` accepts (a constant
// equal to the magic may sit in the loader's or initializer's data).
template <typename Header, typename Valid>
std::size_t find_header(const Bytes& b, std::uint64_t magic, Valid valid) {
    for (std::size_t i = 0; i + sizeof(Header) <= b.size(); i += 8) {
        Header h;
        std::memcpy(&h, &b[i], sizeof h);
        if (h.magic == magic && valid(h, b.size() - i))
            return i;
    }
    return std::string::npos;
}

template <typename T>
T* at(Bytes& b, std::size_t offset) {
    return reinterpret_cast<T*>(b.data() + offset);
}

int fail(const std::string& msg) {
    std::fprintf(stderr, "rampart-tamper-image: error: %s\n", msg.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4)
        return fail("usage: rampart-tamper-image IN OUT spec-byte|untyped|digest|clear");
    std::ifstream in(argv[1], std::ios::binary);
    Bytes b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string mode = argv[3];
    const std::size_t payload = find_header<rampart_image_header>(
        b, RAMPART_IMAGE_MAGIC, [](const rampart_image_header& h, std::size_t left) {
            return h.version == RAMPART_IMAGE_VERSION && h.header_size >= sizeof h &&
                   h.header_size <= h.payload_size && h.payload_size <= left;
        });
    const std::size_t spec = find_header<rampart_spec_header>(
        b, RAMPART_SPEC_MAGIC, [](const rampart_spec_header& h, std::size_t left) {
            return h.version == RAMPART_SPEC_VERSION && h.header_size == sizeof h &&
                   h.total_size >= sizeof h && h.total_size <= left;
        });
    if (payload == std::string::npos || spec == std::string::npos || spec < payload)
        return fail(std::string(argv[1]) + " holds no payload with a spec");
    auto* h = at<rampart_spec_header>(b, spec);
    if (mode == "spec-byte") {
        b[spec + h->total_size - 1] ^= 0x5a;
    } else if (mode == "untyped" && h->untypeds.count > 0) {
        at<rampart_untyped_desc>(b, spec + h->untypeds.offset)->paddr += RAMPART_PAGE_SIZE;
    } else if (mode == "clear" && h->untyped_checks.count > 0) {
        at<rampart_spec_untyped_check>(b, spec + h->untyped_checks.offset)->clear_mark += 256;
    } else if (mode == "digest" && h->pds.count > 0) {
        at<rampart_spec_pd>(b, spec + h->pds.offset)->cspace_digest ^= 1;
    } else {
        return fail("unknown mode '" + mode + "' or nothing to change");
    }
    if (mode != "spec-byte")
        h->checksum = rampart_checksum(&b[spec + h->header_size], h->total_size - h->header_size);
    auto* p = at<rampart_image_header>(b, payload);
    p->checksum = rampart_checksum(&b[payload + p->header_size], p->payload_size - p->header_size);
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
    return out ? 0 : fail(std::string("cannot write ") + argv[2]);
}
