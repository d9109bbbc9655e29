/* test_parser.c — the parser against CPython 3.11. The AST of many snippets, printed by
 * ast_dump, must equal what CPython's ast module gives for the same text (node positions
 * too, for a subset). Every expected text in the two tables below was printed by
 * python3 3.11, never typed:
 * the dumps by this function over ast.parse(source) (with pos=True for positions),
 *
 *     import ast
 *     SKIP = {'type_comment', 'kind', 'type_ignores'}
 *     BARE = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
 *     def dump(x, pos=False):
 *         if isinstance(x, list): return '[' + ' '.join(dump(i, pos) for i in x) + ']'
 *         if x is None: return '~'
 *         if isinstance(x, BARE): return type(x).__name__
 *         if isinstance(x, ast.AST):
 *             at = ''
 *             if pos and getattr(x, 'end_col_offset', None) is not None:
 *                 at = '@%d:%d-%d:%d' % (x.lineno, x.col_offset, x.end_lineno, x.end_col_offset)
 *             if isinstance(x, ast.Constant): return ('...' if x.value is ... else repr(x.value)) + at
 *             if isinstance(x, ast.Name) and isinstance(x.ctx, ast.Load): return x.id + at
 *             fields = [dump(getattr(x, f), pos) for f in x._fields if f not in SKIP]
 *             return '(' + ' '.join([type(x).__name__ + at] + fields) + ')'
 *         return str(int(x)) if isinstance(x, bool) else str(x)
 *
 * (test_parser_errors.c holds the syntax errors.) Tests of handoff's own behaviour (the
 * REPL's `incomplete`, limits) say so. */
#include "parser_test.h"

typedef struct { const char *source, *dump; } DumpCase;

