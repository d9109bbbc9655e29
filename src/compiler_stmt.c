/* compiler_stmt.c — code generation for statements: assignment forms, loops,
 * try/except/finally and with (exception blocks with SETUP_FINALLY, see the
 * stack pictures below, which the VM relies on), break/continue/return through
 * those blocks, imports, and the rest of the statement list. */
#include "compiler_internal.h"

/* ------------------------------------------------------------ leaving blocks */

static void call_exit_with_nones(Compiler *c, bool is_async) {
    /* [exit] -> exit(None, None, None) -> [] */
    emit_none(c);
    emit_none(c);
    emit_none(c);
    emit_arg(c, OP_CALL, 3);
    if (is_async) emit_await(c);
    emit(c, OP_POP_TOP);
}

static void store_none_and_delete(Compiler *c, const char *name) {
    /* `except E as e`: e = None; del e (the name may already be deleted). */
    emit_none(c);
    compile_nameop(c, name, CTX_STORE);
    compile_nameop(c, name, CTX_DEL);
}

/* Undoes one block on the way out of it by break/continue/return. With
 * `preserve`, a return value sits on top of the stack and must stay there. */
static void unwind_fblock(Compiler *c, FBlock *block, bool preserve) {
    switch (block->kind) {
    case FB_WHILE_LOOP: break;
    case FB_FOR_LOOP:
        /* [it, (value)] -> [(value)] */
        if (preserve) emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP);
        break;
    case FB_TRY_EXCEPT: emit(c, OP_POP_BLOCK); break;
    case FB_FINALLY_TRY:
        /* The finally body runs here, inline; a `return` inside it drops ours. */
        emit(c, OP_POP_BLOCK);
        if (preserve) push_fblock(c, FB_POP_VALUE);
        compile_stmts(c, block->finalbody, 0);
        if (preserve) pop_fblock(c, FB_POP_VALUE);
        break;
    case FB_FINALLY_END:
        /* [prev, exc, (value)] -> [(value)]: the pending exception is dropped. */
        if (preserve) emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP);
        if (preserve) emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT);
        break;
    case FB_WITH:
    case FB_ASYNC_WITH: {
        /* [exit, enter_result, (value)] -> [(value)], calling exit(None, None, None). */
        int line = c->unit->line;
        emit(c, OP_POP_BLOCK);
        if (preserve) {
            emit_arg(c, OP_SWAP, 2);
            emit(c, OP_POP_TOP);
            emit_arg(c, OP_SWAP, 2);
        } else {
            emit(c, OP_POP_TOP);
        }
        c->unit->line = block->pos.line;
        call_exit_with_nones(c, block->kind == FB_ASYNC_WITH);
        c->unit->line = line;
        break;
    }
    case FB_HANDLER_CLEANUP:
        /* [prev, (value)] -> [(value)]: leave the handler, restoring `handled`. */
        if (block->handler_name) emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_BLOCK);
        if (preserve) emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT);
        if (block->handler_name) store_none_and_delete(c, block->handler_name);
        break;
    case FB_POP_VALUE:
        if (preserve) emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP);
        break;
    case FB_EXCEPT_STAR:
        compiler_error(c, c->unit->pos, "'break', 'continue' and 'return' cannot appear in an except* block");
        break;
    }
}

/* Unwinds blocks from the innermost out: all of them (return), or up to the
 * innermost loop, which is copied to *loop (break/continue). Each block is
 * taken off the stack while it is unwound, so that a break or return inside an
 * inlined finally body sees only the blocks outside it (as CPython). */
static void unwind_fblock_stack(Compiler *c, bool preserve, FBlock *loop, bool *found_loop) {
    Unit *u = c->unit;
    if (u->fblock_count == 0 || c->failed) return;
    FBlock top = u->fblocks[u->fblock_count - 1];
    if (loop && (top.kind == FB_WHILE_LOOP || top.kind == FB_FOR_LOOP)) {
        *loop = top;
        *found_loop = true;
        return;
    }
    u->fblock_count--;
    unwind_fblock(c, &top, preserve);
    unwind_fblock_stack(c, preserve, loop, found_loop);
    FBlock *slot = push_fblock(c, top.kind);
    *slot = top;
}

