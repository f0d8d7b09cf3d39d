#ifndef COAUTHOR_CGRAPHVIZ_SHIM_H
#define COAUTHOR_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <math.h>
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

/* Bends every straight edge of a laid-out graph into a gentle arc (a cubic Bézier whose middle
   bulges by `bend` × the edge's length), towards the centre of the drawing so that arcs stay
   inside it; the drawing's bounding box grows to hold every control point. Runs after gvLayout
   with splines=line, in O(m): Graphviz's own splines=curved searches the graph's cycles and
   takes exponential time on dense graphs (a 30-author paper is a 30-clique; K30 took 52 s).
   Edges that are not a single 4-point segment (loops, multi-edges routed by Graphviz) are left
   alone. Returns the number of edges bent. */
static inline int cgv_bend_edges(Agraph_t *g, double bend) {
  boxf bb = GD_bb(g);
  double cx = (bb.LL.x + bb.UR.x) / 2, cy = (bb.LL.y + bb.UR.y) / 2;
  int bent = 0;
  for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
    for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
      splines *spl = ED_spl(e);
      if (!spl || spl->size != 1 || spl->list[0].size != 4) continue;
      pointf *p = spl->list[0].list;
      double dx = p[3].x - p[0].x, dy = p[3].y - p[0].y;
      double length = sqrt(dx * dx + dy * dy);
      if (length <= 0) continue;
      double nx = -dy / length, ny = dx / length;
      double mx = (p[0].x + p[3].x) / 2, my = (p[0].y + p[3].y) / 2;
      if ((cx - mx) * nx + (cy - my) * ny < 0) { nx = -nx; ny = -ny; }
      /* A cubic's midpoint is 3/4 of its control points' offset: offset them by 4/3 of the bulge. */
      double h = bend * length * 4.0 / 3.0;
      p[1].x = p[0].x + dx / 3 + nx * h; p[1].y = p[0].y + dy / 3 + ny * h;
      p[2].x = p[0].x + 2 * dx / 3 + nx * h; p[2].y = p[0].y + 2 * dy / 3 + ny * h;
      for (int i = 1; i <= 2; i++) {
        if (p[i].x < bb.LL.x) bb.LL.x = p[i].x;
        if (p[i].y < bb.LL.y) bb.LL.y = p[i].y;
        if (p[i].x > bb.UR.x) bb.UR.x = p[i].x;
        if (p[i].y > bb.UR.y) bb.UR.y = p[i].y;
      }
      bent++;
    }
  }
  GD_bb(g) = bb;
  return bent;
}

#endif