static const DumpCase structure_cases[] = {
    {"x = 1",
     "(Module [(Assign [(Name x Store)] 1)])"},
    {"x = y = z",
     "(Module [(Assign [(Name x Store) (Name y Store)] z)])"},
    {"a, b = b, a",
     "(Module [(Assign [(Tuple [(Name a Store) (Name b Store)] Store)] (Tuple [b a] Load))])"},
    {"[a, *b] = c",
     "(Module [(Assign [(List [(Name a Store) (Starred (Name b Store) Store)] Store)] c)])"},
    {"(a, (b, c)) = d",
     "(Module [(Assign [(Tuple [(Name a Store) (Tuple [(Name b Store) (Name c Store)] Store)] Store)] d)])"},
    {"*a, b = c",
     "(Module [(Assign [(Tuple [(Starred (Name a Store) Store) (Name b Store)] Store)] c)])"},
    {"x.y = 1",
     "(Module [(Assign [(Attribute x y Store)] 1)])"},
    {"x[0] = 1",
     "(Module [(Assign [(Subscript x 0 Store)] 1)])"},
    {"x[1:2, 3] = y",
     "(Module [(Assign [(Subscript x (Tuple [(Slice 1 2 ~) 3] Load) Store)] y)])"},
    {"x += 1",
     "(Module [(AugAssign (Name x Store) Add 1)])"},
    {"x //= 2",
     "(Module [(AugAssign (Name x Store) FloorDiv 2)])"},
    {"x **= 3",
     "(Module [(AugAssign (Name x Store) Pow 3)])"},
    {"x @= m",
     "(Module [(AugAssign (Name x Store) MatMult m)])"},
    {"x: int",
     "(Module [(AnnAssign (Name x Store) int ~ 1)])"},
    {"x: int = 5",
     "(Module [(AnnAssign (Name x Store) int 5 1)])"},
    {"(x): int = 5",
     "(Module [(AnnAssign (Name x Store) int 5 0)])"},
    {"x.y: str = \"s\"",
     "(Module [(AnnAssign (Attribute x y Store) str 's' 0)])"},
    {"del a, b[0], c.d",
     "(Module [(Delete [(Name a Del) (Subscript b 0 Del) (Attribute c d Del)])])"},
    {"del (a, b)",
     "(Module [(Delete [(Tuple [(Name a Del) (Name b Del)] Del)])])"},
    {"del [a, b]",
     "(Module [(Delete [(List [(Name a Del) (Name b Del)] Del)])])"},
    {"pass",
     "(Module [(Pass)])"},
    {"break",
     "(Module [(Break)])"},
    {"continue",
     "(Module [(Continue)])"},
    {"return",
     "(Module [(Return ~)])"},
    {"return x",
     "(Module [(Return x)])"},
    {"return *a, b",
     "(Module [(Return (Tuple [(Starred a Load) b] Load))])"},
    {"raise",
     "(Module [(Raise ~ ~)])"},
    {"raise E",
     "(Module [(Raise E ~)])"},
    {"raise E from e",
     "(Module [(Raise E e)])"},
    {"global a, b",
     "(Module [(Global [a b])])"},
    {"nonlocal c",
     "(Module [(Nonlocal [c])])"},
    {"assert x",
     "(Module [(Assert x ~)])"},
    {"assert x, \"msg\"",
     "(Module [(Assert x 'msg')])"},
    {"import a",
     "(Module [(Import [(alias a ~)])])"},
    {"import a.b.c as d, e",
     "(Module [(Import [(alias a.b.c d) (alias e ~)])])"},
    {"from m import x",
     "(Module [(ImportFrom m [(alias x ~)] 0)])"},
    {"from m import (x as y, z,)",
     "(Module [(ImportFrom m [(alias x y) (alias z ~)] 0)])"},
    {"from . import x",
     "(Module [(ImportFrom ~ [(alias x ~)] 1)])"},
    {"from ..pkg.mod import y",
     "(Module [(ImportFrom pkg.mod [(alias y ~)] 2)])"},
    {"from ... import *",
     "(Module [(ImportFrom ~ [(alias * ~)] 3)])"},
    {"from .... import z",
     "(Module [(ImportFrom ~ [(alias z ~)] 4)])"},
    {"if a:\n    b\nelif c:\n    d\nelif e:\n    f\nelse:\n    g",
     "(Module [(If a [(Expr b)] [(If c [(Expr d)] [(If e [(Expr f)] [(Expr g)])])])])"},
    {"while x:\n    pass\nelse:\n    pass",
     "(Module [(While x [(Pass)] [(Pass)])])"},
    {"for i in range(3):\n    pass\nelse:\n    pass",
     "(Module [(For (Name i Store) (Call range [3] []) [(Pass)] [(Pass)])])"},
    {"for a, (b, c) in d: pass",
     "(Module [(For (Tuple [(Name a Store) (Tuple [(Name b Store) (Name c Store)] Store)] Store) d [(Pass)] [])])"},
    {"for x, in y: pass",
     "(Module [(For (Tuple [(Name x Store)] Store) y [(Pass)] [])])"},
    {"async def f():\n    async for x in y:\n        pass\n    async with a as b, c:\n        pass\n    await x",
     "(Module [(AsyncFunctionDef f (arguments [] [] ~ [] [] ~ []) [(AsyncFor (Name x Store) y [(Pass)] []) (AsyncWith [(withitem a (Name b Store)) (withitem c ~)] [(Pass)]) (Expr (Await x))] [] ~)])"},
    {"with a as b, c as (d, e): pass",
     "(Module [(With [(withitem a (Name b Store)) (withitem c (Tuple [(Name d Store) (Name e Store)] Store))] [(Pass)])])"},
    {"with (a as b, c as d,): pass",
     "(Module [(With [(withitem a (Name b Store)) (withitem c (Name d Store))] [(Pass)])])"},
    {"with (a, b): pass",
     "(Module [(With [(withitem a ~) (withitem b ~)] [(Pass)])])"},
    {"with (a, b) as c: pass",
     "(Module [(With [(withitem (Tuple [a b] Load) (Name c Store))] [(Pass)])])"},
    {"with (open(f)) as g: pass",
     "(Module [(With [(withitem (Call open [f] []) (Name g Store))] [(Pass)])])"},
    {"try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
     "(Module [(Try [(Pass)] [(ExceptHandler E e [(Pass)]) (ExceptHandler (Tuple [A B] Load) ~ [(Pass)]) (ExceptHandler ~ ~ [(Pass)])] [(Pass)] [(Pass)])])"},
    {"try:\n    pass\nfinally:\n    pass",
     "(Module [(Try [(Pass)] [] [] [(Pass)])])"},
    {"try:\n    pass\nexcept* E:\n    pass",
     "(Module [(TryStar [(Pass)] [(ExceptHandler E ~ [(Pass)])] [] [])])"},
    {"@dec\n@dec2(1)\ndef f(a, b=1, *args, c, d=2, **kw) -> int:\n    return a",
     "(Module [(FunctionDef f (arguments [] [(arg a ~) (arg b ~)] (arg args ~) [(arg c ~) (arg d ~)] [~ 2] (arg kw ~) [1]) [(Return a)] [dec (Call dec2 [1] [])] int)])"},
    {"def f(a, /, b, *, c): pass",
     "(Module [(FunctionDef f (arguments [(arg a ~)] [(arg b ~)] ~ [(arg c ~)] [~] ~ []) [(Pass)] [] ~)])"},
    {"def f(a=1, /, b=2, *, c=3, d): pass",
     "(Module [(FunctionDef f (arguments [(arg a ~)] [(arg b ~)] ~ [(arg c ~) (arg d ~)] [3 ~] ~ [1 2]) [(Pass)] [] ~)])"},
    {"def f(*, a): pass",
     "(Module [(FunctionDef f (arguments [] [] ~ [(arg a ~)] [~] ~ []) [(Pass)] [] ~)])"},
    {"def f(a: int = 1, *args: str, b: \"x\", **kw: dict) -> None: pass",
     "(Module [(FunctionDef f (arguments [] [(arg a int)] (arg args str) [(arg b 'x')] [~] (arg kw dict) [1]) [(Pass)] [] None)])"},
    {"def f(*args: *Ts): pass",
     "(Module [(FunctionDef f (arguments [] [] (arg args (Starred Ts Load)) [] [] ~ []) [(Pass)] [] ~)])"},
    {"class A: pass",
     "(Module [(ClassDef A [] [] [(Pass)] [])])"},
    {"class A(B, C, metaclass=M, **kw):\n    x = 1\n    def m(self): pass",
     "(Module [(ClassDef A [B C] [(keyword metaclass M) (keyword ~ kw)] [(Assign [(Name x Store)] 1) (FunctionDef m (arguments [] [(arg self ~)] ~ [] [] ~ []) [(Pass)] [] ~)] [])])"},
    {"@dataclass\nclass A:\n    x: int = 0",
     "(Module [(ClassDef A [] [] [(AnnAssign (Name x Store) int 0 1)] [dataclass])])"},
    {"lambda: 0",
     "(Module [(Expr (Lambda (arguments [] [] ~ [] [] ~ []) 0))])"},
    {"lambda a, b=1, *c, d, e=2, **f: a",
     "(Module [(Expr (Lambda (arguments [] [(arg a ~) (arg b ~)] (arg c ~) [(arg d ~) (arg e ~)] [~ 2] (arg f ~) [1]) a))])"},
    {"lambda a, /, b: 0",
     "(Module [(Expr (Lambda (arguments [(arg a ~)] [(arg b ~)] ~ [] [] ~ []) 0))])"},
    {"lambda *, k: k",
     "(Module [(Expr (Lambda (arguments [] [] ~ [(arg k ~)] [~] ~ []) k))])"},
    {"x = a if b else c",
     "(Module [(Assign [(Name x Store)] (IfExp b a c))])"},
    {"x = a if b else c if d else e",
     "(Module [(Assign [(Name x Store)] (IfExp b a (IfExp d c e)))])"},
    {"x = a or b or c",
     "(Module [(Assign [(Name x Store)] (BoolOp Or [a b c]))])"},
    {"x = a and b or c and d",
     "(Module [(Assign [(Name x Store)] (BoolOp Or [(BoolOp And [a b]) (BoolOp And [c d])]))])"},
    {"x = not a",
     "(Module [(Assign [(Name x Store)] (UnaryOp Not a))])"},
    {"x = not not a",
     "(Module [(Assign [(Name x Store)] (UnaryOp Not (UnaryOp Not a)))])"},
    {"x = a < b <= c == d != e > f >= g",
     "(Module [(Assign [(Name x Store)] (Compare a [Lt LtE Eq NotEq Gt GtE] [b c d e f g]))])"},
    {"x = a in b not in c is d is not e",
     "(Module [(Assign [(Name x Store)] (Compare a [In NotIn Is IsNot] [b c d e]))])"},
    {"x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
     "(Module [(Assign [(Name x Store)] (BinOp a BitOr (BinOp b BitXor (BinOp c BitAnd (BinOp (BinOp d LShift e) RShift (BinOp (BinOp f Add g) Sub (BinOp (BinOp (BinOp (BinOp (BinOp h Mult i) Div j) FloorDiv k) Mod l) MatMult m)))))))])"},
    {"x = -a ** -b",
     "(Module [(Assign [(Name x Store)] (UnaryOp USub (BinOp a Pow (UnaryOp USub b))))])"},
    {"x = -2 ** 2",
     "(Module [(Assign [(Name x Store)] (UnaryOp USub (BinOp 2 Pow 2)))])"},
    {"x = 2 ** 3 ** 4",
     "(Module [(Assign [(Name x Store)] (BinOp 2 Pow (BinOp 3 Pow 4)))])"},
    {"x = ~a + +b",
     "(Module [(Assign [(Name x Store)] (BinOp (UnaryOp Invert a) Add (UnaryOp UAdd b)))])"},
    {"x = (a + b) * c",
     "(Module [(Assign [(Name x Store)] (BinOp (BinOp a Add b) Mult c))])"},
    {"x = a.b.c",
     "(Module [(Assign [(Name x Store)] (Attribute (Attribute a b Load) c Load))])"},
    {"x = a[0][1]",
     "(Module [(Assign [(Name x Store)] (Subscript (Subscript a 0 Load) 1 Load))])"},
    {"x = a[1:2]",
     "(Module [(Assign [(Name x Store)] (Subscript a (Slice 1 2 ~) Load))])"},
    {"x = a[::2]",
     "(Module [(Assign [(Name x Store)] (Subscript a (Slice ~ ~ 2) Load))])"},
    {"x = a[:]",
     "(Module [(Assign [(Name x Store)] (Subscript a (Slice ~ ~ ~) Load))])"},
    {"x = a[1:]",
     "(Module [(Assign [(Name x Store)] (Subscript a (Slice 1 ~ ~) Load))])"},
    {"x = a[:, 1]",
     "(Module [(Assign [(Name x Store)] (Subscript a (Tuple [(Slice ~ ~ ~) 1] Load) Load))])"},
    {"x = a[1:2, 3]",
     "(Module [(Assign [(Name x Store)] (Subscript a (Tuple [(Slice 1 2 ~) 3] Load) Load))])"},
    {"x = a[*b]",
     "(Module [(Assign [(Name x Store)] (Subscript a (Tuple [(Starred b Load)] Load) Load))])"},
    {"x = a[b, *c]",
     "(Module [(Assign [(Name x Store)] (Subscript a (Tuple [b (Starred c Load)] Load) Load))])"},
    {"f()",
     "(Module [(Expr (Call f [] []))])"},
    {"f(a, b)",
     "(Module [(Expr (Call f [a b] []))])"},
    {"f(*a, **k)",
     "(Module [(Expr (Call f [(Starred a Load)] [(keyword ~ k)]))])"},
    {"f(a, *b, c, k=1, *d, **e)",
     "(Module [(Expr (Call f [a (Starred b Load) c (Starred d Load)] [(keyword k 1) (keyword ~ e)]))])"},
    {"f(x for x in y)",
     "(Module [(Expr (Call f [(GeneratorExp x [(comprehension (Name x Store) y [] 0)])] []))])"},
    {"f((x for x in y), z)",
     "(Module [(Expr (Call f [(GeneratorExp x [(comprehension (Name x Store) y [] 0)]) z] []))])"},
    {"f(a)(b)(c)",
     "(Module [(Expr (Call (Call (Call f [a] []) [b] []) [c] []))])"},
    {"f(x := 1)",
     "(Module [(Expr (Call f [(NamedExpr (Name x Store) 1)] []))])"},
    {"f(a=1)(b=2)",
     "(Module [(Expr (Call (Call f [] [(keyword a 1)]) [] [(keyword b 2)]))])"},
    {"print(*[1], sep='', end=\"\\n\")",
     "(Module [(Expr (Call print [(Starred (List [1] Load) Load)] [(keyword sep '') (keyword end '\\n')]))])"},
    {"x = (y := 10)",
     "(Module [(Assign [(Name x Store)] (NamedExpr (Name y Store) 10))])"},
    {"if (n := len(a)) > 10: pass",
     "(Module [(If (Compare (NamedExpr (Name n Store) (Call len [a] [])) [Gt] [10]) [(Pass)] [])])"},
    {"[y := f(x), y ** 2]",
     "(Module [(Expr (List [(NamedExpr (Name y Store) (Call f [x] [])) (BinOp y Pow 2)] Load))])"},
    {"x = []",
     "(Module [(Assign [(Name x Store)] (List [] Load))])"},
    {"x = [1, 2, 3,]",
     "(Module [(Assign [(Name x Store)] (List [1 2 3] Load))])"},
    {"x = [*a, *b, c]",
     "(Module [(Assign [(Name x Store)] (List [(Starred a Load) (Starred b Load) c] Load))])"},
    {"x = ()",
     "(Module [(Assign [(Name x Store)] (Tuple [] Load))])"},
    {"x = (1,)",
     "(Module [(Assign [(Name x Store)] (Tuple [1] Load))])"},
    {"x = 1,",
     "(Module [(Assign [(Name x Store)] (Tuple [1] Load))])"},
    {"x = (1, 2)",
     "(Module [(Assign [(Name x Store)] (Tuple [1 2] Load))])"},
    {"x = {}",
     "(Module [(Assign [(Name x Store)] (Dict [] []))])"},
    {"x = {1: 2, **d, 3: 4}",
     "(Module [(Assign [(Name x Store)] (Dict [1 ~ 3] [2 d 4]))])"},
    {"x = {**a}",
     "(Module [(Assign [(Name x Store)] (Dict [~] [a]))])"},
    {"x = {1, 2}",
     "(Module [(Assign [(Name x Store)] (Set [1 2]))])"},
    {"x = {*a, b}",
     "(Module [(Assign [(Name x Store)] (Set [(Starred a Load) b]))])"},
    {"x = [x for x in y]",
     "(Module [(Assign [(Name x Store)] (ListComp x [(comprehension (Name x Store) y [] 0)]))])"},
    {"x = [x for x in y if x if z for w in x]",
     "(Module [(Assign [(Name x Store)] (ListComp x [(comprehension (Name x Store) y [x z] 0) (comprehension (Name w Store) x [] 0)]))])"},
    {"x = {x for x in y}",
     "(Module [(Assign [(Name x Store)] (SetComp x [(comprehension (Name x Store) y [] 0)]))])"},
    {"x = {k: v for k, v in d.items()}",
     "(Module [(Assign [(Name x Store)] (DictComp k v [(comprehension (Tuple [(Name k Store) (Name v Store)] Store) (Call (Attribute d items Load) [] []) [] 0)]))])"},
    {"x = (x for x in y)",
     "(Module [(Assign [(Name x Store)] (GeneratorExp x [(comprehension (Name x Store) y [] 0)]))])"},
    {"x = [x async for x in y]",
     "(Module [(Assign [(Name x Store)] (ListComp x [(comprehension (Name x Store) y [] 1)]))])"},
    {"x = [(a, b) for a in c for b in d]",
     "(Module [(Assign [(Name x Store)] (ListComp (Tuple [a b] Load) [(comprehension (Name a Store) c [] 0) (comprehension (Name b Store) d [] 0)]))])"},
    {"x = ...",
     "(Module [(Assign [(Name x Store)] ...)])"},
    {"x = None, True, False",
     "(Module [(Assign [(Name x Store)] (Tuple [None True False] Load))])"},
    {"x = 0, 7, 10, 1_000_000, 0x1F, 0o17, 0b1010, 0X_ff, 0B_1, 0O_7",
     "(Module [(Assign [(Name x Store)] (Tuple [0 7 10 1000000 31 15 10 255 1 7] Load))])"},
    {"x = 9223372036854775807",
     "(Module [(Assign [(Name x Store)] 9223372036854775807)])"},
    {"x = 9223372036854775808",
     "(Module [(Assign [(Name x Store)] 9223372036854775808)])"},
    {"x = 0xFFFFFFFFFFFFFFFFFF",
     "(Module [(Assign [(Name x Store)] 4722366482869645213695)])"},
    {"x = 0o7777777777777777777777",
     "(Module [(Assign [(Name x Store)] 73786976294838206463)])"},
    {"x = 0b11111111111111111111111111111111111111111111111111111111111111111",
     "(Module [(Assign [(Name x Store)] 36893488147419103231)])"},
    {"x = 123_456_789_012_345_678_901_234_567_890",
     "(Module [(Assign [(Name x Store)] 123456789012345678901234567890)])"},
    {"x = 1.5, 1., .5, 1e10, 1E-5, 1_0.0_1, 0.1, 1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1e308, 1e999",
     "(Module [(Assign [(Name x Store)] (Tuple [1.5 1.0 0.5 10000000000.0 1e-05 10.01 0.1 1e+16 1000000000000000.0 123456789.0 1e-05 0.0001 1e+308 inf] Load))])"},
    {"x = 3j, 1.5j, 1e3J, 0j",
     "(Module [(Assign [(Name x Store)] (Tuple [3j 1.5j 1000j 0j] Load))])"},
    {"x = 'a', \"b\", '''c''', \"\"\"d\"\"\"",
     "(Module [(Assign [(Name x Store)] (Tuple ['a' 'b' 'c' 'd'] Load))])"},
    {"x = 'a' \"b\" 'c'",
     "(Module [(Assign [(Name x Store)] 'abc')])"},
    {"x = '\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v\\0'",
     "(Module [(Assign [(Name x Store)] '\\n\\t\\r\\\\\\'\"\\x07\\x08\\x0c\\x0b\\x00')])"},
    {"x = '\\x41\\101\\u20ac\\U0001F600\\777'",
     "(Module [(Assign [(Name x Store)] 'AA\xe2""\x82""\xac""\xf0""\x9f""\x98""\x80""\xc7""\xbf""')])"},
    {"x = r'\\n\\x41' R\"\\d\"",
     "(Module [(Assign [(Name x Store)] '\\\\n\\\\x41\\\\d')])"},
    {"x = b'a\\x00\\xff\\n' B\"z\" rb'\\n' Rb\"x\" bR'y' BR\"w\"",
     "(Module [(Assign [(Name x Store)] b'a\\x00\\xff\\nz\\\\nxyw')])"},
    {"x = u'unicode' U\"text\"",
     "(Module [(Assign [(Name x Store)] 'unicodetext')])"},
    {"x = 'caf\xc3""\xa9"" \xe2""\x82""\xac""'",
     "(Module [(Assign [(Name x Store)] 'caf\xc3""\xa9"" \xe2""\x82""\xac""')])"},
    {"x = '\\q\\d'",
     "(Module [(Assign [(Name x Store)] '\\\\q\\\\d')])"},
    {"x = 'a\\\nb'",
     "(Module [(Assign [(Name x Store)] 'ab')])"},
    {"x = \"\"\"line1\nline2\"\"\"",
     "(Module [(Assign [(Name x Store)] 'line1\\nline2')])"},
    {"x = ''",
     "(Module [(Assign [(Name x Store)] '')])"},
    {"x = b''",
     "(Module [(Assign [(Name x Store)] b'')])"},
    {"x = f''",
     "(Module [(Assign [(Name x Store)] (JoinedStr []))])"},
    {"x = f'{x}'",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 ~)]))])"},
    {"x = f\"a{b}c{d!r}e{f!s}g{h!a}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['a' (FormattedValue b -1 ~) 'c' (FormattedValue d 114 ~) 'e' (FormattedValue f 115 ~) 'g' (FormattedValue h 97 ~)]))])"},
    {"x = f\"{x:>10}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 (JoinedStr ['>10']))]))])"},
    {"x = f\"{x:{w}.{p}f}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 (JoinedStr [(FormattedValue w -1 ~) '.' (FormattedValue p -1 ~) 'f']))]))])"},
    {"x = f\"{x=}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['x=' (FormattedValue x 114 ~)]))])"},
    {"x = f\"{x = }\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['x = ' (FormattedValue x 114 ~)]))])"},
    {"x = f\"{x=!s}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['x=' (FormattedValue x 115 ~)]))])"},
    {"x = f\"{x=:>10}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['x=' (FormattedValue x -1 (JoinedStr ['>10']))]))])"},
    {"x = f\"{x=!r:^20}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['x=' (FormattedValue x 114 (JoinedStr ['^20']))]))])"},
    {"x = f\"a{x=}b\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['ax=' (FormattedValue x 114 ~) 'b']))])"},
    {"x = f\"{{}} {{x}}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['{} {x}']))])"},
    {"x = f\"{'a'}\" f'{\"b\"}'",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue 'a' -1 ~) (FormattedValue 'b' -1 ~)]))])"},
    {"x = f\"{a['b']}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Subscript a 'b' Load) -1 ~)]))])"},
    {"x = \"s\" f\"{x}\" \"t\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['s' (FormattedValue x -1 ~) 't']))])"},
    {"x = f\"{x}\" \"\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 ~)]))])"},
    {"x = \"\" f\"{x}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 ~)]))])"},
    {"x = f\"a\" \"b\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['ab']))])"},
    {"x = rf\"\\d{x}\" fr'\\n' RF\"{y}\" Rf'' fR\"\" FR'{z}'",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['\\\\d' (FormattedValue x -1 ~) '\\\\n' (FormattedValue y -1 ~) (FormattedValue z -1 ~)]))])"},
    {"x = f\"{x!r:{y}}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x 114 (JoinedStr [(FormattedValue y -1 ~)]))]))])"},
    {"x = f\"{a, b}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Tuple [a b] Load) -1 ~)]))])"},
    {"x = f\"{x:}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 (JoinedStr []))]))])"},
    {"x = f\"{x:{{}}}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 (JoinedStr [(FormattedValue (Dict [] []) -1 ~)]))]))])"},
    {"x = f\"{3.14:.2f}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue 3.14 -1 (JoinedStr ['.2f']))]))])"},
    {"x = f\"{x if y else z}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (IfExp y x z) -1 ~)]))])"},
    {"x = f\"{(lambda: 1)()}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Call (Lambda (arguments [] [] ~ [] [] ~ []) 1) [] []) -1 ~)]))])"},
    {"x = f\"{ x }\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 ~)]))])"},
    {"x = f\"{x!r}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x 114 ~)]))])"},
    {"x = f\"{d['key']}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Subscript d 'key' Load) -1 ~)]))])"},
    {"x = f'''{\nx\n}'''",
     "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue x -1 ~)]))])"},
    {"x = f\"\\n{x}\\t\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['\\n' (FormattedValue x -1 ~) '\\t']))])"},
    {"x = f\"\\{6}\"",
     "(Module [(Assign [(Name x Store)] (JoinedStr ['\\\\' (FormattedValue 6 -1 ~)]))])"},
    {"yield",
     "(Module [(Expr (Yield ~))])"},
    {"yield x",
     "(Module [(Expr (Yield x))])"},
    {"yield a, b",
     "(Module [(Expr (Yield (Tuple [a b] Load)))])"},
    {"yield from g()",
     "(Module [(Expr (YieldFrom (Call g [] [])))])"},
    {"x = yield",
     "(Module [(Assign [(Name x Store)] (Yield ~))])"},
    {"x = yield a, b",
     "(Module [(Assign [(Name x Store)] (Yield (Tuple [a b] Load)))])"},
    {"x = await y",
     "(Module [(Assign [(Name x Store)] (Await y))])"},
    {"x = (yield)",
     "(Module [(Assign [(Name x Store)] (Yield ~))])"},
    {"await asyncio.sleep(1)",
     "(Module [(Expr (Await (Call (Attribute asyncio sleep Load) [1] [])))])"},
    {"match = 3",
     "(Module [(Assign [(Name match Store)] 3)])"},
    {"match(x)",
     "(Module [(Expr (Call match [x] []))])"},
    {"match.foo = 1",
     "(Module [(Assign [(Attribute match foo Store)] 1)])"},
    {"case = 1",
     "(Module [(Assign [(Name case Store)] 1)])"},
    {"_ = 2",
     "(Module [(Assign [(Name _ Store)] 2)])"},
    {"print(match, case)",
     "(Module [(Expr (Call print [match case] []))])"},
    {"if __name__ == \"__main__\":\n    main()",
     "(Module [(If (Compare __name__ [Eq] ['__main__']) [(Expr (Call main [] []))] [])])"},
    {"x = 1; y = 2;",
     "(Module [(Assign [(Name x Store)] 1) (Assign [(Name y Store)] 2)])"},
    {"if x: y = 1; z = 2",
     "(Module [(If x [(Assign [(Name y Store)] 1) (Assign [(Name z Store)] 2)] [])])"},
    {"class A:\n    \"\"\"doc\"\"\"\n    async def f(self):\n        pass",
     "(Module [(ClassDef A [] [] [(Expr 'doc') (AsyncFunctionDef f (arguments [] [(arg self ~)] ~ [] [] ~ []) [(Pass)] [] ~)] [])])"},
    {"def f():\n    \"\"\"doc\"\"\"\n    nonlocal x\n    global y",
     "(Module [(FunctionDef f (arguments [] [] ~ [] [] ~ []) [(Expr 'doc') (Nonlocal [x]) (Global [y])] [] ~)])"},
    {"x = a.b(c)[d].e",
     "(Module [(Assign [(Name x Store)] (Attribute (Subscript (Call (Attribute a b Load) [c] []) d Load) e Load))])"},
    {"x = [i for i in range(10) if i % 2 == 0]",
     "(Module [(Assign [(Name x Store)] (ListComp i [(comprehension (Name i Store) (Call range [10] []) [(Compare (BinOp i Mod 2) [Eq] [0])] 0)]))])"},
    {"x = (a\n  + b)",
     "(Module [(Assign [(Name x Store)] (BinOp a Add b))])"},
    {"x = 1 \\\n  + 2",
     "(Module [(Assign [(Name x Store)] (BinOp 1 Add 2))])"},
};

