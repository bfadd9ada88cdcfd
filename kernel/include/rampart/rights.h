/* Capability access rights, a bit set (C-compatible ABI). */
#ifndef RAMPART_RIGHTS_H
#define RAMPART_RIGHTS_H

#include <stdint.h>

/* Endpoint: WRITE = send, READ = receive, GRANT = transfer caps, GRANT_REPLY =
   receive a reply cap only. Notification: WRITE = signal, READ = wait. Frame:
   READ / WRITE are the mapping rights. Copy, Mint and Mutate can only drop rights. */
#define RAMPART_RIGHT_WRITE 0x1u
#define RAMPART_RIGHT_READ 0x2u
#define RAMPART_RIGHT_GRANT 0x4u
#define RAMPART_RIGHT_GRANT_REPLY 0x8u
#define RAMPART_RIGHTS_ALL 0xfu
#define RAMPART_RIGHTS_BITS 4u

typedef uint64_t rampart_rights_t;

#endif
