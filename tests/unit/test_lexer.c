/* test_lexer.c — the lexer alone: indentation (INDENT/DEDENT from the stack of levels),
 * line structure (continuations, brackets, comments, blank lines, tabs), numbers,
 * strings, and its errors worded and placed as CPython 3.11's tokenizer does. */
#include <criterion/criterion.h>

#include "lexer.h"

/* The tokens of `source` as one line of text: names, numbers, strings and operators by
 * their text, layout tokens as NEWLINE, INDENT, DEDENT, END; an error ends the line as
 * "ERROR Kind: message @line:col". The caller frees it. */
static char *lex(const char *source)
{
    Diagnostic diag;
    Lexer lexer;
    lexer_init(&lexer, source, strlen(source), &diag);
    size_t capacity = 4096, length = 0;
    char *text = calloc(1, capacity);
    for (;;) {
        Token token = lexer_next(&lexer);
        char piece[512];
        switch (token.kind) {
        case TOK_NEWLINE: snprintf(piece, sizeof piece, "NEWLINE"); break;
        case TOK_INDENT: snprintf(piece, sizeof piece, "INDENT"); break;
        case TOK_DEDENT: snprintf(piece, sizeof piece, "DEDENT"); break;
        case TOK_ENDMARKER: snprintf(piece, sizeof piece, "END"); break;
        case TOK_ERROR:
            snprintf(piece, sizeof piece, "ERROR %s: %s @%d:%d", diag.kind, diag.message, diag.line, diag.col);
            break;
        default: snprintf(piece, sizeof piece, "%.*s", (int)token.length, token.start); break;
        }
        size_t need = strlen(piece) + 2;
        if (length + need >= capacity) text = realloc(text, capacity *= 2);
        length += (size_t)sprintf(text + length, "%s%s", length ? " " : "", piece);
        if (token.kind == TOK_ENDMARKER || token.kind == TOK_ERROR) return text;
    }
}

#define EXPECT_TOKENS(source, expected)                                      \
    do {                                                                     \
        char *got_ = lex(source);                                            \
        cr_expect_str_eq(got_, expected, "source: %s", source);              \
        free(got_);                                                          \
    } while (0)

/* ---- indentation ---- */

Test(lexer_indentation, one_line_opens_a_block)
{
    EXPECT_TOKENS("if a:\n    b\n", "if a : NEWLINE INDENT b NEWLINE DEDENT END");
}

Test(lexer_indentation, several_blocks_close_at_once)
{
    EXPECT_TOKENS("if a:\n  if b:\n    if c:\n      d\ne\n",
                  "if a : NEWLINE INDENT if b : NEWLINE INDENT if c : NEWLINE INDENT d NEWLINE "
                  "DEDENT DEDENT DEDENT e NEWLINE END");
}

Test(lexer_indentation, dedent_to_a_middle_level)
{
    EXPECT_TOKENS("if a:\n  if b:\n    c\n  d\n",
                  "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT d NEWLINE DEDENT END");
}

Test(lexer_indentation, blank_and_comment_lines_inside_blocks_produce_nothing)
{
    EXPECT_TOKENS("if a:\n\n    b\n        # deeper comment\n\n  # shallower comment\n    c\n",
                  "if a : NEWLINE INDENT b NEWLINE c NEWLINE DEDENT END");
}

Test(lexer_indentation, comment_only_and_blank_source)
{
    EXPECT_TOKENS("# nothing here\n\n   \n", "END");
    EXPECT_TOKENS("", "END");
}

Test(lexer_indentation, end_of_input_without_newline_closes_everything)
{
    EXPECT_TOKENS("x = 1", "x = 1 NEWLINE END");
    EXPECT_TOKENS("if a:\n  if b:\n    c", "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT END");
}

Test(lexer_indentation, backslash_continues_the_line_without_indentation)
{
    EXPECT_TOKENS("x = 1 + \\\n        2\ny\n", "x = 1 + 2 NEWLINE y NEWLINE END");
}

Test(lexer_indentation, brackets_span_lines_without_newline_or_indent)
{
    EXPECT_TOKENS("f(a,\n      b,\n  c)\nx\n", "f ( a , b , c ) NEWLINE x NEWLINE END");
    EXPECT_TOKENS("x = [\n    1,\n\n    # comment\n]\n", "x = [ 1 , ] NEWLINE END");
}