static const DumpCase position_cases[] = {
    {"x = (a + b) * c",
     "(Module [(Assign@1:0-1:15 [(Name@1:0-1:1 x Store)] (BinOp@1:4-1:15 (BinOp@1:5-1:10 a@1:5-1:6 Add b@1:9-1:10) Mult c@1:14-1:15))])"},
    {"a, b = b, a",
     "(Module [(Assign@1:0-1:11 [(Tuple@1:0-1:4 [(Name@1:0-1:1 a Store) (Name@1:3-1:4 b Store)] Store)] (Tuple@1:7-1:11 [b@1:7-1:8 a@1:10-1:11] Load))])"},
    {"x = 1,",
     "(Module [(Assign@1:0-1:6 [(Name@1:0-1:1 x Store)] (Tuple@1:4-1:6 [1@1:4-1:5] Load))])"},
    {"(a): int = 5",
     "(Module [(AnnAssign@1:0-1:12 (Name@1:1-1:2 a Store) int@1:5-1:8 5@1:11-1:12 0)])"},
    {"x[1:2, 3] = y",
     "(Module [(Assign@1:0-1:13 [(Subscript@1:0-1:9 x@1:0-1:1 (Tuple@1:2-1:8 [(Slice@1:2-1:5 1@1:2-1:3 2@1:4-1:5 ~) 3@1:7-1:8] Load) Store)] y@1:12-1:13)])"},
    {"x = a[::2]",
     "(Module [(Assign@1:0-1:10 [(Name@1:0-1:1 x Store)] (Subscript@1:4-1:10 a@1:4-1:5 (Slice@1:6-1:9 ~ ~ 2@1:8-1:9) Load))])"},
    {"x = a[(1):]",
     "(Module [(Assign@1:0-1:11 [(Name@1:0-1:1 x Store)] (Subscript@1:4-1:11 a@1:4-1:5 (Slice@1:6-1:10 1@1:7-1:8 ~ ~) Load))])"},
    {"f(a, *b, k=1, **c)",
     "(Module [(Expr@1:0-1:18 (Call@1:0-1:18 f@1:0-1:1 [a@1:2-1:3 (Starred@1:5-1:7 b@1:6-1:7 Load)] [(keyword@1:9-1:12 k 1@1:11-1:12) (keyword@1:14-1:17 ~ c@1:16-1:17)]))])"},
    {"f(x for x in y)",
     "(Module [(Expr@1:0-1:15 (Call@1:0-1:15 f@1:0-1:1 [(GeneratorExp@1:1-1:15 x@1:2-1:3 [(comprehension (Name@1:8-1:9 x Store) y@1:13-1:14 [] 0)])] []))])"},
    {"x = [x for x in y if x]",
     "(Module [(Assign@1:0-1:23 [(Name@1:0-1:1 x Store)] (ListComp@1:4-1:23 x@1:5-1:6 [(comprehension (Name@1:11-1:12 x Store) y@1:16-1:17 [x@1:21-1:22] 0)]))])"},
    {"x = {k: v for k, v in d}",
     "(Module [(Assign@1:0-1:24 [(Name@1:0-1:1 x Store)] (DictComp@1:4-1:24 k@1:5-1:6 v@1:8-1:9 [(comprehension (Tuple@1:14-1:18 [(Name@1:14-1:15 k Store) (Name@1:17-1:18 v Store)] Store) d@1:22-1:23 [] 0)]))])"},
    {"x = lambda a, b=1: (a)",
     "(Module [(Assign@1:0-1:22 [(Name@1:0-1:1 x Store)] (Lambda@1:4-1:22 (arguments [] [(arg@1:11-1:12 a ~) (arg@1:14-1:15 b ~)] ~ [] [] ~ [1@1:16-1:17]) a@1:20-1:21))])"},
    {"x = not (a)",
     "(Module [(Assign@1:0-1:11 [(Name@1:0-1:1 x Store)] (UnaryOp@1:4-1:11 Not a@1:9-1:10))])"},
    {"x = -a ** -b",
     "(Module [(Assign@1:0-1:12 [(Name@1:0-1:1 x Store)] (UnaryOp@1:4-1:12 USub (BinOp@1:5-1:12 a@1:5-1:6 Pow (UnaryOp@1:10-1:12 USub b@1:11-1:12))))])"},
    {"x = a if (b) else c",
     "(Module [(Assign@1:0-1:19 [(Name@1:0-1:1 x Store)] (IfExp@1:4-1:19 b@1:10-1:11 a@1:4-1:5 c@1:18-1:19))])"},
    {"x = (yield)",
     "(Module [(Assign@1:0-1:11 [(Name@1:0-1:1 x Store)] (Yield@1:5-1:10 ~))])"},
    {"del (a), b",
     "(Module [(Delete@1:0-1:10 [(Name@1:5-1:6 a Del) (Name@1:9-1:10 b Del)])])"},
    {"import a.b as c, d",
     "(Module [(Import@1:0-1:18 [(alias@1:7-1:15 a.b c) (alias@1:17-1:18 d ~)])])"},
    {"from .m import (x as y, z)",
     "(Module [(ImportFrom@1:0-1:26 m [(alias@1:16-1:22 x y) (alias@1:24-1:25 z ~)] 1)])"},
    {"from m import *",
     "(Module [(ImportFrom@1:0-1:15 m [(alias@1:14-1:15 * ~)] 0)])"},
    {"global a, b",
     "(Module [(Global@1:0-1:11 [a b])])"},
    {"@dec\ndef f(a: int, /, *args, k=1, **kw) -> int:\n    return a",
     "(Module [(FunctionDef@2:0-3:12 f (arguments [(arg@2:6-2:12 a int@2:9-2:12)] [] (arg@2:18-2:22 args ~) [(arg@2:24-2:25 k ~)] [1@2:26-2:27] (arg@2:31-2:33 kw ~) []) [(Return@3:4-3:12 a@3:11-3:12)] [dec@1:1-1:4] int@2:38-2:41)])"},
    {"async def f():\n    await x\n    async with a as b:\n        pass",
     "(Module [(AsyncFunctionDef@1:0-4:12 f (arguments [] [] ~ [] [] ~ []) [(Expr@2:4-2:11 (Await@2:4-2:11 x@2:10-2:11)) (AsyncWith@3:4-4:12 [(withitem a@3:15-3:16 (Name@3:20-3:21 b Store))] [(Pass@4:8-4:12)])] [] ~)])"},
    {"class A(B, metaclass=M):\n    x = 1",
     "(Module [(ClassDef@1:0-2:9 A [B@1:8-1:9] [(keyword@1:11-1:22 metaclass M@1:21-1:22)] [(Assign@2:4-2:9 [(Name@2:4-2:5 x Store)] 1@2:8-2:9)] [])])"},
    {"if a:\n    b\nelif c:\n    d\nelse:\n    e",
     "(Module [(If@1:0-6:5 a@1:3-1:4 [(Expr@2:4-2:5 b@2:4-2:5)] [(If@3:0-6:5 c@3:5-3:6 [(Expr@4:4-4:5 d@4:4-4:5)] [(Expr@6:4-6:5 e@6:4-6:5)])])])"},
    {"while x:\n    pass\nelse:\n    y = 1",
     "(Module [(While@1:0-4:9 x@1:6-1:7 [(Pass@2:4-2:8)] [(Assign@4:4-4:9 [(Name@4:4-4:5 y Store)] 1@4:8-4:9)])])"},
    {"for i in r:\n    pass",
     "(Module [(For@1:0-2:8 (Name@1:4-1:5 i Store) r@1:9-1:10 [(Pass@2:4-2:8)] [])])"},
    {"with a as b, c: pass",
     "(Module [(With@1:0-1:20 [(withitem a@1:5-1:6 (Name@1:10-1:11 b Store)) (withitem c@1:13-1:14 ~)] [(Pass@1:16-1:20)])])"},
    {"try:\n    pass\nexcept E as e:\n    x = 1\nelse:\n    y\nfinally:\n    z",
     "(Module [(Try@1:0-8:5 [(Pass@2:4-2:8)] [(ExceptHandler@3:0-4:9 E@3:7-3:8 e [(Assign@4:4-4:9 [(Name@4:4-4:5 x Store)] 1@4:8-4:9)])] [(Expr@6:4-6:5 y@6:4-6:5)] [(Expr@8:4-8:5 z@8:4-8:5)])])"},
    {"x = 'a' \"b\"",
     "(Module [(Assign@1:0-1:11 [(Name@1:0-1:1 x Store)] 'ab'@1:4-1:11)])"},
    {"x = \"\"\"a\nb\"\"\"",
     "(Module [(Assign@1:0-2:4 [(Name@1:0-1:1 x Store)] 'a\\nb'@1:4-2:4)])"},
    {"x = (a\n  + b)",
     "(Module [(Assign@1:0-2:6 [(Name@1:0-1:1 x Store)] (BinOp@1:5-2:5 a@1:5-1:6 Add b@2:4-2:5))])"},
    {"x = 1 \\\n  + 2",
     "(Module [(Assign@1:0-2:5 [(Name@1:0-1:1 x Store)] (BinOp@1:4-2:5 1@1:4-1:5 Add 2@2:4-2:5))])"},
    {"x = f\"a{b!r:>{w}}c{d=}\"",
     "(Module [(Assign@1:0-1:23 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-1:23 ['a'@1:4-1:23 (FormattedValue@1:4-1:23 b@1:8-1:9 114 (JoinedStr@1:4-1:23 ['>'@1:4-1:23 (FormattedValue@1:4-1:23 w@1:14-1:15 -1 ~)])) 'cd='@1:4-1:23 (FormattedValue@1:4-1:23 d@1:19-1:20 114 ~)]))])"},
    {"x = f'{a}' f\"{b}\"",
     "(Module [(Assign@1:0-1:17 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-1:17 [(FormattedValue@1:4-1:17 a@1:7-1:8 -1 ~) (FormattedValue@1:4-1:17 b@1:14-1:15 -1 ~)]))])"},
    {"x = f\"\"\"\n{x}\n\"\"\"",
     "(Module [(Assign@1:0-3:3 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-3:3 ['\\n'@1:4-3:3 (FormattedValue@1:4-3:3 x@2:1-2:2 -1 ~) '\\n'@1:4-3:3]))])"},
    {"x = f\"{a, b}\"",
     "(Module [(Assign@1:0-1:13 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-1:13 [(FormattedValue@1:4-1:13 (Tuple@1:6-1:12 [a@1:7-1:8 b@1:10-1:11] Load) -1 ~)]))])"},
    {"x = f'''{\nx}'''",
     "(Module [(Assign@1:0-2:5 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-2:5 [(FormattedValue@1:4-2:5 x@2:0-2:1 -1 ~)]))])"},
    {"x = \"\xc3""\xa9""\" + y",
     "(Module [(Assign@1:0-1:12 [(Name@1:0-1:1 x Store)] (BinOp@1:4-1:12 '\xc3""\xa9""'@1:4-1:8 Add y@1:11-1:12))])"},
    {"\xc3""\xa9"" = 1",
     "(Module [(Assign@1:0-1:6 [(Name@1:0-1:2 \xc3""\xa9"" Store)] 1@1:5-1:6)])"},
    {"x = \"\xe2""\x82""\xac""\" if a else f\"{b}\"",
     "(Module [(Assign@1:0-1:26 [(Name@1:0-1:1 x Store)] (IfExp@1:4-1:26 a@1:13-1:14 '\xe2""\x82""\xac""'@1:4-1:9 (JoinedStr@1:20-1:26 [(FormattedValue@1:20-1:26 b@1:23-1:24 -1 ~)])))])"},
    {"assert x, (y)",
     "(Module [(Assert@1:0-1:13 x@1:7-1:8 y@1:11-1:12)])"},
    {"return (a), b",
     "(Module [(Return@1:0-1:13 (Tuple@1:7-1:13 [a@1:8-1:9 b@1:12-1:13] Load))])"},
    {"x = {**a, \"b\": 1}",
     "(Module [(Assign@1:0-1:17 [(Name@1:0-1:1 x Store)] (Dict@1:4-1:17 [~ 'b'@1:10-1:13] [a@1:7-1:8 1@1:15-1:16]))])"},
    {"x = [*a, (b)]",
     "(Module [(Assign@1:0-1:13 [(Name@1:0-1:1 x Store)] (List@1:4-1:13 [(Starred@1:5-1:7 a@1:6-1:7 Load) b@1:10-1:11] Load))])"},
};

