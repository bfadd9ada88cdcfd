// Boot image layout: loader | payload header | copies | segments | data.
#include "emit/image_writer.hpp"

#include <rampart/image.h>

#include <algorithm>
#include <cstring>
#include <fstream>

namespace rampart::emit {
namespace {

constexpr std::uint64_t page = RAMPART_PAGE_SIZE;
constexpr std::uint64_t align_down(std::uint64_t v, std::uint64_t a) {
    return v & ~(a - 1);
}
constexpr std::uint64_t align_up(std::uint64_t v, std::uint64_t a) {
    return align_down(v + a - 1, a);
}

template <typename T>
void put(std::vector<std::uint8_t>& out, std::uint64_t off, const T& v) {
    if (out.size() < off + sizeof(T))
        out.resize(off + sizeof(T));
    std::memcpy(out.data() + off, &v, sizeof(T));
}

// Flattens the loader's segments into the bytes QEMU loads at its lowest address.
std::vector<std::uint8_t> flatten_loader(const elf::ElfFile& loader, std::uint64_t& base,
                                         std::uint64_t& end) {
    if (loader.segments().empty())
        throw ImageError(loader.name(), "the loader has no loadable segment");
    base = UINT64_MAX;
    end = 0;
    for (const auto& s : loader.segments()) {
        base = std::min(base, s.paddr);
        end = std::max(end, s.paddr + s.mem_size);
    }
    std::vector<std::uint8_t> bytes(end - base);
    for (const auto& s : loader.segments())
        std::copy(s.data.begin(), s.data.end(),
                  bytes.begin() + static_cast<std::ptrdiff_t>(s.paddr - base));
    return bytes;
}

struct Payload {
    rampart_image_header header{};
    std::vector<rampart_image_copy> copies;
    std::vector<rampart_user_segment> segments;
    std::vector<std::uint8_t> data;

    void add_copy(std::uint64_t dest, const std::uint8_t* bytes, std::uint64_t file_size,
                  std::uint64_t mem_size) {
        copies.push_back({dest, data.size(), file_size, mem_size});
        data.insert(data.end(), bytes, bytes + file_size);
        data.resize(align_up(data.size(), 8));
    }
};

std::uint64_t perms_of(std::uint32_t elf_flags) {
    return (elf_flags & 4 ? RAMPART_SEG_R : 0) | (elf_flags & 2 ? RAMPART_SEG_W : 0) |
           (elf_flags & 1 ? RAMPART_SEG_X : 0);
}

} // namespace

Image build_image(const ImageInputs& in) {
    Image img;
    img.machine = in.loader.machine();
    if (in.kernel.machine() != img.machine || in.root_task.machine() != img.machine)
        throw ImageError({}, "loader, kernel and root task are built for different machines");

    std::uint64_t loader_end = 0;
    img.bytes = flatten_loader(in.loader, img.load_address, loader_end);
    img.entry = in.loader.entry();
    const auto payload_sym = in.loader.symbol("__payload_start");
    if (!payload_sym || payload_sym->value != align_up(loader_end, page))
        throw ImageError(in.loader.name(),
                         "'__payload_start' must be the page-aligned end of the loader");

    Payload p;
    auto& h = p.header;
    h.magic = RAMPART_IMAGE_MAGIC;
    h.version = RAMPART_IMAGE_VERSION;
    h.kernel_entry = in.kernel.entry();

    // Kernel: each segment goes to its load (physical) address.
    h.kernel.base = UINT64_MAX;
    for (const auto& s : in.kernel.segments()) {
        p.add_copy(s.paddr, s.data.data(), s.file_size, s.mem_size);
        h.kernel.base = std::min(h.kernel.base, align_down(s.paddr, page));
        h.kernel.end = std::max(h.kernel.end, align_up(s.paddr + s.mem_size, page));
    }
    if (in.kernel.segments().empty() || h.kernel.end > in.kernel_region_end)
        throw ImageError(in.kernel.name(), "the kernel does not fit its reserved region");
    h.kernel.end = in.kernel_region_end;

    // Root task: pages placed contiguously, directly below the kernel region, in vaddr order.
    struct Span {
        const elf::Segment* seg;
        std::uint64_t vbase, vend;
    };
    std::vector<Span> spans;
    for (const auto& s : in.root_task.segments())
        spans.push_back({&s, align_down(s.vaddr, page), align_up(s.vaddr + s.mem_size, page)});
    std::sort(spans.begin(), spans.end(), [](auto& a, auto& b) { return a.vbase < b.vbase; });
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (i && spans[i].vbase < spans[i - 1].vend)
            throw ImageError(in.root_task.name(), "two segments share a page");
        total += spans[i].vend - spans[i].vbase;
    }
    // Boot data goes to the root task as extra boot information: one chunk.
    std::vector<std::uint8_t> extra;
    if (!in.boot_data.empty()) {
        const rampart_bootinfo_header chunk{RAMPART_BOOTINFO_HEADER_BOOT_DATA,
                                            sizeof(chunk) + in.boot_data.size()};
        put(extra, 0, chunk);
        extra.insert(extra.end(), in.boot_data.begin(), in.boot_data.end());
    }
    const std::uint64_t data_pages = align_up(extra.size(), page);
    if (in.root_cnode_bits < RAMPART_ROOT_CNODE_MIN_BITS ||
        in.root_cnode_bits > RAMPART_ROOT_CNODE_MAX_BITS)
        throw ImageError({}, "the root CNode size must be 2^" +
                         std::to_string(RAMPART_ROOT_CNODE_MIN_BITS) + " to 2^" +
                         std::to_string(RAMPART_ROOT_CNODE_MAX_BITS) + " slots");
    h.root_cnode_bits = in.root_cnode_bits;
    if (spans.empty() || spans.size() + (data_pages ? 1 : 0) > RAMPART_MAX_ROOT_SEGMENTS)
        throw ImageError(in.root_task.name(), "unsupported number of segments");
    h.root_image.end = h.kernel.base;
    h.root_image.base = h.root_image.end - total - data_pages;
    h.root_entry = in.root_task.entry();

