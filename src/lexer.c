/* lexer.c — Python 3.11 tokens from UTF-8 text, modelled on MicroPython's py/lexer.c for
 * indentation and on CPython's Parser/tokenizer.c for the exact rules and wording of its
 * errors (numbers, strings, brackets, tabs). Strings are left undecoded: the parser
 * decodes escapes and f-strings from the token text. */
#include "lexer.h"

#include <stdarg.h>

#define END_OF_INPUT (-1)

static const char *const token_spellings[] = {
#define TOKEN_SPELLING(name, spelling) spelling,
    TOKEN_KINDS(TOKEN_SPELLING)
#undef TOKEN_SPELLING
};

const char *lexer_token_spelling(TokenKind kind)
{
    return kind < TOKEN_KIND_COUNT ? token_spellings[kind] : "?";
}

int lexer_count_chars(const char *text, size_t bytes)
{
    int count = 0;
    for (size_t i = 0; i < bytes; i++) {
        if (((unsigned char)text[i] & 0xC0) != 0x80) count++;
    }
    return count;
}

uint32_t lexer_decode_utf8(const char *text, int *size)
{
    const unsigned char *s = (const unsigned char *)text;
    if (s[0] < 0x80) { *size = 1; return s[0]; }
    if (s[0] < 0xE0) { *size = 2; return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F); }
    if (s[0] < 0xF0) {
        *size = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *size = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12)
         | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

void lexer_init(Lexer *lexer, const char *source, size_t length, Diagnostic *diag)
{
    memset(lexer, 0, sizeof *lexer);
    lexer->source = source;
    lexer->end = source + length;
    lexer->cursor = source;
    if (length >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0) lexer->cursor += 3; /* BOM */
    lexer->line_start = lexer->cursor;
    lexer->previous_line_start = lexer->cursor;
    lexer->line = 1;
    lexer->diag = diag;
    lexer->at_line_start = true;
}

void lexer_init_fstring(Lexer *lexer, const char *start, const char *end, int line,
                        const char *line_start, Diagnostic *diag)
{
    lexer_init(lexer, start, (size_t)(end - start), diag);
    lexer->cursor = start;
    lexer->line = line;
    lexer->line_start = line_start;
    lexer->previous_line_start = line_start;
    lexer->at_line_start = false;
    lexer->inside_fstring = true;
}

/* ---- reading characters (CPython's tok_nextc / tok_backup) ---- */

static int peek(const Lexer *lexer)
{
    return lexer->cursor < lexer->end ? (unsigned char)*lexer->cursor : END_OF_INPUT;
}

static int peek_at(const Lexer *lexer, size_t ahead)
{
    return (size_t)(lexer->end - lexer->cursor) > ahead ? (unsigned char)lexer->cursor[ahead]
                                                        : END_OF_INPUT;
}

static int next_char(Lexer *lexer)
{
    return lexer->cursor < lexer->end ? (unsigned char)*lexer->cursor++ : END_OF_INPUT;
}

static void back_up(Lexer *lexer, int c)
{
    if (c != END_OF_INPUT) lexer->cursor--;
}

/* The cursor has just passed a '\n'. */
static void begin_line(Lexer *lexer)
{
    lexer->line++;
    lexer->previous_line_start = lexer->line_start;
    lexer->line_start = lexer->cursor;
}

/* ---- errors ---- */

/* Report an error at 1-based character column `offset` of `line`, as CPython's
 * SyntaxError.offset; end_offset 0 means a single caret. */