/* ---- the AST, against CPython ---- */

Test(parser_ast, every_construct_matches_cpython)
{
    for (size_t i = 0; i < sizeof structure_cases / sizeof structure_cases[0]; i++)
        expect_dump(structure_cases[i].source, structure_cases[i].dump, false);
}

Test(parser_ast, node_positions_match_cpython)
{
    for (size_t i = 0; i < sizeof position_cases / sizeof position_cases[0]; i++)
        expect_dump(position_cases[i].source, position_cases[i].dump, true);
}

Test(parser_ast, line_endings_crlf_and_cr_read_as_newlines)
{
    expect_dump("if a:\r\n    b\r\nc\r", "(Module [(If a [(Expr b)] []) (Expr c)])", false);
    expect_dump("x = '''a\r\nb'''\r\n", "(Module [(Assign [(Name x Store)] 'a\\nb')])", false);
}

Test(parser_ast, byte_order_mark_is_skipped)
{
    expect_dump("\xEF\xBB\xBFx = 1\n", "(Module [(Assign@1:0-1:5 [(Name@1:0-1:1 x Store)] 1@1:4-1:5)])", true);
}

/* ---- constants as the compiler receives them ---- */

static Expr *first_value(Arena *arena, const char *source)
{
    Module *module;
    Diagnostic diag;
    cr_assert(parse_source(arena, source, strlen(source), PARSE_FILE, &module, &diag), "%s", diag.message);
    Stmt *s = module->body.items[0];
    return s->kind == STMT_ASSIGN ? s->as.assign.value : s->as.expr.value;
}