static bool compile_return(Compiler *c, Stmt *s) {
    SymScope *scope = c->unit->scope;
    Expr *value = s->as.return_.value;
    if (scope->type != BLOCK_FUNCTION) return compiler_error(c, s->pos, "'return' outside function");
    if (value && scope->is_coroutine && scope->is_generator)
        return compiler_error(c, s->pos, "'return' with value in async generator");
    /* A constant is loaded after the unwinding: nothing to keep on the stack. */
    bool preserve = value && value->kind != EXPR_CONSTANT;
    if (preserve) compile_expr(c, value);
    unwind_fblock_stack(c, preserve, NULL, NULL);
    if (value == NULL) emit_none(c);
    else if (!preserve) compile_expr(c, value);
    c->unit->line = s->pos.line;
    emit(c, OP_RETURN_VALUE);
    return !c->failed;
}

static bool compile_break_continue(Compiler *c, Stmt *s) {
    bool is_break = s->kind == STMT_BREAK;
    FBlock loop;
    bool found = false;
    unwind_fblock_stack(c, false, &loop, &found);
    if (!found)
        return compiler_error(c, s->pos, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    if (is_break) {
        unwind_fblock(c, &loop, false);
        emit_jump(c, OP_JUMP, loop.break_label);
    } else {
        emit_jump(c, OP_JUMP_BACKWARD, loop.continue_label);
    }
    return !c->failed;
}

/* A forward jump, left out where the code before cannot fall through anyway. */
static void jump_if_reachable(Compiler *c, int label) {
    if (unit_reachable(c)) emit_jump(c, OP_JUMP, label);
}

/* ------------------------------------------------------------ loops, if */

/*   <iter> GET_ITER
 * start:  FOR_ITER cleanup   ([it] -> [it, item]; exhausted: [] and jump)
 *         <store target> <body> JUMP_BACKWARD start
 * cleanup: <else body>
 * end:    (break jumps here after popping the iterator) */
static bool compile_for(Compiler *c, Stmt *s) {
    int start = new_label(c), cleanup = new_label(c), end = new_label(c);
    compile_expr(c, s->as.for_.iter);
    emit(c, OP_GET_ITER);
    bind_label(c, start);
    emit_jump(c, OP_FOR_ITER, cleanup);
    FBlock *block = push_fblock(c, FB_FOR_LOOP);
    block->continue_label = start;
    block->break_label = end;
    compile_store(c, s->as.for_.target);
    compile_stmts(c, &s->as.for_.body, 0);
    emit_jump(c, OP_JUMP_BACKWARD, start);
    pop_fblock(c, FB_FOR_LOOP);
    bind_label(c, cleanup);
    compile_stmts(c, &s->as.for_.orelse, 0);
    bind_label(c, end);
    return !c->failed;
}

/*   <iter> GET_AITER                      [ait]
 * start:  SETUP_FINALLY except            (block at [ait])
 *         GET_ANEXT; LOAD_CONST None; YIELD_FROM   [ait, item]
 *         POP_BLOCK; <store target>; <body>; JUMP_BACKWARD start
 * except: END_ASYNC_FOR                   [ait, exc] -> [] on StopAsyncIteration, else re-raise
 *         <else body>
 * end: */
static bool compile_async_for(Compiler *c, Stmt *s) {
    if (c->unit->kind != UNIT_ASYNC_FUNCTION && !compiler_top_level_await(c))
        return compiler_error(c, s->pos, "'async for' outside async function");
    int start = new_label(c), except = new_label(c), end = new_label(c);
    compile_expr(c, s->as.for_.iter);
    emit(c, OP_GET_AITER);
    bind_label(c, start);
    FBlock *block = push_fblock(c, FB_FOR_LOOP);
    block->continue_label = start;
    block->break_label = end;
    emit_jump(c, OP_SETUP_FINALLY, except);
    emit(c, OP_GET_ANEXT);
    emit_none(c);
    emit(c, OP_YIELD_FROM);
    emit(c, OP_POP_BLOCK);
    compile_store(c, s->as.for_.target);
    compile_stmts(c, &s->as.for_.body, 0);
    emit_jump(c, OP_JUMP_BACKWARD, start);
    pop_fblock(c, FB_FOR_LOOP);
    bind_label(c, except);
    c->unit->line = s->as.for_.iter->pos.line;
    emit(c, OP_END_ASYNC_FOR);
    compile_stmts(c, &s->as.for_.orelse, 0);
    bind_label(c, end);
    return !c->failed;
}

/* loop: <test> POP_JUMP_IF_FALSE orelse; <body>; JUMP_BACKWARD loop
 * orelse: <else body>   end: */
static bool compile_while(Compiler *c, Stmt *s) {
    int loop = new_label(c), orelse = new_label(c), end = new_label(c);
    bind_label(c, loop);
    FBlock *block = push_fblock(c, FB_WHILE_LOOP);
    block->continue_label = loop;
    block->break_label = end;
    compile_jump_if(c, s->as.while_.test, false, orelse);
    compile_stmts(c, &s->as.while_.body, 0);
    emit_jump(c, OP_JUMP_BACKWARD, loop);
    pop_fblock(c, FB_WHILE_LOOP);
    bind_label(c, orelse);
    compile_stmts(c, &s->as.while_.orelse, 0);
    bind_label(c, end);
    return !c->failed;
}

static bool compile_if(Compiler *c, Stmt *s) {
    int end = new_label(c);
    int next = s->as.if_.orelse.count > 0 ? new_label(c) : end;
    compile_jump_if(c, s->as.if_.test, false, next);
    compile_stmts(c, &s->as.if_.body, 0);
    if (next != end) {
        jump_if_reachable(c, end);
        bind_label(c, next);
        compile_stmts(c, &s->as.if_.orelse, 0);
    }
    bind_label(c, end);
    return !c->failed;
}

/* ------------------------------------------------------------ try */

/* try/except:
 *         SETUP_FINALLY except; <body>; POP_BLOCK; <else body>; JUMP end
 * except: [exc]
 *         SETUP_FINALLY cleanup      (block at the depth of [exc]: the slot that
 *         PUSH_EXC_INFO               becomes `prev`) -> [prev, exc]; handled = exc
 *   each handler:
 *         <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next    [prev, exc, type] -> [prev, exc]
 *         without a name: POP_TOP -> [prev]; <body>; POP_BLOCK; POP_EXCEPT; JUMP end
 *         `as e`: STORE e -> [prev]; SETUP_FINALLY e_cleanup; <body>; POP_BLOCK;
 *                 POP_BLOCK; POP_EXCEPT; e = None; del e; JUMP end
 *         e_cleanup: [prev, exc2] e = None; del e; POP_BLOCK; POP_EXCEPT_AND_RERAISE
 *   next (no handler matched): [prev, exc] POP_BLOCK; POP_EXCEPT_AND_RERAISE
 * cleanup: [prev, exc2] POP_EXCEPT_AND_RERAISE   (an exception inside a handler)
 * end: */
static bool compile_handler_body(Compiler *c, ExceptHandler *handler, int end) {
    if (handler->name == NULL) {
        emit(c, OP_POP_TOP);
        FBlock *block = push_fblock(c, FB_HANDLER_CLEANUP);
        block->handler_name = NULL;
        compile_stmts(c, &handler->body, 0);
        pop_fblock(c, FB_HANDLER_CLEANUP);
        if (unit_reachable(c)) {
            emit(c, OP_POP_BLOCK);
            emit(c, OP_POP_EXCEPT);
            emit_jump(c, OP_JUMP, end);
        }
        return !c->failed;
    }
    int name_cleanup = new_label(c);
    compile_nameop(c, handler->name, CTX_STORE);
    emit_jump(c, OP_SETUP_FINALLY, name_cleanup);
    FBlock *block = push_fblock(c, FB_HANDLER_CLEANUP);
    block->handler_name = handler->name;
    compile_stmts(c, &handler->body, 0);
    pop_fblock(c, FB_HANDLER_CLEANUP);
    if (unit_reachable(c)) {
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT);
        store_none_and_delete(c, handler->name);
        emit_jump(c, OP_JUMP, end);
    }
    bind_label(c, name_cleanup);
    store_none_and_delete(c, handler->name);
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_EXCEPT_AND_RERAISE);
    return !c->failed;
}

