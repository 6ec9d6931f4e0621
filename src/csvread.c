#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csvread.h"

struct reader {
	const char *name;
	const struct sr_csv_col *cols;
	size_t ncols;
	sr_csv_row_fn cb;
	void *ctx;
	struct sr_err *e;

	int have_header;
	int map[SR_CSV_MAX_COLUMNS];   /* file column -> caller column, -1 unused */
	size_t nfilecols;

	/* current record */
	char *fields[SR_CSV_MAX_COLUMNS];
	size_t lens[SR_CSV_MAX_COLUMNS];
	size_t nfields;
	size_t bytes;
	long rec_line;
	struct sr_err row_err;

	int stop;      /* callback asked to stop, or fatal header problem */
	int fatal;
};

int sr_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = u[i];
		size_t k;
		unsigned min, cp;

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
				goto bad;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) { k = 1; min = 0x80; cp = c & 0x1f; }
		else if (c >= 0xe0 && c <= 0xef) { k = 2; min = 0x800; cp = c & 0x0f; }
		else if (c >= 0xf0 && c <= 0xf4) { k = 3; min = 0x10000; cp = c & 0x07; }
		else goto bad;
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (u[i + j] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (u[i + j] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		i += k + 1;
	}
	return 1;
bad:
	if (bad != NULL)
		*bad = i;
	return 0;
}

static void reset_record(struct reader *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	r->nfields = 0;
	r->bytes = 0;
	sr_err_clear(&r->row_err);
}

static const char *col_label(struct reader *r, size_t filecol, char *buf, size_t n)
{
	if (r->have_header && filecol < r->nfilecols && r->map[filecol] >= 0)
		return r->cols[r->map[filecol]].name;
	snprintf(buf, n, "%zu", filecol + 1);
	return buf;
}

static void row_problem(struct reader *r, size_t filecol, const char *code, const char *fmt,
			const char *detail)
{
	char buf[24];

	if (r->row_err.code[0])
		return;  /* the first problem of a row is the one reported */
	sr_err_set(&r->row_err, code, fmt, detail);
	sr_err_where(&r->row_err, r->name, r->rec_line, col_label(r, filecol, buf, sizeof buf));
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	size_t idx = r->nfields, bad;
	char pos[32];

	if (r->stop)
		return;
	if (idx >= SR_CSV_MAX_COLUMNS) {
		/* a field-count problem like any other (README's code), no column */
		if (!r->row_err.code[0]) {
			sr_err_set(&r->row_err, "field-count", "row has more than %s fields", "64");
			sr_err_where(&r->row_err, r->name, r->rec_line, "");
		}
		return;
	}
	r->nfields++;
	r->bytes += len;
	if (len > SR_CSV_MAX_FIELD) {
		snprintf(pos, sizeof pos, "%d", SR_CSV_MAX_FIELD);
		row_problem(r, idx, "field-too-long", "field is longer than %s bytes", pos);
		len = 0;
	} else if (s != NULL && memchr(s, '\0', len) != NULL) {
		row_problem(r, idx, "nul-byte", "field contains a NUL byte%s", "");
		len = 0;
	} else if (s != NULL && !sr_utf8_valid(s, len, &bad)) {
		snprintf(pos, sizeof pos, "%zu", bad + 1);
		row_problem(r, idx, "bad-utf8",
			    "field is not valid UTF-8 text (bad byte at position %s of the field)",
			    pos);
		len = 0;
	}
	r->fields[idx] = malloc(len + 1);
	if (r->fields[idx] == NULL) {
		r->stop = r->fatal = 1;
		sr_err_set(r->e, "no-memory", "out of memory reading %s", r->name);
		return;
	}
	if (len > 0)
		memcpy(r->fields[idx], s, len);
	r->fields[idx][len] = '\0';
	r->lens[idx] = len;
}

static int take_header(struct reader *r)
{
	size_t i, j;

	r->nfilecols = r->nfields;
	for (i = 0; i < r->nfields; i++) {
		char *h = r->fields[i];
		size_t n = r->lens[i];

		/* header names are matched without surrounding spaces */
		while (n > 0 && (h[n - 1] == ' ' || h[n - 1] == '\t'))
			h[--n] = '\0';
		while (*h == ' ' || *h == '\t')
			h++, n--;
		r->map[i] = -1;
		for (j = 0; j < r->ncols; j++) {
			if (strcmp(h, r->cols[j].name) != 0)
				continue;
			for (size_t k = 0; k < i; k++)
				if (r->map[k] == (int)j)
					return sr_err_set(r->e, "duplicate-column",
							  "%s: column '%s' appears twice in the header",
							  r->name, h);
			r->map[i] = (int)j;
		}
	}
	for (j = 0; j < r->ncols; j++) {
		int found = 0;

		for (i = 0; i < r->nfilecols; i++)
			found |= r->map[i] == (int)j;
		if (!found && r->cols[j].required)
			return sr_err_set(r->e, "missing-column",
					  "%s: required column '%s' is missing from the header",
					  r->name, r->cols[j].name);
	}
	r->have_header = 1;
	return 0;
}

