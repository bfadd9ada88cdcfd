#!/usr/bin/env python3
"""Writes the tiny ELF64 program images the corpus and the unit tests use.

hello.elf: AArch64, two PT_LOAD segments: text [0x200000, 0x201000) r-x,
data [0x201000, 0x203000) rw- (0x100 bytes in the file). Run from this folder.
"""
import struct


def elf(machine, segments):
    ehdr_size, phdr_size = 64, 56
    body_off = ehdr_size + phdr_size * len(segments)
    phdrs, body = b"", b""
    for vaddr, memsz, flags, data in segments:
        off = body_off + len(body)
        phdrs += struct.pack("<IIQQQQQQ", 1, flags, off, vaddr, vaddr, len(data), memsz, 0x1000)
        body += data
    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
    ehdr = ident + struct.pack("<HHIQQQIHHHHHH", 2, machine, 1, segments[0][0], ehdr_size, 0,
                               0, ehdr_size, phdr_size, len(segments), 64, 0, 0)
    return ehdr + phdrs + body


with open("hello.elf", "wb") as f:
    f.write(elf(183, [(0x200000, 0x1000, 5, b"\x1f\x20\x03\xd5" * 4),
                      (0x201000, 0x2000, 6, bytes(0x100))]))
with open("riscv.elf", "wb") as f:
    f.write(elf(243, [(0x200000, 0x1000, 5, bytes(16))]))
with open("not_elf.bin", "wb") as f:
    f.write(b"this is not an ELF file\n")
with open("prefill.bin", "wb") as f:
    f.write(bytes(range(256)) * 24)  # 6 KiB