static Token fail_at(Lexer *lexer, const char *kind, int line, int offset, int end_offset,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static Token fail_at(Lexer *lexer, const char *kind, int line, int offset, int end_offset,
                     const char *fmt, ...)
{
    char message[sizeof lexer->diag->message];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    diag_set(lexer->diag, kind, line, offset, "%s", message);
    lexer->diag->end_col = end_offset > offset ? end_offset : 0;
    lexer->failed = true;
    Token token = {.kind = TOK_ERROR, .start = lexer->cursor, .line = line, .col = offset};
    return token;
}

/* The column CPython gives tokenizer errors: the characters before the cursor. */
static int cursor_offset(const Lexer *lexer)
{
    return lexer_count_chars(lexer->line_start, (size_t)(lexer->cursor - lexer->line_start));
}

#define SCAN_ERROR(lexer, ...) \
    ((lexer)->error_from_scan = true, \
     fail_at(lexer, "SyntaxError", (lexer)->line, cursor_offset(lexer), 0, __VA_ARGS__))

/* ---- making tokens ---- */

static Token make_token(Lexer *lexer, TokenKind kind, const char *start, int line,
                        const char *line_start)
{
    Token token;
    token.kind = kind;
    token.start = start;
    token.length = (size_t)(lexer->cursor - start);
    token.line = line;
    token.col = (int)(start - line_start);
    token.end_line = lexer->line;
    token.end_col = (int)(lexer->cursor - lexer->line_start);
    token.bracket_depth = lexer->bracket_depth + (lexer->inside_fstring ? 1 : 0);
    lexer->line_has_tokens = true;
    return token;
}

/* INDENT, DEDENT: placed at the first character of the line, with no known end. They
 * are not text, so they leave line_has_tokens as it was. */
static Token make_layout_token(Lexer *lexer, TokenKind kind)
{
    bool line_has_tokens = lexer->line_has_tokens;
    Token token = make_token(lexer, kind, lexer->cursor, lexer->line, lexer->line_start);
    token.end_col = -1;
    lexer->line_has_tokens = line_has_tokens;
    return token;
}

/* ---- indentation ---- */

/* Queue the INDENT or DEDENTs of a line indented to `col` (`alt_col` with tabs as one
 * column). Returns false (with the diagnostic set) on an indentation error. */
static bool change_indent(Lexer *lexer, int col, int alt_col)
{
    int depth = lexer->indent_depth;
    if (col > lexer->indents[depth]) {
        if (depth + 1 >= LEXER_MAX_INDENT) {
            fail_at(lexer, "IndentationError", lexer->line, 1, 0, "too many levels of indentation");
            return false;
        }
        if (alt_col <= lexer->alt_indents[depth]) goto tab_error;
        lexer->pending++;
        lexer->indent_depth = ++depth;
        lexer->indents[depth] = col;
        lexer->alt_indents[depth] = alt_col;
        return true;
    }
    while (depth > 0 && col < lexer->indents[depth]) {
        lexer->pending--;
        depth--;
    }
    lexer->indent_depth = depth;
    if (col != lexer->indents[depth]) {
        /* CPython's caret goes past the end of the offending line. */
        const char *line_end = memchr(lexer->cursor, '\n', (size_t)(lexer->end - lexer->cursor));
        if (line_end == NULL) line_end = lexer->end;
        int length = lexer_count_chars(lexer->line_start, (size_t)(line_end - lexer->line_start));
        fail_at(lexer, "IndentationError", lexer->line, length + 1, 0,
                "unindent does not match any outer indentation level");
        return false;
    }
    if (alt_col != lexer->alt_indents[depth]) goto tab_error;
    return true;
tab_error:
    fail_at(lexer, "TabError", lexer->line, 1, 0, "inconsistent use of tabs and spaces in indentation");
    return false;
}

/* At the start of a line outside brackets: skip blank and comment-only lines, measure
 * the indentation of the next real line and queue its INDENT or DEDENTs.
 * Returns false (with the diagnostic set) on an indentation error. */
static bool continue_line(Lexer *lexer);

static bool start_line(Lexer *lexer)
{
    for (;;) {
        /* A backslash within the indentation continues the line; as in CPython, the
         * first one fixes the indentation (unless at column 0). */
        int col = 0, alt_col = 0, continued_col = 0;
        for (;;) {
            int c = peek(lexer);
            if (c == ' ') { col++; alt_col++; }
            else if (c == '\t') { col = (col / 8 + 1) * 8; alt_col++; }
            else if (c == '\f') { col = alt_col = 0; }
            else if (c == '\\') {
                if (continued_col == 0) continued_col = col;
                if (!continue_line(lexer)) return false;
                continue;
            }
            else break;
            lexer->cursor++;
        }
        if (continued_col != 0) col = alt_col = continued_col;
        int c = peek(lexer);
        if (c == '#') {
            while (peek(lexer) != '\n' && peek(lexer) != END_OF_INPUT) lexer->cursor++;
            c = peek(lexer);
        }
        if (c == '\n') { /* blank or comment-only: no tokens, no effect on indentation */
            lexer->cursor++;
            begin_line(lexer);
            continue;
        }
        if (c == END_OF_INPUT) return true; /* at_end closes the open blocks */
        lexer->at_line_start = false;
        return change_indent(lexer, col, alt_col);
    }
}

/* ---- names, keywords and string prefixes ---- */

static bool is_name_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c >= 0x80;
}

