#ifndef SR_CSVREAD_H
#define SR_CSVREAD_H
/* Streaming RFC 4180 reader on libcsv: header row matched by name, UTF-8 BOM,
 * CRLF or LF, quoted commas, quotes and newlines.  Every row carries the line
 * it starts on; every problem names file, line and column. */
#include <stddef.h>
#include "err.h"

#define SR_CSV_MAX_FIELD   65536     /* bytes in one field */
#define SR_CSV_MAX_COLUMNS 64        /* fields in one row */
#define SR_CSV_MAX_RECORD  1048576   /* bytes in one record (all its lines) */

struct sr_csv_col {
	const char *name;  /* header name */
	int required;      /* missing required column = fatal for the file */
};

/* One data row, fields in the order of the caller's column list.  An absent
 * optional column reads as "".  Valid only during the callback. */
struct sr_csv_row {
	const char *file;       /* display name of the file */
	long line;              /* line on which the record starts (header = 1) */
	size_t ncols;
	const char **field;     /* NUL-terminated values */
	const size_t *len;
	/* A problem the reader found in this row (bad UTF-8, NUL byte, oversize
	 * field, wrong field count, CSV syntax): code[0] != 0.  field[] may then
	 * be partly filled (unparsed fields read as ""), so the caller can still
	 * name the customer when the customer column is intact. */
	struct sr_err err;
	int attributable;       /* fields could be split: field[] are this row's */
};

/* Called once per data row; return 0 to go on, negative to stop the read
 * (the error is then the callback's). */
typedef int (*sr_csv_row_fn)(void *ctx, const struct sr_csv_row *row);

/* Reads `path` (shown as `name` in messages), matching header names against
 * cols[0..ncols).  Returns 0 when the whole file was read (row problems went to
 * the callback), negative on a fatal problem (unreadable file, empty file,
 * missing/duplicate column, I/O error), described in e. */
int sr_csv_read(const char *path, const char *name, const struct sr_csv_col *cols,
		size_t ncols, sr_csv_row_fn cb, void *ctx, struct sr_err *e);

/* 1 if s[0..n) is valid UTF-8 without NUL and without C0 controls other than
 * tab, CR and LF; else 0 and *bad = byte offset of the first bad byte. */
int sr_utf8_valid(const char *s, size_t n, size_t *bad);

#endif
