/* str_unicode.h — character classes and case mappings by code point, for
 * str's methods (str_methods.c) and the format mini-language. Exact for
 * ASCII and Latin-1; the common blocks of other scripts are covered. */
#ifndef HANDOFF_STR_UNICODE_H
#define HANDOFF_STR_UNICODE_H

#include "object.h"

bool unicode_is_space(uint32_t cp);      /* str.isspace */
bool unicode_is_linebreak(uint32_t cp);  /* a str.splitlines boundary */
bool unicode_is_decimal(uint32_t cp);    /* Nd */
int unicode_decimal_value(uint32_t cp);  /* 0-9, or -1 */
bool unicode_is_digit(uint32_t cp);      /* Nd plus superscripts and circled digits */
bool unicode_is_numeric(uint32_t cp);    /* digits plus fractions, Roman and Han numerals */
bool unicode_is_alpha(uint32_t cp);
bool unicode_is_alnum(uint32_t cp);
bool unicode_is_upper(uint32_t cp);
bool unicode_is_lower(uint32_t cp);
bool unicode_is_title(uint32_t cp);      /* Lt: the title-case digraphs */
bool unicode_is_cased(uint32_t cp);
uint32_t unicode_to_lower(uint32_t cp);  /* one-character mappings only */
uint32_t unicode_to_upper(uint32_t cp);
/* Full mappings (ß -> SS), appended as UTF-8. */
void unicode_append_upper(StrBuf *buf, uint32_t cp);
void unicode_append_lower(StrBuf *buf, uint32_t cp);
void unicode_append_title(StrBuf *buf, uint32_t cp);

#endif