static TokenKind keyword_kind(const char *text, size_t length)
{
    if (length < 2 || length > 8) return TOK_NAME;
    for (int kind = TOK_FIRST_KEYWORD; kind < TOKEN_KIND_COUNT; kind++) {
        const char *spelling = token_spellings[kind];
        if (spelling[0] == text[0] && strlen(spelling) == length && memcmp(spelling, text, length) == 0)
            return (TokenKind)kind;
    }
    return TOK_NAME;
}

/* Check the non-ASCII characters of a name (CPython's verify_identifier). */
static bool verify_name(Lexer *lexer, const char *start)
{
    const char *p = start;
    while (p < lexer->cursor) {
        int size;
        uint32_t code = lexer_decode_utf8(p, &size);
        bool ok = p == start ? lexer_is_ident_start(code) : lexer_is_ident_continue(code);
        if (!ok) {
            lexer->cursor = p + size;
            if (lexer_is_printable(code))
                SCAN_ERROR(lexer, "invalid character '%.*s' (U+%04X)", size, p, (unsigned)code);
            else
                SCAN_ERROR(lexer, "invalid non-printable character U+%04X", (unsigned)code);
            return false;
        }
        p += size;
    }
    return true;
}

static Token scan_string(Lexer *lexer, const char *start);

static Token scan_name(Lexer *lexer, const char *start)
{
    /* A string prefix: any case and order of b, r, u, f that Python accepts. */
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
        int c = peek(lexer);
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
        else break;
        lexer->cursor++;
        if (peek(lexer) == '"' || peek(lexer) == '\'') return scan_string(lexer, start);
    }
    bool ascii = true;
    while (is_name_char(peek(lexer))) {
        if (peek(lexer) >= 0x80) ascii = false;
        lexer->cursor++;
    }
    if (!ascii && !verify_name(lexer, start)) {
        Token error = {.kind = TOK_ERROR};
        return error;
    }
    TokenKind kind = keyword_kind(start, (size_t)(lexer->cursor - start));
    return make_token(lexer, kind, start, lexer->line, lexer->line_start);
}