static void dispatch(struct reader *r, int syntax_error)
{
	const char *vals[SR_CSV_MAX_COLUMNS];
	size_t lens[SR_CSV_MAX_COLUMNS];
	struct sr_csv_row row;
	size_t i;
	char buf[64];

	memset(&row, 0, sizeof row);
	for (i = 0; i < r->ncols; i++) {
		vals[i] = "";
		lens[i] = 0;
	}
	row.attributable = !syntax_error && r->nfields == r->nfilecols;
	for (i = 0; i < r->nfields && i < r->nfilecols; i++)
		if (r->map[i] >= 0) {
			vals[r->map[i]] = r->fields[i];
			lens[r->map[i]] = r->lens[i];
		}
	if (!syntax_error && r->nfields != r->nfilecols && !r->row_err.code[0]) {
		snprintf(buf, sizeof buf, "%zu fields where the header has %zu", r->nfields,
			 r->nfilecols);
		sr_err_set(&r->row_err, "field-count", "row has %s", buf);
		sr_err_where(&r->row_err, r->name, r->rec_line, "");
	}
	row.file = r->name;
	row.line = r->rec_line;
	row.ncols = r->ncols;
	row.field = vals;
	row.len = lens;
	row.err = r->row_err;
	if (r->cb(r->ctx, &row) < 0)
		r->stop = 1;
}

static void on_row(int c, void *data)
{
	struct reader *r = data;

	(void)c;
	if (r->stop) {
		reset_record(r);
		return;
	}
	if (!r->have_header) {
		if (r->row_err.code[0]) {
			sr_err_set(r->e, r->row_err.code, "%s: header row: %s", r->name,
				   r->row_err.msg);
			r->stop = r->fatal = 1;
		} else if (take_header(r) < 0) {
			r->stop = r->fatal = 1;
		}
		reset_record(r);
		return;
	}
	dispatch(r, 0);
	reset_record(r);
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;  /* values are taken as written: no silent trimming */
}

/* A record the parser cannot split.  at_field: the problem lies in the field
 * after the ones already read (else no column is named). */
static void syntax_error(struct reader *r, struct csv_parser *p, const char *what, int at_field)
{
	char buf[24];

	sr_err_clear(&r->row_err);
	sr_err_set(&r->row_err, "csv-syntax", "%s", what);
	sr_err_where(&r->row_err, r->name, r->rec_line,
		     at_field ? col_label(r, r->nfields, buf, sizeof buf) : "");
	if (!r->have_header) {
		sr_err_set(r->e, "csv-syntax", "%s:%ld: header row: %s", r->name, r->rec_line,
			   what);
		r->stop = r->fatal = 1;
	} else {
		dispatch(r, 1);
	}
	reset_record(r);
	csv_free(p);
	csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(p, no_space);
}

int sr_csv_read(const char *path, const char *name, const struct sr_csv_col *cols,
		size_t ncols, sr_csv_row_fn cb, void *ctx, struct sr_err *e)
{
	struct reader r;
	struct csv_parser p;
	FILE *f;
	char *buf = NULL;
	size_t cap = 65536, len = 0;
	long line = 0;
	int c, rc = -1, first = 1, eof = 0, skipping = 0;

	memset(&r, 0, sizeof r);
	r.name = name;
	r.cols = cols;
	r.ncols = ncols;
	r.cb = cb;
	r.ctx = ctx;
	r.e = e;
	if (ncols > SR_CSV_MAX_COLUMNS)
		return sr_err_set(e, "internal", "too many columns");
	f = fopen(path, "rb");
	if (f == NULL)
		return sr_err_set(e, "unreadable", "%s: cannot open: %s", name, strerror(errno));
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0 ||
	    (buf = malloc(cap)) == NULL) {
		sr_err_set(e, "no-memory", "out of memory reading %s", name);
		goto out;
	}
	csv_set_space_func(&p, no_space);
	/* Feed one physical line at a time so each record knows its first line. */
	while (!eof && !r.stop) {
		len = 0;
		while ((c = getc(f)) != EOF) {
			if (len + 1 >= cap) {
				if (cap >= SR_CSV_MAX_RECORD) {
					skipping = 1;
					len = 0;
				} else {
					char *nb = realloc(buf, cap * 2);
					if (nb == NULL) {
						sr_err_set(e, "no-memory", "out of memory reading %s", name);
						goto out;
					}
					buf = nb;
					cap *= 2;
				}
			}
			buf[len++] = (char)c;
			if (c == '\n')
				break;
		}
		if (c == EOF)
			eof = 1;
		if (ferror(f)) {
			sr_err_set(e, "io", "%s: read error: %s", name, strerror(errno));
			goto out;
		}
		if (len == 0 && !skipping)
			break;
		line++;
		if (p.pstate == 0)
			r.rec_line = line;
		if (skipping) {
			skipping = 0;
			syntax_error(&r, &p, "line is longer than 1 MiB; the record was skipped", 0);
			continue;
		}
		{
			size_t off = 0;
			if (first && len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
				off = 3;
			first = 0;
			if (csv_parse(&p, buf + off, len - off, on_field, on_row, &r) != len - off)
				syntax_error(&r, &p, "malformed quoting (a quote inside an unquoted "
					     "field, or text after a closing quote)", 1);
			/* the fields read so far plus the one being read (entry_pos: its
			 * bytes; the buffer's capacity stays large after a big field) */
			else if (r.bytes + p.entry_pos > SR_CSV_MAX_RECORD)
				syntax_error(&r, &p, "record is longer than 1 MiB (an unclosed quote?)",
					     1);
		}
	}
	if (!r.stop && csv_fini(&p, on_field, on_row, &r) != 0)
		syntax_error(&r, &p, "the file ends inside a quoted field (unterminated quote)", 1);
	if (r.fatal)
		goto out;
	if (r.stop) {
		if (e != NULL && !e->code[0])
			sr_err_set(e, "stopped", "%s: reading stopped", name);
		goto out;
	}
	if (!r.have_header) {
		sr_err_set(e, "empty-file", "%s: the file is empty (no header row)", name);
		goto out;
	}
	rc = 0;
out:
	reset_record(&r);
	csv_free(&p);
	free(buf);
	if (fclose(f) != 0 && rc == 0)
		rc = sr_err_set(e, "io", "%s: close failed", name);
	return rc;
}
