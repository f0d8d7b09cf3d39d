#ifndef COAUTHOR_CGRAPHVIZ_SHIM_H
#define COAUTHOR_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>

/* cgraph 2.4x takes `char *` for names it never writes; const-correct entry points. */
static inline int cgv_safeset(void *obj, const char *name, const char *value, const char *fallback) {
  return agsafeset(obj, (char *)name, (char *)value, (char *)fallback);
}

/* Agdirected/Agundirected are mutable C globals, which Swift 6 rejects. */
static inline Agraph_t *cgv_open(const char *name, int directed) {
  return agopen((char *)name, directed ? Agdirected : Agundirected, NULL);
}

static inline Agraph_t *cgv_memread(const char *text) { return agmemread(text); }

static inline int cgv_layout(GVC_t *gvc, Agraph_t *g, const char *engine) {
  return gvLayout(gvc, g, engine);
}

static inline int cgv_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, unsigned int *length) {
  return gvRenderData(gvc, g, format, result, length);
}

/* Keep error messages for aglasterr() rather than printing them to stderr. */
static inline void cgv_quiet_errors(void) { agseterr(AGMAX); }

static inline const char *cgv_last_error(void) { return aglasterr(); }

/* aglasterr() returns a malloc'd copy of the last message (cgraph 2.4x); the caller frees it. */
static inline void cgv_free(void *pointer) { free(pointer); }

/* agerr is variadic, which Swift cannot call. Recording an empty warning moves aglasterr()'s
   "last message" mark to the end of the error log, so a later aglasterr() returns only what the
   next call reported (or "" when it reported nothing) instead of a stale earlier message. */
static inline void cgv_mark_errors(void) { agerr(AGWARN, "%s", ""); }

/* Layout code draws from the C library generators (drand48/rand), and not every engine reseeds
   them: sfdp and prism overlap removal in 2.4x continue from whatever state an earlier layout in
   the process left, so the picture depended on what was drawn before. Reseeding all of them
   before each gvLayout makes the layout a function of the DOT text alone. */
static inline void cgv_seed_random(long seed) {
  srand48(seed);
  srand((unsigned int)seed);
  srandom((unsigned int)seed);
}

/* The value of a graph attribute, or NULL when it is not set. */
static inline const char *cgv_graph_attribute(Agraph_t *g, const char *name) {
  return agget(g, (char *)name);
}

#endif