/* ---- numbers (CPython's rules and messages, down to where the caret goes) ---- */

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_hex_digit(int c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

/* Does `word` follow the cursor? */
static bool looking_at(const Lexer *lexer, const char *word)
{
    size_t length = strlen(word);
    return (size_t)(lexer->end - lexer->cursor) >= length && memcmp(lexer->cursor, word, length) == 0;
}

/* After a number, `c` (already read) may not start a name, except a keyword that can
 * follow a number in valid code (`1if x else 2`), which CPython only warns about. */
static bool verify_end_of_number(Lexer *lexer, int c, const char *kind)
{
    bool keyword = (c == 'a' && looking_at(lexer, "nd")) || (c == 'e' && looking_at(lexer, "lse"))
                || (c == 'f' && looking_at(lexer, "or")) || (c == 'o' && looking_at(lexer, "r"))
                || (c == 'n' && looking_at(lexer, "ot"))
                || (c == 'i' && (peek(lexer) == 'f' || peek(lexer) == 'n' || peek(lexer) == 's'));
    if (!keyword && is_name_char(c)) {
        back_up(lexer, c);
        SCAN_ERROR(lexer, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* Digits with single underscores between them; returns the character after them, or
 * 0 after reporting an error. */
static int decimal_tail(Lexer *lexer)
{
    int c;
    for (;;) {
        do c = next_char(lexer); while (is_digit(c));
        if (c != '_') return c;
        c = next_char(lexer);
        if (!is_digit(c)) {
            back_up(lexer, c);
            SCAN_ERROR(lexer, "invalid decimal literal");
            return 0;
        }
    }
}

/* Hex, octal or binary digits after the prefix, leaving the cursor after them. */
static bool radix_digits(Lexer *lexer, int radix, const char *kind)
{
    int c = next_char(lexer);
    do {
        if (c == '_') c = next_char(lexer);
        bool ok = radix == 16 ? is_hex_digit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                SCAN_ERROR(lexer, "invalid digit '%c' in %s literal", c, kind);
            } else {
                back_up(lexer, c);
                SCAN_ERROR(lexer, "invalid %s literal", kind);
            }
            return false;
        }
        do c = next_char(lexer);
        while (radix == 16 ? is_hex_digit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c)) {
        SCAN_ERROR(lexer, "invalid digit '%c' in %s literal", c, kind);
        return false;
    }
    if (!verify_end_of_number(lexer, c, kind)) return false;
    back_up(lexer, c);
    return true;
}

/* The fraction, exponent and imaginary suffix of a decimal number; `c` is the character
 * after the digits read so far. Returns false after an error. */
static bool decimal_rest(Lexer *lexer, int c, bool fraction)
{
    if (c == '.' || fraction) {
        if (!fraction) c = next_char(lexer);
        if (is_digit(c) && (c = decimal_tail(lexer)) == 0) return false;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = next_char(lexer);
        if (c == '+' || c == '-') {
            c = next_char(lexer);
            if (!is_digit(c)) {
                back_up(lexer, c);
                SCAN_ERROR(lexer, "invalid decimal literal");
                return false;
            }
        } else if (!is_digit(c)) {
            back_up(lexer, c);
            if (!verify_end_of_number(lexer, e, "decimal")) return false;
            back_up(lexer, e); /* `1else`: the number is `1` */
            return true;
        }
        if ((c = decimal_tail(lexer)) == 0) return false;
    }
    if (c == 'j' || c == 'J') {
        c = next_char(lexer);
        if (!verify_end_of_number(lexer, c, "imaginary")) return false;
    } else if (!verify_end_of_number(lexer, c, "decimal")) {
        return false;
    }
    back_up(lexer, c);
    return true;
}

/* A number starting with '0' (the '0' read): 0x.., 0o.., 0b.., zeros, or a float
 * such as 0.5 or 09.5. More digits after zeros are an old-style octal: an error. */
static bool scan_zero_number(Lexer *lexer, const char *start)
{
    int c = next_char(lexer);
    if ((c | 0x20) == 'x') return radix_digits(lexer, 16, "hexadecimal");
    if ((c | 0x20) == 'o') return radix_digits(lexer, 8, "octal");
    if ((c | 0x20) == 'b') return radix_digits(lexer, 2, "binary");
    for (;;) {
        if (c == '_') {
            c = next_char(lexer);
            if (!is_digit(c)) {
                back_up(lexer, c);
                SCAN_ERROR(lexer, "invalid decimal literal");
                return false;
            }
        }
        if (c != '0') break;
        c = next_char(lexer);
    }
    const char *zeros_end = lexer->cursor;
    bool nonzero = is_digit(c);
    if (nonzero && (c = decimal_tail(lexer)) == 0) return false;
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') return decimal_rest(lexer, c, false);
    if (nonzero) {
        back_up(lexer, c);
        lexer->error_from_scan = true;
        const char *line_start = lexer->line_start;
        fail_at(lexer, "SyntaxError", lexer->line,
                lexer_count_chars(line_start, (size_t)(start - line_start)) + 1,
                lexer_count_chars(line_start, (size_t)(zeros_end - line_start)),
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        return false;
    }
    if (!verify_end_of_number(lexer, c, "decimal")) return false;
    back_up(lexer, c);
    return true;
}

static Token scan_number(Lexer *lexer, const char *start)
{
    int c = next_char(lexer);
    bool ok;
    if (c == '.') {
        ok = decimal_rest(lexer, next_char(lexer), true); /* .5 */
    } else if (c == '0') {
        ok = scan_zero_number(lexer, start);
    } else {
        c = decimal_tail(lexer);
        ok = c != 0 && decimal_rest(lexer, c, false);
    }
    if (!ok) {
        Token error = {.kind = TOK_ERROR};
        return error;
    }
    return make_token(lexer, TOK_NUMBER, start, lexer->line, lexer->line_start);
}

/* ---- strings: find the end; the parser decodes ---- */

static Token scan_string(Lexer *lexer, const char *start)
{
    int first_line = lexer->line;
    const char *first_line_start = lexer->line_start;
    int quote = next_char(lexer);
    int quote_size = 1, end_quote_size = 0;
    int c = next_char(lexer);
    if (c == quote) {
        c = next_char(lexer);
        if (c == quote) quote_size = 3;
        else end_quote_size = 1; /* the empty string */
    }
    if (c != quote) back_up(lexer, c);

    while (end_quote_size != quote_size) {
        c = next_char(lexer);
        if (c == END_OF_INPUT || (quote_size == 1 && c == '\n')) {
            /* Reported at the start of the string, naming the line where it was noticed:
             * the line of the last character read. */
            bool after_newline = lexer->cursor > lexer->source && lexer->cursor[-1] == '\n';
            int detected = c == END_OF_INPUT && after_newline ? lexer->line - 1 : lexer->line;
            /* Input that ends inside a triple-quoted string, or inside a string continued
             * with a backslash, may go on in the next line the REPL reads. */
            bool incomplete = c == END_OF_INPUT && (quote_size == 3 || after_newline);
            lexer->error_from_scan = true;
            int offset = lexer_count_chars(first_line_start, (size_t)(start - first_line_start)) + 1;
            if (quote_size == 3)
                fail_at(lexer, "SyntaxError", first_line, offset, 0,
                        "unterminated triple-quoted string literal (detected at line %d)", detected);
            else
                fail_at(lexer, "SyntaxError", first_line, offset, 0,
                        "unterminated string literal (detected at line %d)", detected);
            lexer->diag->incomplete = incomplete;
            Token error = {.kind = TOK_ERROR};
            return error;
        }
        if (c == '\n') begin_line(lexer);
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                c = next_char(lexer);
                if (c == '\n') begin_line(lexer);
            }
        }
    }
    return make_token(lexer, TOK_STRING, start, first_line, first_line_start);
}

/* ---- operators and brackets ---- */

typedef struct { const char *text; TokenKind kind; } Operator;

/* Longest first, so that the first match is the longest. */
static const Operator operators[] = {
    {"**=", TOK_DOUBLESTAREQUAL}, {"//=", TOK_DOUBLESLASHEQUAL}, {">>=", TOK_RIGHTSHIFTEQUAL},
    {"<<=", TOK_LEFTSHIFTEQUAL}, {"...", TOK_ELLIPSIS},
    {"==", TOK_EQEQUAL}, {"!=", TOK_NOTEQUAL}, {"<=", TOK_LESSEQUAL}, {">=", TOK_GREATEREQUAL},
    {"<<", TOK_LEFTSHIFT}, {">>", TOK_RIGHTSHIFT}, {"**", TOK_DOUBLESTAR}, {"//", TOK_DOUBLESLASH},
    {"+=", TOK_PLUSEQUAL}, {"-=", TOK_MINEQUAL}, {"*=", TOK_STAREQUAL}, {"/=", TOK_SLASHEQUAL},
    {"%=", TOK_PERCENTEQUAL}, {"&=", TOK_AMPEREQUAL}, {"|=", TOK_VBAREQUAL},
    {"^=", TOK_CIRCUMFLEXEQUAL}, {"@=", TOK_ATEQUAL}, {"->", TOK_RARROW}, {":=", TOK_COLONEQUAL},
    {"(", TOK_LPAR}, {")", TOK_RPAR}, {"[", TOK_LSQB}, {"]", TOK_RSQB}, {"{", TOK_LBRACE},
    {"}", TOK_RBRACE}, {":", TOK_COLON}, {",", TOK_COMMA}, {";", TOK_SEMI}, {"+", TOK_PLUS},
    {"-", TOK_MINUS}, {"*", TOK_STAR}, {"/", TOK_SLASH}, {"|", TOK_VBAR}, {"&", TOK_AMPER},
    {"<", TOK_LESS}, {">", TOK_GREATER}, {"=", TOK_EQUAL}, {".", TOK_DOT}, {"%", TOK_PERCENT},
    {"~", TOK_TILDE}, {"^", TOK_CIRCUMFLEX}, {"@", TOK_AT},
};

static Token open_bracket(Lexer *lexer, TokenKind kind, const char *start)
{
    if (lexer->bracket_depth >= LEXER_MAX_BRACKETS) return SCAN_ERROR(lexer, "too many nested parentheses");
    int depth = lexer->bracket_depth++;
    lexer->brackets[depth] = *start;
    lexer->bracket_lines[depth] = lexer->line;
    lexer->bracket_cols[depth] = (int)(start - lexer->line_start);
    return make_token(lexer, kind, start, lexer->line, lexer->line_start);
}

static Token close_bracket(Lexer *lexer, TokenKind kind, const char *start)
{
    char closing = *start;
    if (lexer->bracket_depth == 0) return SCAN_ERROR(lexer, "unmatched '%c'", closing);
    int depth = --lexer->bracket_depth;
    char opening = lexer->brackets[depth];
    if ((opening == '(') != (closing == ')') || (opening == '[') != (closing == ']')) {
        if (lexer->bracket_lines[depth] != lexer->line)
            return SCAN_ERROR(lexer, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                              closing, opening, lexer->bracket_lines[depth]);
        return SCAN_ERROR(lexer, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                          closing, opening);
    }
    return make_token(lexer, kind, start, lexer->line, lexer->line_start);
}

static Token scan_operator(Lexer *lexer, const char *start)
{
    size_t left = (size_t)(lexer->end - start);
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        size_t length = strlen(operators[i].text);
        if (length <= left && memcmp(start, operators[i].text, length) == 0) {
            lexer->cursor = start + length;
            TokenKind kind = operators[i].kind;
            if (kind == TOK_LPAR || kind == TOK_LSQB || kind == TOK_LBRACE)
                return open_bracket(lexer, kind, start);
            if (kind == TOK_RPAR || kind == TOK_RSQB || kind == TOK_RBRACE)
                return close_bracket(lexer, kind, start);
            return make_token(lexer, kind, start, lexer->line, lexer->line_start);
        }
    }
    /* `!`, `$`, `?`, a backquote: a token no rule accepts, so "invalid syntax" there. */
    lexer->cursor = start + 1;
    return make_token(lexer, TOK_OP, start, lexer->line, lexer->line_start);
}

