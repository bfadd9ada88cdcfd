/* Six MiB of data that differs from page to page (so the composer cannot
   share it) and is nowhere zero: the image carries it, and the loader leaves
   it in the memory the checker's pages are then made from. */
    .section .data.noise, "aw"
    .balign 4096
    .global noise_pages
noise_pages:
    .set page, 1
    .rept 1536
    .quad page
    .fill 1022, 4, 0x5a5a5a5a
    .set page, page + 1
    .endr