Test(parser_constants, big_integers_keep_their_digits_and_base)
{
    Arena arena;
    arena_init(&arena);
    struct { const char *source, *digits; int base; } cases[] = {
        {"x = 9223372036854775808", "9223372036854775808", 10},
        {"x = 0x_FFFF_FFFF_FFFF_FFFF_F", "FFFFFFFFFFFFFFFFF", 16},
        {"x = 0o0001777777777777777777777", "1777777777777777777777", 8},
        {"x = 0b1" "0000000000000000000000000000000000000000000000000000000000000000", "1" "0000000000000000000000000000000000000000000000000000000000000000", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Expr *e = first_value(&arena, cases[i].source);
        cr_assert_eq(e->as.constant.kind, CONST_BIGINT, "%s", cases[i].source);
        cr_expect_str_eq(e->as.constant.text, cases[i].digits);
        cr_expect_eq(e->as.constant.length, strlen(cases[i].digits));
        cr_expect_eq(e->as.constant.int_value, cases[i].base);
    }
    Expr *max = first_value(&arena, "x = 9223372036854775807");
    cr_expect_eq(max->as.constant.kind, CONST_INT);
    cr_expect_eq(max->as.constant.int_value, INT64_MAX);
    arena_free(&arena);
}

Test(parser_constants, strings_are_utf8_with_their_length)
{
    Arena arena;
    arena_init(&arena);
    Expr *e = first_value(&arena, "x = 'a\\0b\\u20ac\\x1b[0m\\033'");
    cr_assert_eq(e->as.constant.kind, CONST_STR);
    cr_expect_eq(e->as.constant.length, 11);
    cr_expect(memcmp(e->as.constant.text, "a\0b\xE2\x82\xAC\x1B[0m\x1B", 11) == 0);
    e = first_value(&arena, "x = b'\\x00\\xff'");
    cr_assert_eq(e->as.constant.kind, CONST_BYTES);
    cr_expect_eq(e->as.constant.length, 2);
    cr_expect(memcmp(e->as.constant.text, "\0\xFF", 2) == 0);
    e = first_value(&arena, "x = 2.5e-3");
    cr_expect_eq(e->as.constant.kind, CONST_FLOAT);
    cr_expect_eq(e->as.constant.float_value, 2.5e-3);
    e = first_value(&arena, "x = 4j");
    cr_expect_eq(e->as.constant.kind, CONST_IMAG);
    cr_expect_eq(e->as.constant.float_value, 4.0);
    arena_free(&arena);
}

Test(parser_constants, fstring_debug_text_keeps_the_spaces_written)
{
    Arena arena;
    arena_init(&arena);
    Expr *e = first_value(&arena, "f'{x = !s:>4}'");
    cr_assert_eq(e->kind, EXPR_JOINEDSTR);
    cr_assert_eq(e->as.joinedstr.values.count, 2);
    Expr *text = e->as.joinedstr.values.items[0];
    cr_expect_str_eq(text->as.constant.text, "x = ");
    Expr *field = e->as.joinedstr.values.items[1];
    cr_expect_eq(field->as.formatted.conversion, 's');
    cr_expect_not_null(field->as.formatted.format_spec);
    arena_free(&arena);
}

/* ---- the REPL: incomplete input and single statements (handoff's own contract) ---- */

Test(parser_repl, input_that_stops_short_is_incomplete)
{
    const char *incomplete[] = {
        "if x:\n", "for i in range(3):", "def f():\n    if x:\n", "x = (1,\n", "f(a,\n  b\n",
        "x = '''abc\n", "x = 1 + \\\n", "@decorator\n", "class A:\n    @property\n",
        "try:\n    pass\n", "x = [1,\n 2", "while True:\n    if x:\n        pass\n    else:\n",
    };
    for (size_t i = 0; i < sizeof incomplete / sizeof incomplete[0]; i++) {
        Diagnostic diag = parse_error(incomplete[i], PARSE_INTERACTIVE);
        cr_expect(diag.incomplete, "should ask for more: %s (%s)", incomplete[i], diag.message);
    }
    const char *wrong[] = {"x = = 1\n", "if x:\npass\n", "x = 'abc\n", "x = (1 2\n y)\n", "f(a b)\n", "1 = x\n"};
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        Diagnostic diag = parse_error(wrong[i], PARSE_INTERACTIVE);
        cr_expect(!diag.incomplete, "a real error: %s (%s)", wrong[i], diag.message);
    }
}

