/* strbuf.c — StrBuf, the growable byte buffer every repr, join and format
 * builds its text in. It lives on malloc, not the GC heap, so a collection
 * in the middle of building a string never sees it; strbuf_finish turns it
 * into an ObjStr. */
#include <stdarg.h>

#include "vm.h"

void strbuf_init(StrBuf *buf) {
    buf->data = NULL;
    buf->length = 0;
    buf->capacity = 0;
}

/* Makes room for `extra` more bytes plus the NUL that keeps data a C string. */
static void reserve(StrBuf *buf, size_t extra) {
    size_t needed = buf->length + extra + 1;
    if (needed <= buf->capacity) return;
    size_t capacity = buf->capacity < 64 ? 64 : buf->capacity;
    while (capacity < needed) capacity *= 2;
    char *data = realloc(buf->data, capacity);
    if (data == NULL) {
        fprintf(stderr, "handoff: out of memory building a string\n");
        abort();
    }
    buf->data = data;
    buf->capacity = capacity;
}

void strbuf_append(StrBuf *buf, const char *chars, size_t length) {
    if (length == 0) return;
    reserve(buf, length);
    memcpy(buf->data + buf->length, chars, length);
    buf->length += length;
    buf->data[buf->length] = '\0';
}

void strbuf_append_cstr(StrBuf *buf, const char *cstr) {
    strbuf_append(buf, cstr, strlen(cstr));
}

void strbuf_append_char(StrBuf *buf, char c) {
    reserve(buf, 1);
    buf->data[buf->length++] = c;
    buf->data[buf->length] = '\0';
}

void strbuf_append_codepoint(StrBuf *buf, uint32_t cp) {
    char bytes[4];
    int length;
    if (cp < 0x80) {
        bytes[0] = (char)cp;
        length = 1;
    } else if (cp < 0x800) {
        bytes[0] = (char)(0xC0 | (cp >> 6));
        bytes[1] = (char)(0x80 | (cp & 0x3F));
        length = 2;
    } else if (cp < 0x10000) {
        bytes[0] = (char)(0xE0 | (cp >> 12));
        bytes[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        bytes[2] = (char)(0x80 | (cp & 0x3F));
        length = 3;
    } else {
        bytes[0] = (char)(0xF0 | (cp >> 18));
        bytes[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        bytes[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        bytes[3] = (char)(0x80 | (cp & 0x3F));
        length = 4;
    }
    strbuf_append(buf, bytes, (size_t)length);
}

void strbuf_appendf(StrBuf *buf, const char *fmt, ...) {
    /* Format straight into the free space; grow and format again if it did not fit. */
    reserve(buf, 64);
    va_list args;
    va_start(args, fmt);
    va_list copy;
    va_copy(copy, args);
    size_t room = buf->capacity - buf->length;
    int needed = vsnprintf(buf->data + buf->length, room, fmt, copy);
    va_end(copy);
    if (needed > 0 && (size_t)needed >= room) {
        reserve(buf, (size_t)needed);
        vsnprintf(buf->data + buf->length, (size_t)needed + 1, fmt, args);
    }
    va_end(args);
    if (needed > 0) buf->length += (size_t)needed;
    buf->data[buf->length] = '\0';
}

ObjStr *strbuf_finish(VM *vm, StrBuf *buf) {
    ObjStr *s = str_new(vm, buf->data == NULL ? "" : buf->data, buf->length);
    strbuf_free(buf);
    return s;
}

void strbuf_free(StrBuf *buf) {
    free(buf->data);
    strbuf_init(buf);
}
