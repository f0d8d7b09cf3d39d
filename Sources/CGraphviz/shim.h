#ifndef COAUTHOR_CGRAPHVIZ_SHIM_H
#define COAUTHOR_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

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

#endif