static bool compile_try_except(Compiler *c, Stmt *s) {
    int except = new_label(c), cleanup = new_label(c), end = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, except);
    push_fblock(c, FB_TRY_EXCEPT);
    compile_stmts(c, &s->as.try_.body, 0);
    pop_fblock(c, FB_TRY_EXCEPT);
    /* Compiled even when the body cannot fall through, so that errors in the
     * else body are reported as CPython reports them. */
    emit(c, OP_POP_BLOCK);
    compile_stmts(c, &s->as.try_.orelse, 0);
    jump_if_reachable(c, end);
    bind_label(c, except);
    emit_jump(c, OP_SETUP_FINALLY, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    HandlerList *handlers = &s->as.try_.handlers;
    for (int i = 0; i < handlers->count && !c->failed; i++) {
        ExceptHandler *handler = handlers->items[i];
        set_pos(c, handler->pos);
        if (handler->type == NULL && i < handlers->count - 1)
            return compiler_error(c, handler->pos, "default 'except:' must be last");
        int next = new_label(c);
        if (handler->type) {
            compile_expr(c, handler->type);
            emit(c, OP_CHECK_EXC_MATCH);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        compile_handler_body(c, handler, end);
        bind_label(c, next);
    }
    if (handlers->count == 0 || handlers->items[handlers->count - 1]->type != NULL) {
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT_AND_RERAISE);
    }
    bind_label(c, cleanup);
    emit(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, end);
    return !c->failed;
}