Test(parser_repl, one_entry_is_one_statement)
{
    Diagnostic diag;
    char *got = parse_to_text("x = 1; y = 2\n", 13, PARSE_INTERACTIVE, false, &diag);
    cr_expect_str_eq(got, "(Module [(Assign [(Name x Store)] 1) (Assign [(Name y Store)] 2)])");
    free(got);
    got = parse_to_text("", 0, PARSE_INTERACTIVE, false, &diag);
    cr_expect_str_eq(got, "(Module [])");
    free(got);
    diag = parse_error("x = 1\ny = 2\n", PARSE_INTERACTIVE);
    cr_expect_str_eq(diag.message, "multiple statements found while compiling a single statement");
    cr_expect_eq(diag.line, 1);
    diag = parse_error("if x:\n  pass\ny = 1\n", PARSE_INTERACTIVE);
    cr_expect_str_eq(diag.message, "invalid syntax");
    cr_expect_eq(diag.line, 3);
}

/* ---- limits: hostile input is an error, never a crash (handoff's own) ---- */

Test(parser_limits, ten_thousand_brackets_stop_at_two_hundred)
{
    size_t n = 10000;
    char *source = malloc(2 * n + 8);
    memcpy(source, "x = ", 4);
    memset(source + 4, '(', n);
    memset(source + 4 + n, ')', n);
    source[4 + 2 * n] = '\0';
    Diagnostic diag = parse_error(source, PARSE_FILE);
    cr_expect_str_eq(diag.message, "too many nested parentheses");
    cr_expect_eq(diag.col, 205);
    free(source);
}

