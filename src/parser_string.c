/* parser_string.c — literals: numbers, and adjacent string tokens decoded and joined into
 * one Constant, or a JoinedStr when any is an f-string. F-strings follow CPython 3.11's
 * Parser/string_parser.c: the text of each replacement field is found by scanning, then
 * read by a parser of its own over the same source, so positions point into the file. */
#include "parser_internal.h"

#include <errno.h>

/* ---- numbers ---- */

Expr *parse_number(Parser *p)
{
    Token token = parser_advance(p);
    Expr *e = parser_new_expr(p, EXPR_CONSTANT, parser_token_pos(&token));
    /* The digits without underscores, NUL-terminated for strtod. */
    char *digits = arena_alloc(p->arena, token.length + 1);
    size_t length = 0;
    for (size_t i = 0; i < token.length; i++) {
        if (token.start[i] != '_') digits[length++] = token.start[i];
    }
    digits[length] = '\0';
    char last = digits[length - 1];
    int base = 10;
    const char *text = digits;
    if (length > 1 && digits[0] == '0' && strchr("xXoObB", digits[1]) != NULL) {
        base = (digits[1] | 0x20) == 'x' ? 16 : (digits[1] | 0x20) == 'o' ? 8 : 2;
        text += 2;
    } else if (last == 'j' || last == 'J') {
        digits[length - 1] = '\0';
        e->as.constant.kind = CONST_IMAG;
        e->as.constant.float_value = strtod(digits, NULL);
        return e;
    } else if (strpbrk(digits, ".eE") != NULL) {
        e->as.constant.kind = CONST_FLOAT;
        e->as.constant.float_value = strtod(digits, NULL);
        return e;
    }
    while (text[0] == '0' && text[1] != '\0') text++;
    uint64_t value = 0;
    bool overflow = false;
    for (const char *d = text; *d; d++) {
        unsigned digit = *d <= '9' ? (unsigned)(*d - '0') : (unsigned)((*d | 0x20) - 'a' + 10);
        if (value > (UINT64_MAX - digit) / (uint64_t)base) { overflow = true; break; }
        value = value * (uint64_t)base + digit;
    }
    if (overflow || value > INT64_MAX) {
        e->as.constant.kind = CONST_BIGINT;
        e->as.constant.text = text;
        e->as.constant.length = strlen(text);
        e->as.constant.int_value = base;
    } else {
        e->as.constant.kind = CONST_INT;
        e->as.constant.int_value = (int64_t)value;
    }
    return e;
}

/* ---- escapes ---- */