static bool compile_try_star(Compiler *c, Stmt *s);

/* try/finally:
 *          SETUP_FINALLY handler; <body>; POP_BLOCK; <finally body>; JUMP end
 * handler: [exc] SETUP_FINALLY cleanup; PUSH_EXC_INFO -> [prev, exc]
 *          <finally body>; POP_BLOCK; POP_EXCEPT_AND_RERAISE
 * cleanup: [prev, exc2] POP_EXCEPT_AND_RERAISE
 * end:
 * break/continue/return in the body run the finally body inline (FB_FINALLY_TRY). */
static bool compile_try_finally(Compiler *c, Stmt *s) {
    int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, handler);
    FBlock *block = push_fblock(c, FB_FINALLY_TRY);
    block->finalbody = &s->as.try_.finalbody;
    if (s->as.try_.handlers.count > 0 && s->as.try_.is_star) compile_try_star(c, s);
    else if (s->as.try_.handlers.count > 0) compile_try_except(c, s);
    else compile_stmts(c, &s->as.try_.body, 0);
    pop_fblock(c, FB_FINALLY_TRY);
    if (unit_reachable(c)) {
        emit(c, OP_POP_BLOCK);
        compile_stmts(c, &s->as.try_.finalbody, 0);
        jump_if_reachable(c, end);
    }
    bind_label(c, handler);
    emit_jump(c, OP_SETUP_FINALLY, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    push_fblock(c, FB_FINALLY_END);
    compile_stmts(c, &s->as.try_.finalbody, 0);
    pop_fblock(c, FB_FINALLY_END);
    if (unit_reachable(c)) {
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT_AND_RERAISE);
    }
    bind_label(c, cleanup);
    emit(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, end);
    return !c->failed;
}

/* try/except* (as CPython 3.11):
 *          SETUP_FINALLY except; <body>; POP_BLOCK; <else>; JUMP end
 * except:  [exc] SETUP_FINALLY cleanup; PUSH_EXC_INFO    [prev, orig]
 *          BUILD_LIST 0; COPY 2                          [prev, orig, raised, rest]
 * each clause:
 *          <type>; CHECK_EG_MATCH                        [.., rest', match]
 *          COPY 1; LOAD_CONST None; IS_OP; POP_JUMP_IF_TRUE no_match
 *          STORE name | POP_TOP                          [prev, orig, raised, rest']
 *          SETUP_FINALLY failed; <clause body>; POP_BLOCK; (name = None; del name); JUMP next
 * failed:  [.., rest', exc2] (name = None; del name); LIST_APPEND 2; JUMP next
 * no_match: POP_TOP
 * next:    ...
 * then:    LIST_APPEND 1; PREP_RERAISE_STAR              [prev, to_raise]
 *          COPY 1; LOAD_CONST None; IS_OP; POP_JUMP_IF_FALSE reraise
 *          POP_TOP; POP_BLOCK; POP_EXCEPT; JUMP end
 * reraise: POP_BLOCK; POP_EXCEPT_AND_RERAISE
 * cleanup: [prev, exc] POP_EXCEPT_AND_RERAISE */
static void jump_if_none(Compiler *c, int target, bool when_none) {
    emit_arg(c, OP_COPY, 1);
    emit_none(c);
    emit_arg(c, OP_IS_OP, 0);
    emit_jump(c, when_none ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target);
}