Test(parser_limits, deep_nesting_without_brackets_is_an_error)
{
    const char *units[] = {"-", "not ", "lambda: ", "2**", "a if b else ", "~"};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t unit = strlen(units[u]), n = 100000;
        char *source = malloc(unit * n + 16);
        size_t length = (size_t)sprintf(source, "x = ");
        for (size_t i = 0; i < n; i++, length += unit) memcpy(source + length, units[u], unit);
        strcpy(source + length, "1\n");
        Diagnostic diag = parse_error(source, PARSE_FILE);
        cr_expect_str_eq(diag.message, "too many nested expressions", "unit %s", units[u]);
        free(source);
    }
}

Test(parser_limits, a_thousand_levels_of_indentation)
{
    size_t capacity = 1000 * 1010, length = 0;
    char *source = malloc(capacity);
    for (int level = 0; level < 1000; level++) {
        memset(source + length, ' ', (size_t)level);
        length += (size_t)level;
        length += (size_t)sprintf(source + length, "if x:\n");
    }
    source[length] = '\0';
    Diagnostic diag = parse_error(source, PARSE_FILE);
    cr_expect_str_eq(diag.message, "too many levels of indentation");
    cr_expect_str_eq(diag.kind, "IndentationError");
    cr_expect_eq(diag.line, 101);
    free(source);
}