Test(lexer_indentation, a_tab_counts_to_the_next_multiple_of_eight)
{
    EXPECT_TOKENS("if a:\n\tb\n\tc\n", "if a : NEWLINE INDENT b NEWLINE c NEWLINE DEDENT END");
    EXPECT_TOKENS("if a:\n\tif b:\n\t\tc\n", "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT END");
}

Test(lexer_indentation, inconsistent_tabs_and_spaces_are_a_tab_error)
{
    EXPECT_TOKENS("if a:\n\tb\n        c\n",
                  "if a : NEWLINE INDENT b NEWLINE ERROR TabError: inconsistent use of tabs and spaces in indentation @3:1");
    EXPECT_TOKENS("if a:\n        b\n\tc\n",
                  "if a : NEWLINE INDENT b NEWLINE ERROR TabError: inconsistent use of tabs and spaces in indentation @3:1");
}

Test(lexer_indentation, unindent_must_match_an_outer_level)
{
    EXPECT_TOKENS("if a:\n    b\n  c\n",
                  "if a : NEWLINE INDENT b NEWLINE "
                  "ERROR IndentationError: unindent does not match any outer indentation level @3:4");
}

Test(lexer_indentation, a_hundred_levels_are_too_many)
{
    char source[8000] = "";
    size_t length = 0;
    for (int level = 0; level <= 100; level++) {
        memset(source + length, ' ', (size_t)level);
        length += (size_t)level;
        length += (size_t)sprintf(source + length, "if a:\n");
    }
    char *got = lex(source);
    cr_expect(strstr(got, "ERROR IndentationError: too many levels of indentation @101:1") != NULL, "%s", got + strlen(got) - 80);
    free(got);
}

Test(lexer_indentation, form_feed_resets_the_column)
{
    EXPECT_TOKENS("if a:\n    b\n\fc\n", "if a : NEWLINE INDENT b NEWLINE DEDENT c NEWLINE END");
}

Test(lexer_indentation, crlf_is_not_the_lexers_business_but_bom_is_skipped)
{
    EXPECT_TOKENS("\xEF\xBB\xBFx\n", "x NEWLINE END");
}

/* ---- names and operators ---- */

Test(lexer_names, keywords_soft_keywords_and_names)
{
    Diagnostic diag;
    Lexer lexer;
    const char *source = "async await match case _ if iffy None";
    lexer_init(&lexer, source, strlen(source), &diag);
    TokenKind expected[] = {TOK_ASYNC, TOK_AWAIT, TOK_NAME, TOK_NAME, TOK_NAME, TOK_IF, TOK_NAME, TOK_NONE};
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        cr_expect_eq(lexer_next(&lexer).kind, expected[i], "token %zu", i);
}

Test(lexer_names, unicode_identifiers)
{
    EXPECT_TOKENS("café = naïve_名前\n", "café = naïve_名前 NEWLINE END");
}

Test(lexer_names, invalid_characters_are_named)
{
    EXPECT_TOKENS("x = 5 € 3\n", "x = 5 ERROR SyntaxError: invalid character '€' (U+20AC) @1:7");
    EXPECT_TOKENS("x = \xE2\x80\x9Chi\xE2\x80\x9D\n", "x = ERROR SyntaxError: invalid character '“' (U+201C) @1:5");
    EXPECT_TOKENS("x =\xC2\xA0" "1\n", "x = ERROR SyntaxError: invalid non-printable character U+00A0 @1:4");
}

Test(lexer_names, longest_operator_wins)
{
    EXPECT_TOKENS("a **= b //= c >>= d <<= e ... f -> g := h != i\n",
                  "a **= b //= c >>= d <<= e ... f -> g := h != i NEWLINE END");
    EXPECT_TOKENS("a.b..c\n", "a . b . . c NEWLINE END");
}

/* ---- brackets ---- */

Test(lexer_brackets, mismatches_are_reported_where_they_close)
{
    EXPECT_TOKENS("x = (]\n", "x = ( ERROR SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:6");
    EXPECT_TOKENS("x = (\n]\n",
                  "x = ( ERROR SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:1");
    EXPECT_TOKENS("x = )\n", "x = ERROR SyntaxError: unmatched ')' @1:5");
}

Test(lexer_brackets, never_closed_is_reported_at_the_opening_and_is_incomplete)
{
    Diagnostic diag;
    Lexer lexer;
    const char *source = "foo(a,\n    [b,\n";
    lexer_init(&lexer, source, strlen(source), &diag);
    Token token;
    do token = lexer_next(&lexer);
    while (token.kind != TOK_ERROR && token.kind != TOK_ENDMARKER);
    cr_assert_eq(token.kind, TOK_ERROR);
    cr_expect_str_eq(diag.message, "'[' was never closed");
    cr_expect_eq(diag.line, 2);
    cr_expect_eq(diag.col, 5);
    cr_expect(diag.incomplete);
}