static void compile_star_clause(Compiler *c, ExceptHandler *handler) {
    int no_match = new_label(c), failed = new_label(c), next = new_label(c);
    set_pos(c, handler->pos);
    compile_expr(c, handler->type);
    emit(c, OP_CHECK_EG_MATCH);
    jump_if_none(c, no_match, true);
    if (handler->name) compile_nameop(c, handler->name, CTX_STORE);
    else emit(c, OP_POP_TOP);
    emit_jump(c, OP_SETUP_FINALLY, failed);
    push_fblock(c, FB_EXCEPT_STAR);
    compile_stmts(c, &handler->body, 0);
    pop_fblock(c, FB_EXCEPT_STAR);
    if (unit_reachable(c)) {
        emit(c, OP_POP_BLOCK);
        if (handler->name) store_none_and_delete(c, handler->name);
        emit_jump(c, OP_JUMP, next);
    }
    bind_label(c, failed);
    if (handler->name) store_none_and_delete(c, handler->name);
    emit_arg(c, OP_LIST_APPEND, 2);
    emit_jump(c, OP_JUMP, next);
    bind_label(c, no_match);
    emit(c, OP_POP_TOP);
    bind_label(c, next);
}

static bool compile_try_star(Compiler *c, Stmt *s) {
    int except = new_label(c), cleanup = new_label(c), reraise = new_label(c), end = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, except);
    push_fblock(c, FB_TRY_EXCEPT);
    compile_stmts(c, &s->as.try_.body, 0);
    pop_fblock(c, FB_TRY_EXCEPT);
    emit(c, OP_POP_BLOCK);
    compile_stmts(c, &s->as.try_.orelse, 0);
    jump_if_reachable(c, end);
    bind_label(c, except);
    emit_jump(c, OP_SETUP_FINALLY, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    emit_arg(c, OP_BUILD_LIST, 0);
    emit_arg(c, OP_COPY, 2);
    HandlerList *handlers = &s->as.try_.handlers;
    for (int i = 0; i < handlers->count && !c->failed; i++) {
        if (handlers->items[i]->type == NULL)
            return compiler_error(c, handlers->items[i]->pos, "expected one or more exception types");
        compile_star_clause(c, handlers->items[i]);
    }
    emit_arg(c, OP_LIST_APPEND, 1);
    emit(c, OP_PREP_RERAISE_STAR);
    jump_if_none(c, reraise, false);
    emit(c, OP_POP_TOP);
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_EXCEPT);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, reraise);
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, cleanup);
    emit(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, end);
    return !c->failed;
}

static bool compile_try(Compiler *c, Stmt *s) {
    if (s->as.try_.finalbody.count > 0) return compile_try_finally(c, s);
    if (s->as.try_.is_star) return compile_try_star(c, s);
    return compile_try_except(c, s);
}

/* ------------------------------------------------------------ with */

/* with cm as target: <body>     (async with: the marked awaits are added)
 *          <cm>; BEFORE_WITH                  [exit, enter_result]
 *          (async: BEFORE_ASYNC_WITH; GET_AWAITABLE; LOAD_CONST None; YIELD_FROM)
 *          SETUP_FINALLY handler             (block at [exit, enter_result])
 *          [COPY 1; <store target>]; <body>  (enter_result stays on the stack, so that
 *          POP_BLOCK; POP_TOP                 a failing target store also reaches __exit__)
 *          LOAD_CONST None x3; CALL 3; (await); POP_TOP; JUMP end
 * handler: [exit, enter_result, exc] SWAP 2; POP_TOP -> [exit, exc]
 *          SETUP_FINALLY cleanup             (block at [exit, exc]: exc's slot becomes prev)
 *          PUSH_EXC_INFO                      [exit, prev, exc]
 *          WITH_EXCEPT_START; (await)         [exit, prev, exc, r]
 *          POP_JUMP_IF_TRUE suppress          [exit, prev, exc]
 *          POP_BLOCK; POP_EXCEPT_AND_RERAISE  (exit is left below: the next handler cuts it)
 * suppress: [exit, prev, exc] POP_BLOCK; POP_TOP; POP_EXCEPT; POP_TOP; JUMP end
 * cleanup: [exit, prev, exc2] POP_EXCEPT_AND_RERAISE   (__exit__ itself raised)
 * end:
 * Several items nest: `with a, b:` is `with a: with b:`. */