    std::uint64_t next = h.root_image.base;
    for (const auto& sp : spans) {
        const elf::Segment& s = *sp.seg;
        p.segments.push_back({sp.vbase, next, sp.vend - sp.vbase, perms_of(s.flags)});
        p.add_copy(next, nullptr, 0, s.vaddr - sp.vbase); // zero the head of the first page
        p.add_copy(next + (s.vaddr - sp.vbase), s.data.data(), s.file_size, sp.vend - s.vaddr);
        next += sp.vend - sp.vbase;
    }
    if (data_pages) { // after the IPC buffer and boot-info pages (root_layout.hpp)
        h.extra_bootinfo_size = extra.size();
        p.segments.push_back({spans.back().vend + 2 * page, next, data_pages, RAMPART_SEG_R});
        p.add_copy(next, extra.data(), extra.size(), data_pages);
    }

    if (in.domain_schedule.size() > RAMPART_MAX_DOMAIN_SLOTS)
        throw ImageError({}, "the domain schedule has more than " +
                         std::to_string(RAMPART_MAX_DOMAIN_SLOTS) + " slots");
    for (const auto& slot : in.domain_schedule) {
        if (slot.domain >= RAMPART_DOMAIN_COUNT || slot.duration_us == 0)
            throw ImageError({}, "a domain schedule slot needs a domain below " +
                             std::to_string(RAMPART_DOMAIN_COUNT) + " and a non-zero duration");
        h.domains.slots[h.domains.count++] = slot;
    }

    // Serialise: header, copies, segments, data.
    h.copy_count = static_cast<std::uint32_t>(p.copies.size());
    h.segment_count = static_cast<std::uint32_t>(p.segments.size());
    h.header_size =
        static_cast<std::uint32_t>(sizeof(h) + p.copies.size() * sizeof(rampart_image_copy) +
                                   p.segments.size() * sizeof(rampart_user_segment));
    for (auto& c : p.copies)
        c.src_offset += h.header_size;
    h.payload_size = h.header_size + p.data.size();
    h.checksum = rampart_checksum(p.data.data(), p.data.size());

    const std::uint64_t payload_off = payload_sym->value - img.load_address;
    if (img.load_address + payload_off + h.payload_size > h.root_image.base)
        throw ImageError({}, "the image overlaps the memory it unpacks into");
    std::vector<std::uint8_t>& out = img.bytes;
    out.resize(payload_off);
    put(out, payload_off, h);
    std::uint64_t off = payload_off + sizeof(h);
    for (const auto& c : p.copies)
        put(out, off, c), off += sizeof(c);
    for (const auto& s : p.segments)
        put(out, off, s), off += sizeof(s);
    out.insert(out.end(), p.data.begin(), p.data.end());
    img.root_image_base = h.root_image.base;
    img.root_image_end = h.root_image.end;
    return img;
}

std::vector<std::uint8_t> image_elf(const Image& image) {
    constexpr std::uint64_t data_off = 0x1000;
    elf::FileHeader h{};
    const std::uint8_t ident[16] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    std::memcpy(h.ident, ident, sizeof ident);
    h.type = 2; // ET_EXEC
    h.machine = image.machine;
    h.version = 1;
    h.entry = image.entry;
    h.phoff = sizeof(elf::FileHeader); // the program header right after the file header
    h.ehsize = sizeof(elf::FileHeader);
    h.phentsize = sizeof(elf::ProgramHeader);
    h.phnum = 1;
    h.shentsize = sizeof(elf::SectionHeader);
    elf::ProgramHeader ph{};
    ph.type = elf::kPtLoad;
    ph.flags = elf::kPfR | elf::kPfW | elf::kPfX;
    ph.offset = data_off;
    ph.vaddr = ph.paddr = image.load_address;
    ph.filesz = ph.memsz = image.bytes.size();
    ph.align = page;
    std::vector<std::uint8_t> out(data_off + image.bytes.size());
    put(out, 0, h);
    put(out, sizeof h, ph);
    std::copy(image.bytes.begin(), image.bytes.end(), out.begin() + data_off);
    return out;
}

} // namespace rampart::emit