/* ---- the end of the input ---- */

static Token at_end(Lexer *lexer)
{
    if (lexer->bracket_depth > 0 && !lexer->inside_fstring) {
        int depth = lexer->bracket_depth - 1;
        int line = lexer->bracket_lines[depth];
        /* The bracket's line may be long gone; find its start to count characters. */
        const char *line_start = lexer->line_start;
        for (int l = lexer->line; l > line; l--) {
            line_start--;
            while (line_start > lexer->source && line_start[-1] != '\n') line_start--;
        }
        lexer->error_from_scan = true;
        lexer->error_unclosed = true;
        Token error = fail_at(lexer, "SyntaxError", line,
                              lexer_count_chars(line_start, (size_t)lexer->bracket_cols[depth]) + 1, 0,
                              "'%c' was never closed", lexer->brackets[depth]);
        lexer->diag->incomplete = true;
        return error;
    }
    if (lexer->line_has_tokens && !lexer->inside_fstring) {
        /* An implicit newline ends the last line. */
        Token token = make_token(lexer, TOK_NEWLINE, lexer->cursor, lexer->line, lexer->line_start);
        lexer->line_has_tokens = false;
        return token;
    }
    /* The DEDENTs that close the open blocks, then ENDMARKER, all at the end of the last
     * line (CPython's cursor is there when it reports an error at one of them). */
    TokenKind kind = TOK_ENDMARKER;
    if (lexer->indent_depth > 0) {
        lexer->pending = -lexer->indent_depth + 1;
        lexer->indent_depth = 0;
        kind = TOK_DEDENT;
    }
    Token token = make_token(lexer, kind, lexer->cursor, lexer->line, lexer->line_start);
    if (lexer->cursor > lexer->line_start || lexer->line == 1 || lexer->inside_fstring) {
        token.col = (int)(lexer->cursor - lexer->line_start);
    } else {
        token.line = lexer->line - 1;
        token.col = (int)(lexer->line_start - 1 - lexer->previous_line_start);
    }
    token.end_line = token.line;
    token.end_col = -1;
    token.length = 0;
    lexer->line_has_tokens = false;
    lexer->end_token = token;
    return token;
}