static bool compile_with_item(Compiler *c, Stmt *s, int index) {
    WithItem *item = s->as.with.items.items[index];
    bool is_async = s->as.with.is_async;
    int handler = new_label(c), cleanup = new_label(c), suppress = new_label(c), end = new_label(c);
    compile_expr(c, item->context_expr);
    set_pos(c, s->pos);
    if (is_async) {
        emit(c, OP_BEFORE_ASYNC_WITH);
        emit_await(c);
    } else {
        emit(c, OP_BEFORE_WITH);
    }
    emit_jump(c, OP_SETUP_FINALLY, handler);
    FBlock *block = push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH);
    block->pos = s->pos;
    if (item->optional_vars) {
        emit_arg(c, OP_COPY, 1);
        compile_store(c, item->optional_vars);
    }
    if (index + 1 < s->as.with.items.count) compile_with_item(c, s, index + 1);
    else compile_stmts(c, &s->as.with.body, 0);
    pop_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH);
    set_pos(c, s->pos);
    if (unit_reachable(c)) {
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_TOP);
        call_exit_with_nones(c, is_async);
        emit_jump(c, OP_JUMP, end);
    }
    bind_label(c, handler);
    emit_arg(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP);
    emit_jump(c, OP_SETUP_FINALLY, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    emit(c, OP_WITH_EXCEPT_START);
    if (is_async) emit_await(c);
    emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, suppress);
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_TOP);
    emit(c, OP_POP_EXCEPT);
    emit(c, OP_POP_TOP);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, end);
    return !c->failed;
}

static bool compile_with(Compiler *c, Stmt *s) {
    if (s->as.with.is_async && c->unit->kind != UNIT_ASYNC_FUNCTION && !compiler_top_level_await(c))
        return compiler_error(c, s->pos, "'async with' outside async function");
    return compile_with_item(c, s, 0);
}

/* ------------------------------------------------------------ assignment */

/* A tuple or list display without `*x`. */
static bool is_plain_sequence(Expr *e) {
    if (e->kind != EXPR_TUPLE && e->kind != EXPR_LIST) return false;
    for (int i = 0; i < e->as.list.elts.count; i++)
        if (e->as.list.elts.items[i]->kind == EXPR_STARRED) return false;
    return true;
}

static bool compile_assign(Compiler *c, Stmt *s) {
    ExprList *targets = &s->as.assign.targets;
    Expr *value = s->as.assign.value;
    /* a, b = b, a: no tuple is built, the values are swapped on the stack (as
     * CPython 3.11's optimizer does for two or three names). */
    if (targets->count == 1 && is_plain_sequence(targets->items[0]) && is_plain_sequence(value) &&
        value->as.list.ctx == CTX_LOAD) {
        int n = value->as.list.elts.count;
        if (n >= 2 && n <= 3 && targets->items[0]->as.list.elts.count == n) {
            compile_exprs(c, &value->as.list.elts);
            emit_arg(c, OP_SWAP, n);
            for (int i = 0; i < n; i++) compile_store(c, targets->items[0]->as.list.elts.items[i]);
            return !c->failed;
        }
    }
    compile_expr(c, value);
    for (int i = 0; i < targets->count; i++) {
        if (i < targets->count - 1) emit_arg(c, OP_COPY, 1);
        compile_store(c, targets->items[i]);
    }
    return !c->failed;
}

/* x op= v. For a.b and a[k] the container and key are evaluated once:
 *   a.b:  <a>; COPY 1; LOAD_ATTR b; <v>; BINARY_OP; SWAP 2; STORE_ATTR b
 *   a[k]: <a>; <k>; COPY 2; COPY 2; BINARY_SUBSCR; <v>; BINARY_OP; SWAP 3; SWAP 2; STORE_SUBSCR */
static bool compile_augassign(Compiler *c, Stmt *s) {
    Expr *target = s->as.augassign.target;
    int op = OPR_INPLACE_BASE + (int)s->as.augassign.op;
    switch (target->kind) {
    case EXPR_NAME:
        compile_nameop(c, target->as.name.id, CTX_LOAD);
        compile_expr(c, s->as.augassign.value);
        emit_arg(c, OP_BINARY_OP, op);
        compile_nameop(c, target->as.name.id, CTX_STORE);
        break;
    case EXPR_ATTRIBUTE: {
        const char *attr = mangle(c, target->as.attribute.attr);
        compile_expr(c, target->as.attribute.value);
        emit_arg(c, OP_COPY, 1);
        emit_name(c, OP_LOAD_ATTR, attr);
        compile_expr(c, s->as.augassign.value);
        emit_arg(c, OP_BINARY_OP, op);
        emit_arg(c, OP_SWAP, 2);
        emit_name(c, OP_STORE_ATTR, attr);
        break;
    }
    case EXPR_SUBSCRIPT:
        compile_expr(c, target->as.subscript.value);
        compile_expr(c, target->as.subscript.slice);
        emit_arg(c, OP_COPY, 2);
        emit_arg(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR);
        compile_expr(c, s->as.augassign.value);
        emit_arg(c, OP_BINARY_OP, op);
        emit_arg(c, OP_SWAP, 3);
        emit_arg(c, OP_SWAP, 2);
        emit(c, OP_STORE_SUBSCR);
        break;
    default: return compiler_error(c, target->pos, "illegal expression for augmented assignment");
    }
    return !c->failed;
}