Test(lexer_brackets, two_hundred_levels_then_too_many)
{
    char source[1000];
    memset(source, '(', 201);
    source[201] = '\0';
    char *got = lex(source);
    cr_expect(strstr(got, "ERROR SyntaxError: too many nested parentheses @1:201") != NULL);
    free(got);
}

/* ---- numbers ---- */

Test(lexer_numbers, every_literal_form)
{
    EXPECT_TOKENS("0 7 1_000 0x1F 0XdeadBEEF 0o17 0O7 0b1010 0B_1 0_0 00\n",
                  "0 7 1_000 0x1F 0XdeadBEEF 0o17 0O7 0b1010 0B_1 0_0 00 NEWLINE END");
    EXPECT_TOKENS("1.5 1. .5 1e10 1E-5 1e+3 1_0.0_1 09.5 0e0 3j 1.5J 1e3j .5j 0j\n",
                  "1.5 1. .5 1e10 1E-5 1e+3 1_0.0_1 09.5 0e0 3j 1.5J 1e3j .5j 0j NEWLINE END");
}

Test(lexer_numbers, keywords_may_follow_a_number)
{
    EXPECT_TOKENS("1if x else 2\n", "1 if x else 2 NEWLINE END");
    EXPECT_TOKENS("0x1or 2\n", "0x1 or 2 NEWLINE END");
    EXPECT_TOKENS("0x1for\n", "0x1f or NEWLINE END"); /* f is a hex digit */
}

Test(lexer_numbers, errors_worded_and_placed_as_cpython)
{
    EXPECT_TOKENS("1_\n", "ERROR SyntaxError: invalid decimal literal @1:2");
    EXPECT_TOKENS("1__0\n", "ERROR SyntaxError: invalid decimal literal @1:2");
    EXPECT_TOKENS("x = 1a\n", "x = ERROR SyntaxError: invalid decimal literal @1:5");
    EXPECT_TOKENS("x = 012\n",
                  "x = ERROR SyntaxError: leading zeros in decimal integer literals are not permitted; "
                  "use an 0o prefix for octal integers @1:5");
    EXPECT_TOKENS("0x\n", "ERROR SyntaxError: invalid hexadecimal literal @1:2");
    EXPECT_TOKENS("0o78\n", "ERROR SyntaxError: invalid digit '8' in octal literal @1:4");
    EXPECT_TOKENS("0b102\n", "ERROR SyntaxError: invalid digit '2' in binary literal @1:5");
    EXPECT_TOKENS("1e\n", "ERROR SyntaxError: invalid decimal literal @1:1");
    EXPECT_TOKENS("1e+\n", "ERROR SyntaxError: invalid decimal literal @1:3");
    EXPECT_TOKENS("5jx\n", "ERROR SyntaxError: invalid imaginary literal @1:2");
}

/* ---- strings ---- */

Test(lexer_strings, every_prefix_and_quote)
{
    EXPECT_TOKENS("'a' \"b\" '''c''' \"\"\"d\"\"\" r'e' R'f' b'g' B'h' rb'i' bR'j' Br'k' f'l' F'm' rf'n' fR'o' u'p' U'q'\n",
                  "'a' \"b\" '''c''' \"\"\"d\"\"\" r'e' R'f' b'g' B'h' rb'i' bR'j' Br'k' f'l' F'm' rf'n' fR'o' u'p' U'q' "
                  "NEWLINE END");
    EXPECT_TOKENS("ub'x' bu'y'\n", "ub 'x' bu 'y' NEWLINE END");
}

Test(lexer_strings, quotes_and_escapes_inside)
{
    EXPECT_TOKENS("'it\\'s' \"say \\\"hi\\\"\" '' \"\" '\\\\'\n",
                  "'it\\'s' \"say \\\"hi\\\"\" '' \"\" '\\\\' NEWLINE END");
}