/* ---- the token loop ---- */

/* At a backslash outside a string: the logical line goes on (true), or an error was
 * reported (false). */
static bool continue_line(Lexer *lexer)
{
    int offset = cursor_offset(lexer) + 2;
    lexer->cursor++;
    int c = next_char(lexer);
    if (c == '\n') {
        begin_line(lexer);
        if (peek(lexer) != END_OF_INPUT) return true;
        c = END_OF_INPUT;
    }
    if (c != END_OF_INPUT) {
        fail_at(lexer, "SyntaxError", lexer->line, offset, 0, "unexpected character after line continuation character");
        return false;
    }
    fail_at(lexer, "SyntaxError", lexer->cursor[-1] == '\n' ? lexer->line - 1 : lexer->line, offset, 0,
            "unexpected EOF while parsing");
    lexer->diag->incomplete = true;
    return false;
}

/* At a '\n' (after `start`, where a comment may begin): a NEWLINE ending a logical line,
 * or (inside brackets, on a blank line) nothing. Returns whether *token is a NEWLINE. */
static bool end_line(Lexer *lexer, const char *start, Token *token)
{
    lexer->cursor++;
    bool newline = lexer->bracket_depth == 0 && !lexer->inside_fstring && lexer->line_has_tokens;
    if (newline) {
        /* A NEWLINE runs from a comment before it (if any) up to the '\n'. */
        *token = make_token(lexer, TOK_NEWLINE, start, lexer->line, lexer->line_start);
        token->end_col = (int)(lexer->cursor - 1 - lexer->line_start);
        token->length = (size_t)(lexer->cursor - 1 - start);
        lexer->line_has_tokens = false;
    }
    begin_line(lexer);
    lexer->at_line_start = lexer->bracket_depth == 0 && !lexer->inside_fstring;
    return newline;
}

