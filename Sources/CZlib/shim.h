#ifndef COAUTHOR_CZLIB_SHIM_H
#define COAUTHOR_CZLIB_SHIM_H
#include <zlib.h>

/* zlib.h may redirect gzopen to gzopen64 with a macro, and deflateInit2/inflateInit2 are macros
   (they pass ZLIB_VERSION and sizeof(z_stream)): Swift imports neither, so these are the entries. */

/* Opens `path` for reading; gzip members are decompressed, other files read as they are. */
static inline gzFile cz_open_read(const char *path) { return gzopen(path, "rb"); }

/* A deflate stream that writes the gzip wrapper (windowBits 15 + 16). */
static inline int cz_deflate_init_gzip(z_stream *stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

#endif
