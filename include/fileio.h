#ifndef SR_FILEIO_H
#define SR_FILEIO_H
/* Whole-file reads, SHA-256 digests, and atomic output files (temp file in the
 * same directory, fsync, rename, directory fsync). */
#include <stdio.h>
#include <stddef.h>
#include "err.h"

/* Reads a whole file into a NUL-terminated buffer (caller frees).  Files
 * larger than max bytes are refused. */
int sr_read_file(const char *path, size_t max, char **buf, size_t *len, struct sr_err *e);
/* SHA-256 of a buffer / a file, as 64 lowercase hex digits. */
void sr_sha256_hex(const void *buf, size_t len, char out[65]);
int sr_sha256_file(const char *path, char out[65], struct sr_err *e);

/* An output file being written: nothing appears under `path` until commit. */
struct sr_out {
	FILE *f;
	char path[1024];
	char tmp[1040];
};
int sr_out_open(struct sr_out *o, const char *path, struct sr_err *e);
/* Flushes, fsyncs, renames over path and fsyncs the directory. */
int sr_out_commit(struct sr_out *o, struct sr_err *e);
/* Removes the temp file (safe after commit or on a never-opened o). */
void sr_out_abort(struct sr_out *o);
/* mkdir -p */
int sr_mkdirs(const char *path, struct sr_err *e);

/* Writes one CSV field: quoted when it holds , " CR LF or starts with = + - @
 * (so a spreadsheet does not run it).  sep is written before unless first. */
void sr_csv_put(FILE *f, const char *s, int first);

#endif