Token lexer_next(Lexer *lexer)
{
    if (lexer->failed) {
        Token error = {.kind = TOK_ERROR, .start = lexer->cursor, .line = lexer->line};
        return error;
    }
    if (lexer->pending > 0) {
        lexer->pending--;
        return make_layout_token(lexer, TOK_INDENT);
    }
    if (lexer->pending < 0) {
        lexer->pending++;
        if (lexer->cursor == lexer->end) return lexer->end_token; /* closing blocks at the end */
        return make_layout_token(lexer, TOK_DEDENT);
    }
    for (;;) {
        if (lexer->at_line_start) {
            if (!start_line(lexer) || lexer->pending != 0) return lexer_next(lexer);
        }
        while (peek(lexer) == ' ' || peek(lexer) == '\t' || peek(lexer) == '\f') lexer->cursor++;
        const char *start = lexer->cursor;
        int c = peek(lexer);
        if (c == '#') {
            while (peek(lexer) != '\n' && peek(lexer) != END_OF_INPUT) lexer->cursor++;
            c = peek(lexer);
        }
        if (c == '\n') {
            Token token;
            if (end_line(lexer, start, &token)) return token;
            continue;
        }
        if (c == END_OF_INPUT) return at_end(lexer);
        if (c == '\\') {
            if (!continue_line(lexer)) return lexer_next(lexer);
            continue;
        }
        if (is_digit(c) || (c == '.' && is_digit(peek_at(lexer, 1)))) return scan_number(lexer, start);
        if (c == '"' || c == '\'') return scan_string(lexer, start);
        if (is_name_char(c)) return scan_name(lexer, start);
        return scan_operator(lexer, start);
    }
}
