/* ast.c — the arena that holds every node, list and string of one parse, and the
 * push helpers of the node lists. Nothing in an arena is freed before arena_free. */
#include "ast.h"

#include <stdalign.h>

#define ARENA_BLOCK_SIZE (64 * 1024)

struct ArenaBlock {
    ArenaBlock *next;        /* older block */
    size_t used, size;       /* bytes of data handed out, and available */
    max_align_t data[];      /* max_align_t: every allocation is suitably aligned */
};

void arena_init(Arena *arena)
{
    arena->head = NULL;
}

static ArenaBlock *new_block(size_t size)
{
    ArenaBlock *block = calloc(1, sizeof(ArenaBlock) + size);
    if (block == NULL) {
        fprintf(stderr, "handoff: out of memory while parsing\n");
        abort();
    }
    block->size = size;
    return block;
}

void *arena_alloc(Arena *arena, size_t size)
{
    size_t align = alignof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0) size = align;
    ArenaBlock *head = arena->head;
    if (head != NULL && head->size - head->used >= size) {
        void *memory = (char *)head->data + head->used;
        head->used += size;
        return memory;
    }
    if (size > ARENA_BLOCK_SIZE / 4) {
        /* A large request gets a block of its own, kept behind the head so that the
         * head's free space stays in use. */
        ArenaBlock *block = new_block(size);
        block->used = size;
        if (head != NULL) {
            block->next = head->next;
            head->next = block;
        } else {
            arena->head = block;
        }
        return block->data;
    }
    ArenaBlock *block = new_block(ARENA_BLOCK_SIZE);
    block->next = head;
    arena->head = block;
    block->used = size;
    return block->data;
}

char *arena_strndup(Arena *arena, const char *text, size_t length)
{
    char *copy = arena_alloc(arena, length + 1);
    if (length > 0) memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

void arena_free(Arena *arena)
{
    ArenaBlock *block = arena->head;
    while (block != NULL) {
        ArenaBlock *next = block->next;
        free(block);
        block = next;
    }
    arena->head = NULL;
}

/* Grow a list of pointers to twice its capacity; the old items stay in the arena. */
static void *grow(Arena *arena, void *items, int count, int *capacity, size_t item_size)
{
    int grown = *capacity > 0 ? *capacity * 2 : 4;
    void *bigger = arena_alloc(arena, item_size * (size_t)grown);
    if (count > 0) memcpy(bigger, items, item_size * (size_t)count);
    *capacity = grown;
    return bigger;
}

void exprlist_push(Arena *arena, ExprList *list, Expr *item)
{
    if (list->count == list->capacity)
        list->items = grow(arena, list->items, list->count, &list->capacity, sizeof *list->items);
    list->items[list->count++] = item;
}

void stmtlist_push(Arena *arena, StmtList *list, Stmt *item)
{
    if (list->count == list->capacity)
        list->items = grow(arena, list->items, list->count, &list->capacity, sizeof *list->items);
    list->items[list->count++] = item;
}