Test(parser_limits, a_long_elif_chain_and_a_long_sum_parse)
{
    size_t n = 20000;
    char *source = malloc(n * 20 + 64);
    size_t length = (size_t)sprintf(source, "if x:\n    pass\n");
    for (size_t i = 0; i < n; i++) length += (size_t)sprintf(source + length, "elif x:\n    pass\n");
    Arena arena;
    arena_init(&arena);
    Module *module;
    Diagnostic diag;
    cr_expect(parse_source(&arena, source, length, PARSE_FILE, &module, &diag), "%s", diag.message);
    arena_free(&arena);
    length = (size_t)sprintf(source, "x = 1");
    for (size_t i = 0; i < n; i++) length += (size_t)sprintf(source + length, " + 1");
    arena_init(&arena);
    cr_expect(parse_source(&arena, source, length, PARSE_FILE, &module, &diag), "%s", diag.message);
    arena_free(&arena);
    free(source);
}

Test(parser_limits, a_very_long_line)
{
    size_t n = 20 * 1000 * 1000;
    char *source = malloc(n + 16);
    memcpy(source, "x = '", 5);
    memset(source + 5, 'a', n);
    memcpy(source + 5 + n, "'\n", 2);
    Arena arena;
    arena_init(&arena);
    Module *module;
    Diagnostic diag;
    cr_assert(parse_source(&arena, source, n + 7, PARSE_FILE, &module, &diag), "%s", diag.message);
    cr_expect_eq(module->body.items[0]->as.assign.value->as.constant.length, n);
    arena_free(&arena);
    free(source);
}

Test(parser_limits, random_junk_gives_a_diagnostic)
{
    static const char alphabet[] = "()[]{}:;,.\n \t\"'\\#fbrux0123456789.e_=+-*/%@<>!~^&|abcdef if else for in\xc3\xa9\xe2\x82\xac";
    unsigned seed = 12345;
    char source[2048];
    for (int round = 0; round < 2000; round++) {
        size_t length = 1 + (size_t)(round % 200);
        for (size_t i = 0; i < length; i++) {
            seed = seed * 1103515245u + 12345u;
            source[i] = round % 3 == 0 ? (char)(1 + (seed >> 16) % 255) : alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        Arena arena;
        arena_init(&arena);
        Module *module;
        Diagnostic diag;
        if (!parse_source(&arena, source, length, PARSE_FILE, &module, &diag)) {
            cr_expect(diag.message[0] != '\0', "round %d", round);
            cr_expect(diag.line >= 1, "round %d: %s", round, diag.message);
        }
        arena_free(&arena);
    }
}