Test(lexer_strings, triple_quoted_spans_lines_and_ends_where_it_ends)
{
    Diagnostic diag;
    Lexer lexer;
    const char *source = "x = '''one\ntwo\nthree''' + y\n";
    lexer_init(&lexer, source, strlen(source), &diag);
    lexer_next(&lexer);
    lexer_next(&lexer);
    Token string = lexer_next(&lexer);
    cr_assert_eq(string.kind, TOK_STRING);
    cr_expect_eq(string.line, 1);
    cr_expect_eq(string.col, 4);
    cr_expect_eq(string.end_line, 3);
    cr_expect_eq(string.end_col, 8);
    Token plus = lexer_next(&lexer);
    cr_expect_eq(plus.line, 3);
    cr_expect_eq(plus.col, 9);
}

Test(lexer_strings, backslash_newline_continues_a_single_quoted_string)
{
    EXPECT_TOKENS("x = 'a\\\nb'\n", "x = 'a\\\nb' NEWLINE END");
}

Test(lexer_strings, unterminated_strings)
{
    EXPECT_TOKENS("x = 'abc\ny\n", "x = ERROR SyntaxError: unterminated string literal (detected at line 1) @1:5");
    EXPECT_TOKENS("x = \"\"\"abc\ny\n",
                  "x = ERROR SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1:5");
    EXPECT_TOKENS("'a\\\nb\n", "ERROR SyntaxError: unterminated string literal (detected at line 2) @1:1");
}

Test(lexer_strings, unterminated_triple_quote_is_incomplete_for_the_repl)
{
    Diagnostic diag;
    Lexer lexer;
    const char *source = "x = '''abc\n";
    lexer_init(&lexer, source, strlen(source), &diag);
    while (lexer_next(&lexer).kind != TOK_ERROR) {}
    cr_expect(diag.incomplete);
    source = "x = 'abc\n";
    lexer_init(&lexer, source, strlen(source), &diag);
    while (lexer_next(&lexer).kind != TOK_ERROR) {}
    cr_expect(!diag.incomplete);
}

/* ---- line continuation errors ---- */

Test(lexer_continuation, a_character_after_the_backslash)
{
    EXPECT_TOKENS("x = 1 \\ 2\n", "x = 1 ERROR SyntaxError: unexpected character after line continuation character @1:8");
}

Test(lexer_continuation, end_of_input_after_the_backslash_is_incomplete)
{
    Diagnostic diag;
    Lexer lexer;
    const char *source = "x = 1 + \\\n";
    lexer_init(&lexer, source, strlen(source), &diag);
    while (lexer_next(&lexer).kind != TOK_ERROR) {}
    cr_expect_str_eq(diag.message, "unexpected EOF while parsing");
    cr_expect(diag.incomplete);
}

/* ---- positions ---- */

Test(lexer_positions, columns_are_bytes_and_newline_starts_at_a_comment)
{
    Diagnostic diag;
    Lexer lexer;
    const char *source = "é = 1  # note\n";
    lexer_init(&lexer, source, strlen(source), &diag);
    Token name = lexer_next(&lexer);
    cr_expect_eq(name.col, 0);
    cr_expect_eq(name.end_col, 2); /* é is two bytes */
    Token equal = lexer_next(&lexer);
    cr_expect_eq(equal.col, 3);
    lexer_next(&lexer);
    Token newline = lexer_next(&lexer);
    cr_expect_eq(newline.kind, TOK_NEWLINE);
    cr_expect_eq(newline.col, 8);      /* where the comment starts, as CPython */
    cr_expect_eq(newline.end_col, 14); /* the '\n' */
}

Test(lexer_positions, bracket_depth_is_carried_by_each_token)
{
    Diagnostic diag;
    Lexer lexer;
    const char *source = "f(a[1])";
    lexer_init(&lexer, source, strlen(source), &diag);
    int expected[] = {0, 1, 1, 2, 2, 1, 0};
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        cr_expect_eq(lexer_next(&lexer).bracket_depth, expected[i], "token %zu", i);
}

Test(lexer_positions, an_fstring_field_is_read_in_place)
{
    Diagnostic diag;
    Lexer lexer;
    const char *source = "x = f'{a + b}'";
    const char *start = source + 7, *end = source + 12;
    lexer_init_fstring(&lexer, start, end, 1, source, &diag);
    Token a = lexer_next(&lexer);
    cr_expect_eq(a.col, 7);
    cr_expect_eq(a.bracket_depth, 1); /* as if inside "(...)" */
    lexer_next(&lexer);
    Token b = lexer_next(&lexer);
    cr_expect_eq(b.col, 11);
    cr_expect_eq(lexer_next(&lexer).kind, TOK_ENDMARKER);
}