/* x: T = v assigns; the annotation T is never evaluated (CPython evaluates it
 * and, at module and class level, stores it in __annotations__: handoff accepts
 * annotations and ignores them). Without a value, a.b / a[k] targets still
 * evaluate a (and k), as CPython does. */
/* In a class body, __annotations__[name] = the annotation (as CPython; its
 * text when `from __future__ import annotations` is in force, for a name or string). */
static void store_class_annotation(Compiler *c, Stmt *s) {
    Expr *target = s->as.annassign.target, *annotation = s->as.annassign.annotation;
    if (c->future_annotations) {
        const char *text = annotation->kind == EXPR_NAME ? annotation->as.name.id : "...";
        if (annotation->kind == EXPR_CONSTANT && annotation->as.constant.kind == CONST_STR) {
            emit_const(c, str_constant(c, annotation->as.constant.text, annotation->as.constant.length));
        } else {
            emit_const(c, str_constant(c, text, strlen(text)));
        }
    } else {
        compile_expr(c, annotation);
    }
    compile_nameop(c, "__annotations__", CTX_LOAD);
    emit_const(c, str_constant(c, target->as.name.id, strlen(target->as.name.id)));
    emit(c, OP_STORE_SUBSCR);
}

static bool compile_annassign(Compiler *c, Stmt *s) {
    Expr *target = s->as.annassign.target;
    bool class_annotation = c->unit->kind == UNIT_CLASS && c->unit->has_annotations &&
                            s->as.annassign.simple && target->kind == EXPR_NAME;
    if (s->as.annassign.value) {
        compile_expr(c, s->as.annassign.value);
        compile_store(c, target);
        if (class_annotation) store_class_annotation(c, s);
        return !c->failed;
    }
    if (class_annotation) {
        store_class_annotation(c, s);
        return !c->failed;
    }
    if (target->kind == EXPR_ATTRIBUTE) {
        compile_expr(c, target->as.attribute.value);
        emit(c, OP_POP_TOP);
    } else if (target->kind == EXPR_SUBSCRIPT) {
        compile_expr(c, target->as.subscript.value);
        emit(c, OP_POP_TOP);
        Expr *slice = target->as.subscript.slice;
        if (slice->kind == EXPR_SLICE) {
            Expr *parts[3] = {slice->as.slice.lower, slice->as.slice.upper, slice->as.slice.step};
            for (int i = 0; i < 3; i++)
                if (parts[i]) {
                    compile_expr(c, parts[i]);
                    emit(c, OP_POP_TOP);
                }
        } else {
            compile_expr(c, slice);
            emit(c, OP_POP_TOP);
        }
    }
    return !c->failed;
}

/* ------------------------------------------------------------ imports */

/* IMPORT_NAME "a.b" pushes the module a.b itself. `import a.b` binds `a`, so it
 * imports a.b (loading it) and then binds the top-level module `a`. */
static bool compile_import(Compiler *c, Stmt *s) {
    for (int i = 0; i < s->as.import.names.count; i++) {
        Alias *alias = s->as.import.names.items[i];
        set_pos(c, alias->pos);
        emit_name(c, OP_IMPORT_NAME, alias->name);
        if (alias->asname) {
            compile_nameop(c, alias->asname, CTX_STORE);
            continue;
        }
        const char *dot = strchr(alias->name, '.');
        if (dot == NULL) {
            compile_nameop(c, alias->name, CTX_STORE);
            continue;
        }
        const char *top = arena_strndup(&c->arena, alias->name, (size_t)(dot - alias->name));
        emit(c, OP_POP_TOP);
        emit_name(c, OP_IMPORT_NAME, top);
        compile_nameop(c, top, CTX_STORE);
    }
    return !c->failed;
}

/* from m import x, y as z:  IMPORT_NAME m; IMPORT_FROM x; STORE x; IMPORT_FROM y; STORE z; POP_TOP
 * from m import *:          IMPORT_NAME m; IMPORT_STAR */