static size_t encode_utf8(uint32_t code, char *out)
{
    if (code < 0x80) { out[0] = (char)code; return 1; }
    if (code < 0x800) {
        out[0] = (char)(0xC0 | (code >> 6));
        out[1] = (char)(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        out[0] = (char)(0xE0 | (code >> 12));
        out[1] = (char)(0x80 | ((code >> 6) & 0x3F));
        out[2] = (char)(0x80 | (code & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (code >> 18));
    out[1] = (char)(0x80 | ((code >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((code >> 6) & 0x3F));
    out[3] = (char)(0x80 | (code & 0x3F));
    return 4;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* An error in a literal, reported (as CPython does) at the token after the strings. */
#define LITERAL_ERROR(p, ...) parser_error_at_token(p, CUR(p), __VA_ARGS__)

/* \xhh, \uxxxx or \Uxxxxxxxx (`c` is x, u or U; *s just after it): the code point,
 * encoded at *out. `position` is where the escape starts, for the message. */
static void decode_hex_escape(Parser *p, char c, const char **s, const char *end, char **out, bool bytes,
                              int position)
{
    int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    uint32_t value = 0;
    int n = 0;
    for (; n < digits && *s < end && hex_value(**s) >= 0; n++) value = value * 16 + (uint32_t)hex_value(*(*s)++);
    if (n < digits) {
        if (bytes) LITERAL_ERROR(p, "(value error) invalid \\x escape at position %d", position);
        const char *form = c == 'x' ? "\\xXX" : c == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
        LITERAL_ERROR(p, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                      "truncated %s escape", position, position + 1 + n, form);
    }
    if (bytes) {
        *(*out)++ = (char)value;
        return;
    }
    if (value > 0x10FFFF)
        LITERAL_ERROR(p, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                      "illegal Unicode character", position, position + 1 + n);
    if (value >= 0xD800 && value <= 0xDFFF)
        LITERAL_ERROR(p, "(unicode error) handoff strings cannot hold a lone surrogate (\\%c%0*X at "
                      "position %d)", c, digits, (unsigned)value, position);
    *out += encode_utf8(value, *out);
}

/* Decode the escapes of [s, end), the text of a non-raw literal, into `out` (never longer
 * than the text). Bytes literals know no \u, \U or \N. Returns the decoded length. */
static size_t decode_escapes(Parser *p, const char *s, const char *end, char *out, bool bytes)
{
    const char *begin = s;
    char *o = out;
    while (s < end) {
        if (*s != '\\') { *o++ = *s++; continue; }
        const char *escape = s++;
        if (s == end) { *o++ = '\\'; break; } /* f"\{x}": the backslash stays */
        char c = *s++;
        switch (c) {
        case '\n': break; /* a backslash-newline continues the string */
        case '\\': case '\'': case '"': *o++ = c; break;
        case 'a': *o++ = '\a'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'v': *o++ = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t value = (uint32_t)(c - '0');
            for (int n = 1; n < 3 && s < end && *s >= '0' && *s <= '7'; n++) value = value * 8 + (uint32_t)(*s++ - '0');
            if (bytes) *o++ = (char)(value & 0xFF);
            else o += encode_utf8(value, o);
            break;
        }
        case 'x': case 'u': case 'U':
            if (c == 'x' || !bytes) {
                decode_hex_escape(p, c, &s, end, &o, bytes, (int)(escape - begin));
                break;
            }
            *o++ = '\\';
            *o++ = c;
            break;
        case 'N':
            if (!bytes)
                LITERAL_ERROR(p, "(unicode error) handoff does not support \\N{...} escapes (position %d); "
                              "write the character itself or use \\u", (int)(escape - begin));
            /* fall through */
        default:
            /* Not an escape: both characters stay (CPython warns). */
            *o++ = '\\';
            *o++ = c;
            break;
        }
    }
    return (size_t)(o - out);
}

/* ---- string tokens ---- */

typedef struct {
    Token token;
    const char *body, *body_end; /* the text between the quotes */
    bool raw, bytes, fstring;
} StringPart;

static StringPart string_part(const Token *token)
{
    StringPart part = {.token = *token};
    const char *s = token->start;
    while (*s != '"' && *s != '\'') {
        char c = (char)(*s | 0x20);
        if (c == 'r') part.raw = true;
        else if (c == 'b') part.bytes = true;
        else if (c == 'f') part.fstring = true;
        s++;
    }
    size_t quote = (size_t)(token->start + token->length - s) >= 6 && s[1] == s[0] && s[2] == s[0] ? 3 : 1;
    part.body = s + quote;
    part.body_end = token->start + token->length - quote;
    return part;
}

/* ---- f-strings ---- */

/* Decoded text waiting to become a Constant, and the nodes of one JoinedStr. The text
 * lives in a scratch buffer shared by nested format specs, each after its parent's. */
typedef struct {
    ExprList values;
    char *text;
    size_t length;
    Pos pos;            /* of the Constants made here */
} FString;

/* Shared by every level of one f-string token: where the scan is, in lines. */
typedef struct {
    Parser *p;
    const StringPart *part;
    Pos whole;                /* every adjacent string token: FormattedValue's position */
    const char *located;      /* how far line counting has got */
    int line;
    const char *line_start;
} FieldReader;

static void locate(FieldReader *reader, const char *at)
{
    for (; reader->located < at; reader->located++) {
        if (*reader->located == '\n') {
            reader->line++;
            reader->line_start = reader->located + 1;
        }
    }
}

static void flush_text(Parser *p, FString *fs)
{
    if (fs->length == 0) return;
    Expr *constant = parser_new_expr(p, EXPR_CONSTANT, fs->pos);
    constant->as.constant.kind = CONST_STR;
    constant->as.constant.text = arena_strndup(p->arena, fs->text, fs->length);
    constant->as.constant.length = fs->length;
    exprlist_push(p->arena, &fs->values, constant);
    fs->length = 0;
}

static void append_text(FString *fs, const char *text, size_t length)
{
    memcpy(fs->text + fs->length, text, length);
    fs->length += length;
}

#define FSTRING_ERROR(p, ...) parser_error_at_token(p, CUR(p), __VA_ARGS__)

/* Read the expression [start, end) with a parser of its own; `group` is where CPython's
 * "(expr)" would stand, for the position of a bare tuple. */
static Expr *parse_field_expression(FieldReader *reader, const char *start, const char *end, Pos group)
{
    Parser *p = reader->p;
    const char *s = start;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) s++;
    if (s == end) goto empty;
    locate(reader, start);
    Parser sub;
    parser_init(&sub, p->arena, p->diag, p->text, (size_t)(p->text_end - p->text), 4);
    sub.root = p->root;
    sub.on_error = p->on_error;
    sub.depth = p->depth;
    sub.fstring_depth = p->fstring_depth + 1;
    sub.fstring_group = group;
    lexer_init_fstring(&sub.lexer, start, end, reader->line, reader->line_start, p->diag);
    parser_peek(&sub, 0);
    return parse_group_contents(&sub, NULL, TOK_ENDMARKER);
empty:
    if (*end == '!' || *end == ':' || *end == '=')
        FSTRING_ERROR(p, "f-string: expression required before '%c'", *end);
    FSTRING_ERROR(p, "f-string: empty expression not allowed");
}

/* Find where the expression of a field ends: at '!', ':', '=' or '}' outside brackets
 * and strings (CPython's fstring_find_expr). */
static const char *find_expression_end(Parser *p, const char *s, const char *end)
{
    char quote = 0;
    int quote_size = 0, depth = 0;
    char brackets[LEXER_MAX_BRACKETS];
    for (; s < end; s++) {
        char c = *s;
        if (c == '\\') FSTRING_ERROR(p, "f-string expression part cannot include a backslash");
        if (quote) {
            if (c == quote) {
                if (quote_size == 3) {
                    if (s + 2 < end && s[1] == c && s[2] == c) { s += 2; quote = 0; }
                } else {
                    quote = 0;
                }
            }
        } else if (c == '\'' || c == '"') {
            quote_size = s + 2 < end && s[1] == c && s[2] == c ? 3 : 1;
            if (quote_size == 3) s += 2;
            quote = c;
        } else if (c == '[' || c == '{' || c == '(') {
            if (depth >= LEXER_MAX_BRACKETS) FSTRING_ERROR(p, "f-string: too many nested parenthesis");
            brackets[depth++] = c;
        } else if (c == '#') {
            FSTRING_ERROR(p, "f-string expression part cannot include '#'");
        } else if (depth == 0 && (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<')) {
            if (s + 1 < end && s[1] == '=' && c != ':' && c != '}') { s++; continue; } /* != == <= >= */
            if (c == '>' || c == '<') continue;
            break;
        } else if (c == ']' || c == '}' || c == ')') {
            if (depth == 0) FSTRING_ERROR(p, "f-string: unmatched '%c'", c);
            char opening = brackets[--depth];
            if ((opening == '(') != (c == ')') || (opening == '[') != (c == ']'))
                FSTRING_ERROR(p, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", c, opening);
        }
    }
    if (quote) FSTRING_ERROR(p, "f-string: unterminated string");
    if (depth > 0) FSTRING_ERROR(p, "f-string: unmatched '%c'", brackets[depth - 1]);
    if (s >= end) FSTRING_ERROR(p, "f-string: expecting '}'");
    return s;
}

/* The position of [from, to). The reader moves on only to `from`, so that what lies
 * between can still be located. */
static Pos pos_at(FieldReader *reader, const char *from, const char *to)
{
    locate(reader, from);
    Pos pos = {reader->line, (int)(from - reader->line_start), 0, 0};
    FieldReader ahead = *reader;
    locate(&ahead, to);
    pos.end_line = ahead.line;
    pos.end_col = (int)(to - ahead.line_start);
    return pos;
}

static void parse_fstring_body(FieldReader *reader, FString *fs, const char **cursor, const char *end, int level);

/* A replacement field `{expr=!r:spec}`; *cursor is at its '{'. */
static void parse_field(FieldReader *reader, FString *fs, const char **cursor, const char *end, int level)
{
    Parser *p = reader->p;
    if (level >= 2) FSTRING_ERROR(p, "f-string: expressions nested too deeply");
    const char *open = *cursor;
    const char *expr_start = open + 1;
    const char *s = find_expression_end(p, expr_start, end);
    Pos group = pos_at(reader, open, s + 1);
    Expr *value = parse_field_expression(reader, expr_start, s, group);
    const char *debug_end = NULL;
    if (*s == '=') {
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r' || *s == '\v')) s++;
        if (s >= end) FSTRING_ERROR(p, "f-string: expecting '}'");
        debug_end = s;
    }
    int conversion = 0;
    if (*s == '!') {
        if (++s >= end) FSTRING_ERROR(p, "f-string: expecting '}'");
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            FSTRING_ERROR(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    Expr *format_spec = NULL;
    if (s < end && *s == ':') {
        if (++s >= end) FSTRING_ERROR(p, "f-string: expecting '}'");
        FString spec = {.text = fs->text + fs->length, .pos = parser_token_pos(&reader->part->token)};
        parse_fstring_body(reader, &spec, &s, end, level + 1);
        flush_text(p, &spec);
        format_spec = parser_new_expr(p, EXPR_JOINEDSTR, spec.pos);
        format_spec->as.joinedstr.values = spec.values;
    }
    if (s >= end || *s != '}') FSTRING_ERROR(p, "f-string: expecting '}'");
    *cursor = s + 1;
    if (debug_end != NULL) {
        append_text(fs, expr_start, (size_t)(debug_end - expr_start));
        if (format_spec == NULL && conversion == 0) conversion = 'r';
    }
    flush_text(p, fs);
    Expr *formatted = parser_new_expr(p, EXPR_FORMATTEDVALUE, reader->whole);
    formatted->as.formatted.value = value;
    formatted->as.formatted.conversion = conversion;
    formatted->as.formatted.format_spec = format_spec;
    exprlist_push(p->arena, &fs->values, formatted);
}

/* Literal text and fields up to `end`, or (in a format spec, level > 0) up to a '}'.
 * Doubled braces stand for themselves only at the top level, as in CPython. */
static void parse_fstring_body(FieldReader *reader, FString *fs, const char **cursor, const char *end, int level)
{
    Parser *p = reader->p;
    bool raw = reader->part->raw;
    const char *s = *cursor;
    while (s < end) {
        const char *literal = s;
        bool doubled = false;
        while (s < end) {
            char c = *s++;
            if (!raw && c == '\\' && s < end) {
                c = *s++;
                if (c == 'N' && s < end && *s == '{') {
                    while (s < end && *s++ != '}') {}
                    continue;
                }
            }
            if (c == '{' || c == '}') {
                if (level == 0 && s < end && *s == c) { doubled = true; break; }
                if (level == 0 && c == '}') FSTRING_ERROR(p, "f-string: single '}' is not allowed");
                s--;
                break;
            }
        }
        const char *literal_end = s;
        if (raw) {
            append_text(fs, literal, (size_t)(literal_end - literal));
        } else {
            fs->length += decode_escapes(p, literal, literal_end, fs->text + fs->length, false);
        }
        if (doubled) { s++; continue; }
        if (s >= end || *s == '}') break;
        parse_field(reader, fs, &s, end, level);
    }
    *cursor = s;
}

/* ---- adjacent strings ---- */

/* Check a bytes literal holds only ASCII, as CPython does before decoding. */
static void check_ascii(Parser *p, const StringPart *part)
{
    for (const char *c = part->body; c < part->body_end; c++) {
        if ((unsigned char)*c >= 0x80) {
            Pos pos = parser_token_pos(&part->token);
            parser_error_range(p, pos, pos, "bytes can only contain ASCII literal characters");
        }
    }
}

/* The decoded text of a plain (not f-) literal, appended at `out`; returns its length. */
static size_t decode_plain(Parser *p, const StringPart *part, char *out)
{
    if (part->bytes) check_ascii(p, part);
    size_t length = (size_t)(part->body_end - part->body);
    if (!part->raw) return decode_escapes(p, part->body, part->body_end, out, part->bytes);
    memcpy(out, part->body, length);
    return length;
}

Expr *parse_strings(Parser *p)
{
    int count = 0, capacity = 4;
    StringPart *parts = arena_alloc(p->arena, sizeof *parts * (size_t)capacity);
    size_t total = 0;
    bool any_fstring = false;
    while (AT(p, TOK_STRING)) {
        if (count == capacity) {
            StringPart *more = arena_alloc(p->arena, sizeof *parts * (size_t)capacity * 2);
            memcpy(more, parts, sizeof *parts * (size_t)count);
            parts = more;
            capacity *= 2;
        }
        Token token = parser_advance(p);
        parts[count] = string_part(&token);
        total += (size_t)(parts[count].body_end - parts[count].body);
        any_fstring |= parts[count].fstring;
        count++;
    }
    Pos whole = parser_span(parser_token_pos(&parts[0].token), parser_token_pos(&parts[count - 1].token));
    FString fs = {.text = arena_alloc(p->arena, total + 1), .pos = whole};
    /* One token at a time, as CPython: decode it, check it does not mix bytes with
     * text, then read its replacement fields. */
    for (int i = 0; i < count; i++) {
        const StringPart *part = &parts[i];
        if (!part->fstring) fs.length += decode_plain(p, part, fs.text + fs.length);
        if (part->bytes != parts[0].bytes) FSTRING_ERROR(p, "cannot mix bytes and nonbytes literals");
        if (part->fstring) {
            const char *s = part->body;
            FieldReader reader = {p, part, whole, part->token.start, part->token.line,
                                  part->token.start - part->token.col};
            parse_fstring_body(&reader, &fs, &s, part->body_end, 0);
        }
    }
    if (any_fstring) {
        flush_text(p, &fs);
        Expr *e = parser_new_expr(p, EXPR_JOINEDSTR, whole);
        e->as.joinedstr.values = fs.values;
        return e;
    }
    fs.text[fs.length] = '\0';
    Expr *e = parser_new_expr(p, EXPR_CONSTANT, whole);
    e->as.constant.kind = parts[0].bytes ? CONST_BYTES : CONST_STR;
    e->as.constant.text = fs.text;
    e->as.constant.length = fs.length;
    return e;
}
