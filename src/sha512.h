/* sha512.h — SHA-512 (FIPS 180-4) of a byte string, for random.seed(str),
 * which CPython 3.11 turns into an int from the text's UTF-8 bytes followed by
 * their SHA-512 digest. */
#ifndef HANDOFF_SHA512_H
#define HANDOFF_SHA512_H

#include <stddef.h>
#include <stdint.h>

#define SHA512_DIGEST_SIZE 64

void sha512(const uint8_t *data, size_t length, uint8_t digest[SHA512_DIGEST_SIZE]);

#endif