static bool compile_importfrom(Compiler *c, Stmt *s) {
    if (s->as.importfrom.level > 0)
        return compiler_error(c, s->pos, "handoff has no packages: relative imports are not supported");
    AliasList *names = &s->as.importfrom.names;
    emit_name(c, OP_IMPORT_NAME, s->as.importfrom.module);
    if (names->count == 1 && strcmp(names->items[0]->name, "*") == 0) {
        emit(c, OP_IMPORT_STAR);
        return !c->failed;
    }
    for (int i = 0; i < names->count; i++) {
        Alias *alias = names->items[i];
        set_pos(c, alias->pos);
        emit_name(c, OP_IMPORT_FROM, alias->name);
        compile_nameop(c, alias->asname ? alias->asname : alias->name, CTX_STORE);
    }
    emit(c, OP_POP_TOP);
    return !c->failed;
}

/* ------------------------------------------------------------ the rest */

static bool compile_raise(Compiler *c, Stmt *s) {
    int count = 0;
    if (s->as.raise.exc) {
        compile_expr(c, s->as.raise.exc);
        count = 1;
        if (s->as.raise.cause) {
            compile_expr(c, s->as.raise.cause);
            count = 2;
        }
    }
    emit_arg(c, OP_RAISE_VARARGS, count);
    return !c->failed;
}

/* assert test, msg:  <test> POP_JUMP_IF_TRUE end; LOAD_ASSERTION_ERROR;
 *                    [<msg>; CALL 1]; RAISE_VARARGS 1; end: */
static bool compile_assert(Compiler *c, Stmt *s) {
    int end = new_label(c);
    compile_jump_if(c, s->as.assert_.test, true, end);
    emit(c, OP_LOAD_ASSERTION_ERROR);
    if (s->as.assert_.msg) {
        compile_expr(c, s->as.assert_.msg);
        emit_arg(c, OP_CALL, 1);
    }
    emit_arg(c, OP_RAISE_VARARGS, 1);
    bind_label(c, end);
    return !c->failed;
}

static bool compile_expr_stmt(Compiler *c, Stmt *s) {
    Expr *value = s->as.expr.value;
    /* At the prompt, every module-level expression statement shows its value. */
    if (c->interactive && c->depth == 1) {
        compile_expr(c, value);
        emit(c, OP_PRINT_EXPR);
        return !c->failed;
    }
    if (value->kind == EXPR_CONSTANT && value->as.constant.kind != CONST_IMAG &&
        value->as.constant.kind != CONST_BYTES)
        return true; /* a lone constant (a docstring elsewhere, `...`) does nothing */
    compile_expr(c, value);
    emit(c, OP_POP_TOP);
    return !c->failed;
}

bool compile_stmt(Compiler *c, Stmt *s) {
    if (c->failed || compiler_too_deep(c)) return false;
    set_pos(c, s->pos);
    switch (s->kind) {
    case STMT_FUNCTIONDEF: return compile_function(c, s);
    case STMT_CLASSDEF: return compile_class(c, s);
    case STMT_RETURN: return compile_return(c, s);
    case STMT_DELETE:
        for (int i = 0; i < s->as.delete_.targets.count; i++)
            if (!compile_delete(c, s->as.delete_.targets.items[i])) return false;
        return !c->failed;
    case STMT_ASSIGN: return compile_assign(c, s);
    case STMT_AUGASSIGN: return compile_augassign(c, s);
    case STMT_ANNASSIGN: return compile_annassign(c, s);
    case STMT_FOR: return s->as.for_.is_async ? compile_async_for(c, s) : compile_for(c, s);
    case STMT_WHILE: return compile_while(c, s);
    case STMT_IF: return compile_if(c, s);
    case STMT_WITH: return compile_with(c, s);
    case STMT_RAISE: return compile_raise(c, s);
    case STMT_TRY: return compile_try(c, s);
    case STMT_ASSERT: return compile_assert(c, s);
    case STMT_IMPORT: return compile_import(c, s);
    case STMT_IMPORTFROM: return compile_importfrom(c, s);
    case STMT_EXPR: return compile_expr_stmt(c, s);
    case STMT_BREAK:
    case STMT_CONTINUE: return compile_break_continue(c, s);
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
    case STMT_PASS: return true;
    }
    return !c->failed;
}

bool compile_stmts(Compiler *c, StmtList *list, int start) {
    for (int i = start; i < list->count; i++)
        if (!compile_stmt(c, list->items[i])) return false;
    return !c->failed;
}
