#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "civil.h"
#include "fileio.h"
#include "pdf.h"

/* A4 in points, margins, type sizes. */
#define PAGE_W 595.276f
#define PAGE_H 841.89f
#define MARGIN 42.0f
#define TOP 36.0f            /* from the top edge to the first line */
#define BOTTOM 44.0f         /* room for the footer */
#define BODY 9.0f
#define SMALL 7.5f
#define LEAD 1.25f           /* line height / type size */

/* A page's content stream, written by hand: libharu's text operators go
 * through a per-character glyph lookup and a UTF-8 CMap encoder that cost more
 * than the rest of the report. */
struct buf {
	char *p;
	size_t n, cap;
	int oom;
	float tf;                 /* type size of the last Tf (0: none yet) */
	int bt;                   /* inside a text object (BT) */
	float tx, ty;             /* its current line origin */
};

struct doc {
	HPDF_Doc pdf;
	struct libdeflate_compressor *z;
	HPDF_Dict font;           /* the Type0 font of the report's subset */
	HPDF_Page *pages;
	struct buf *content;      /* per page */
	size_t npages;
	struct buf *b;            /* the current page's content */
	float y;                  /* current baseline position from the bottom */
	struct sr_err *e;
	HPDF_STATUS first_error;  /* libharu errors are sticky: keep the first */
	HPDF_STATUS first_detail;
	int oom;
	struct sr_subset sub;     /* the report's characters, glyphs and widths */
	const struct sr_report *r;
	const struct sr_rpt_product *table_of;  /* table being drawn (header repeat) */
	struct raw *raws;         /* streams written by raw_stream, freed after saving */
};

static void on_error(HPDF_STATUS err, HPDF_STATUS detail, void *data)
{
	struct doc *d = data;

	if (d->first_error == 0) {
		d->first_error = err;
		d->first_detail = detail;
	}
}

/* ---- text measurement ---- */

/* Width of one character in 1/1000 em, from the subset's metrics. */
static int cp_width(struct doc *d, uint32_t cp, const char *bytes, size_t len)
{
	long i = sr_subset_index(&d->sub, cp);

	(void)bytes;
	(void)len;
	return i >= 0 ? d->sub.adv[i] : 0;
}

static float text_width(struct doc *d, const char *s, size_t len, float size)
{
	long w = 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = sr_utf8_next(s + i, &cp);
		w += cp_width(d, cp, s + i, k);
		i += k;
	}
	return (float)w * size / 1000.0f;
}

static int wide(uint32_t cp)
{
	return cp >= 0x2e80;  /* CJK and full-width forms break anywhere */
}

/* The length in bytes of the longest prefix of s that fits in maxw, breaking
 * at a space or between CJK characters; at least one character. */
static size_t fit(struct doc *d, const char *s, float maxw, float size)
{
	size_t i = 0, brk = 0;
	long w = 0, limit = (long)(maxw * 1000.0f / size);

	while (s[i] && s[i] != '\n') {
		uint32_t cp;
		size_t k = sr_utf8_next(s + i, &cp);
		long cw = cp_width(d, cp, s + i, k);
		if (w + cw > limit && i > 0)
			return brk > 0 ? brk : i;
		w += cw;
		if (cp == ' ' || wide(cp))
			brk = i + k;  /* a break after a space or a CJK character */
		i += k;
		/* a CJK character may also start the next line */
		if (s[i]) {
			uint32_t nx;
			sr_utf8_next(s + i, &nx);
			if (wide(nx))
				brk = i;
		}
	}
	return i;
}

/* ---- content streams ---- */

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n > b->cap) {
		size_t nc = b->cap ? b->cap : 4096;
		char *np;
		while (nc < b->n + n)
			nc *= 2;
		np = realloc(b->p, nc);
		if (np == NULL) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = nc;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* A number with at most two decimals, then a space. */
static void num(struct buf *b, float v)
{
	char t[32];
	size_t o = sizeof t;
	long c = (long)(v * 100.0f + (v < 0 ? -0.5f : 0.5f));
	int neg = c < 0, frac;

	if (neg)
		c = -c;
	frac = (int)(c % 100);
	c /= 100;
	t[--o] = ' ';
	if (frac != 0) {
		if (frac % 10 != 0)
			t[--o] = (char)('0' + frac % 10);
		t[--o] = (char)('0' + frac / 10);
		t[--o] = '.';
	}
	do {
		t[--o] = (char)('0' + c % 10);
		c /= 10;
	} while (c > 0);
	if (neg && (frac != 0 || t[o] != '0' || t[o + 1] != ' '))
		t[--o] = '-';
	put(b, t + o, sizeof t - o);
}

static float round2(float v)
{
	return (float)(long)(v * 100.0f + (v < 0 ? -0.5f : 0.5f)) / 100.0f;
}

/* Ends the text object in progress: paths are drawn outside BT/ET. */
static void gfx(struct buf *b)
{
	if (b->bt) {
		puts_(b, "ET\n");
		b->bt = 0;
	}
}

/* A graphics operator sequence. */
static void gop(struct buf *b, const char *s)
{
	gfx(b);
	puts_(b, s);
}

static void op_rect(struct buf *b, float x, float y, float w, float h)
{
	gfx(b);
	num(b, x);
	num(b, y);
	num(b, w);
	num(b, h);
	puts_(b, "re\n");
}

static void op_rgb(struct buf *b, float r, float g, float bl, int stroke)
{
	gfx(b);
	num(b, r);
	num(b, g);
	num(b, bl);
	puts_(b, stroke ? "RG\n" : "rg\n");
}

static void op_line(struct buf *b, float x0, float y0, float x1, float y1)
{
	gfx(b);
	num(b, x0);
	num(b, y0);
	puts_(b, "m ");
	num(b, x1);
	num(b, y1);
	puts_(b, "l S\n");
}

/* ---- pages ---- */

static void new_page(struct doc *d)
{
	HPDF_Page *nv = realloc(d->pages, (d->npages + 1) * sizeof *nv);
	struct buf *nb;

	if (nv == NULL) {
		d->oom = 1;
		return;
	}
	d->pages = nv;
	nb = realloc(d->content, (d->npages + 1) * sizeof *nb);
	if (nb == NULL) {
		d->oom = 1;
		return;
	}
	d->content = nb;
	memset(&d->content[d->npages], 0, sizeof *d->content);
	d->pages[d->npages] = HPDF_AddPage(d->pdf);
	HPDF_Page_SetSize(d->pages[d->npages], HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	d->b = &d->content[d->npages++];
	d->y = PAGE_H - TOP;
}

/* Draws s[0..len) in the report font: each character as the 2-byte glyph id of
 * the subset (Identity-H), in a literal string. */
static void draw_text(struct doc *d, float x, float y, float size, const char *s, size_t len)
{
	char buf[4 * 2048 + 8];
	size_t o = 0;
	struct buf *b = d->b;

	if (size != b->tf) {
		puts_(b, "/F1 ");
		num(b, size);
		puts_(b, "Tf\n");
		b->tf = size;
	}
	/* consecutive texts share a text object, each placed relative to the
	 * last */
	if (!b->bt) {
		puts_(b, "BT ");
		b->bt = 1;
		b->tx = b->ty = 0;
	}
	x = round2(x);
	y = round2(y);
	num(b, x - b->tx);
	num(b, y - b->ty);
	b->tx = x;
	b->ty = y;
	puts_(b, "Td (");
	for (size_t i = 0; i < len && o + 8 < sizeof buf;) {
		uint32_t cp;
		long k;
		i += sr_utf8_next(s + i, &cp);
		k = sr_subset_index(&d->sub, cp);
		unsigned g = k >= 0 ? d->sub.gid[k] : 0;
		unsigned char c[2] = {(unsigned char)(g >> 8), (unsigned char)g};
		for (int j = 0; j < 2; j++) {
			/* a literal string: escape the delimiters and the line ends */
			if (c[j] == '(' || c[j] == ')' || c[j] == '\\') {
				buf[o++] = '\\';
				buf[o++] = (char)c[j];
			} else if (c[j] == '\r') {
				buf[o++] = '\\';
				buf[o++] = 'r';
			} else if (c[j] == '\n') {
				buf[o++] = '\\';
				buf[o++] = 'n';
			} else {
				buf[o++] = (char)c[j];
			}
		}
	}
	put(b, buf, o);
	puts_(b, ") Tj\n");
}

static void table_header(struct doc *d);

/* Makes room for h points, starting a new page (and repeating the header of
 * a table being drawn) when needed. */
static void need(struct doc *d, float h)
{
	if (d->y - h >= BOTTOM)
		return;
	new_page(d);
	if (d->table_of != NULL)
		table_header(d);
}

/* A paragraph wrapped to width w at x; returns the height used. */
static void paragraph(struct doc *d, float x, float w, float size, const char *s)
{
	float lh = size * LEAD;

	while (*s) {
		size_t n = fit(d, s, w, size);
		need(d, lh);
		d->y -= lh;
		draw_text(d, x, d->y + lh - size, size, s, n);
		s += n;
		while (*s == ' ' || *s == '\n')
			s++;
	}
}

static int line_count(struct doc *d, float w, float size, const char *s)
{
	int n = 0;

	while (*s) {
		s += fit(d, s, w, size);
		while (*s == ' ' || *s == '\n')
			s++;
		n++;
	}
	return n ? n : 1;
}

/* ---- the table ---- */

static const float col_w[8] = {0.17f, 0.15f, 0.09f, 0.09f, 0.11f, 0.13f, 0.12f, 0.14f};
static const int col_right[8] = {0, 0, 1, 1, 1, 0, 1, 1};
#define TABLE_W (PAGE_W - 2 * MARGIN)
#define CELL_PAD 2.0f

static void cells(struct doc *d, const char *const v[8], float size, int header, int emph)
{
	float lh = size * LEAD, h, x = MARGIN;
	int lines = 1;

	for (int i = 0; i < 8; i++) {
		int n = line_count(d, col_w[i] * TABLE_W - 2 * CELL_PAD, size, v[i]);
		if (n > lines)
			lines = n;
	}
	h = lines * lh + 2 * CELL_PAD;
	need(d, h);
	if (header || emph) {
		op_rgb(d->b, header ? 0.88f : 1.0f, header ? 0.90f : 0.94f, header ? 0.93f : 0.90f, 0);
		op_rect(d->b, MARGIN, d->y - h, TABLE_W, h);
		gop(d->b, "f 0 g\n");
	}
	gop(d->b, "0.3 w 0.7 G\n");
	op_line(d->b, MARGIN, d->y - h, MARGIN + TABLE_W, d->y - h);
	for (int i = 0; i < 8; i++) {
		float cw = col_w[i] * TABLE_W - 2 * CELL_PAD, yy = d->y - CELL_PAD;
		const char *s = v[i];
		while (*s) {
			size_t n = fit(d, s, cw, size);
			float tw = text_width(d, s, n, size);
			yy -= lh;
			draw_text(d, col_right[i] && !header ? x + CELL_PAD + cw - tw : x + CELL_PAD,
				  yy + lh - size, size, s, n);
			s += n;
			while (*s == ' ')
				s++;
		}
		x += col_w[i] * TABLE_W;
	}
	d->y -= h;
}

static void table_header(struct doc *d)
{
	const char *v[8];

	for (int i = 0; i < 8; i++)
		v[i] = d->r->col[i];
	cells(d, v, SMALL, 1, 0);
}

static void table(struct doc *d, const struct sr_rpt_product *p)
{
	need(d, 40);
	d->y -= 4;
	d->table_of = p;
	table_header(d);
	for (size_t i = 0; i < p->nrows; i++) {
		const struct sr_rpt_row *r = &p->rows[i];
		const char *v[8] = {r->resource, r->metric, r->service, r->unavailable,
				    r->availability, r->band, r->fee, r->compensation};
		cells(d, v, SMALL, 0, r->below);
	}
	d->table_of = NULL;
	d->y -= 6;
}

/* ---- the chart: unavailable minutes per day, allowance dashed ---- */

static void chart(struct doc *d, const struct sr_rpt_product *p)
{
	const float h = 70, w = TABLE_W, x0 = MARGIN;
	int64_t top = p->allowance;
	float bw, y0;
	char lab[32];

	for (int i = 0; i < p->ndays; i++)
		if (p->per_day[i] > top)
			top = p->per_day[i];
	if (top <= 0)
		top = 1;
	need(d, h + 30);
	paragraph(d, MARGIN, TABLE_W, SMALL, p->chart_title);
	y0 = d->y - h - 4;
	bw = w / (float)p->ndays;
	gop(d->b, "0.6 G 0.4 w\n");
	op_rect(d->b, x0, y0, w, h);
	gop(d->b, "S\n");
	op_rgb(d->b, 0.80f, 0.25f, 0.20f, 0);
	{
		int bars = 0;
		for (int i = 0; i < p->ndays; i++)
			if (p->per_day[i] > 0) {
				float bh = (float)p->per_day[i] / (float)top * (h - 6);
				op_rect(d->b, x0 + i * bw + 1, y0, bw - 2, bh);
				bars++;
			}
		if (bars > 0)
			gop(d->b, "f\n");
	}
	gop(d->b, "0 g\n");
	if (p->allowance > 0) {
		float ay = y0 + (float)p->allowance / (float)top * (h - 6);
		gop(d->b, "[3 2] 0 d\n");
		op_rgb(d->b, 0.1f, 0.3f, 0.7f, 1);
		op_line(d->b, x0, ay, x0 + w, ay);
		gop(d->b, "[] 0 d 0 G\n");
	}
	for (int i = 0; i < p->ndays; i += (i == 0 ? 4 : 5)) {
		snprintf(lab, sizeof lab, "%d", i + 1);
		draw_text(d, x0 + i * bw + 1, y0 - 8, 6, lab, strlen(lab));
	}
	snprintf(lab, sizeof lab, "%lld", (long long)top);
	draw_text(d, x0 + w + 2, y0 + h - 6, 6, lab, strlen(lab));
	d->y = y0 - 14;
}

/* ---- document ---- */

/* ---- the font: Type0 / CIDFontType2 over the subset, glyph ids as CIDs ---- */

static HPDF_Dict indirect_dict(struct doc *d)
{
	HPDF_Dict o = HPDF_Dict_New(d->pdf->mmgr);

	if (o != NULL && HPDF_Xref_Add(d->pdf->xref, o) != HPDF_OK)
		return NULL;
	return o;
}

static HPDF_STATUS flate_filter(HPDF_Dict o, HPDF_Stream out)
{
	(void)o;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Fills stream o with data, compressed here: libdeflate is several times
 * faster than the zlib libharu would use, and its output is smaller. */
static int put_flate(struct doc *d, HPDF_Dict o, const void *data, size_t len)
{
	size_t cap = libdeflate_zlib_compress_bound(d->z, len), n;
	unsigned char *z = malloc(cap);
	int rc = -1;

	if (z == NULL)
		return -1;
	n = libdeflate_zlib_compress(d->z, data, len, z, cap);
	if (n > 0 && HPDF_Stream_Write(o->stream, z, (HPDF_UINT)n) == HPDF_OK) {
		o->filter = HPDF_STREAM_FILTER_NONE;
		o->write_fn = flate_filter;
		rc = 0;
	}
	free(z);
	return rc;
}

/* A stream object with a direct /Length.  libharu 2.3.0 gives every stream
 * an indirect /Length, an object and a cross-reference entry more (some 40
 * bytes a stream); this one is a dictionary whose write_fn writes /Length
 * (and /Filter) among its entries and whose after_write_fn writes the data
 * after libharu's ">>", laid out as libharu lays out its own streams. */
struct raw {
	struct raw *next;
	HPDF_Stream out;          /* the file being written (set by write_fn) */
	int flate;
	size_t len;
	unsigned char data[];
};

static HPDF_STATUS raw_entries(HPDF_Dict o, HPDF_Stream out)
{
	struct raw *w = o->attr;
	char s[64];

	w->out = out;
	snprintf(s, sizeof s, "/Length %zu\012%s", w->len, w->flate ? "/Filter /FlateDecode\012" : "");
	return HPDF_Stream_WriteStr(out, s);
}

static HPDF_STATUS raw_data(HPDF_Dict o)
{
	struct raw *w = o->attr;
	HPDF_STATUS ret = HPDF_Stream_WriteStr(w->out, "\012stream\015\012");

	if (ret == HPDF_OK)
		ret = HPDF_Stream_Write(w->out, w->data, (HPDF_UINT)w->len);
	if (ret == HPDF_OK)
		ret = HPDF_Stream_WriteStr(w->out, "\012endstream");
	return ret;
}

enum { RAW_PLAIN, RAW_DEFLATE, RAW_FLATE_DONE };

/* data as a stream: stored as it is (RAW_PLAIN), compressed here
 * (RAW_DEFLATE), or already a zlib stream (RAW_FLATE_DONE). */
static HPDF_Dict raw_stream(struct doc *d, const void *data, size_t len, int how)
{
	size_t cap = how == RAW_DEFLATE ? libdeflate_zlib_compress_bound(d->z, len) : len;
	struct raw *w = malloc(sizeof *w + (cap ? cap : 1));
	HPDF_Dict o;

	if (w == NULL)
		return NULL;
	w->next = d->raws;
	d->raws = w;
	w->out = NULL;
	w->flate = how != RAW_PLAIN;
	w->len = how == RAW_DEFLATE ? libdeflate_zlib_compress(d->z, data, len, w->data, cap) : len;
	if (how != RAW_DEFLATE)
		memcpy(w->data, data, len);
	if (w->len == 0 && len > 0)
		return NULL;
	o = indirect_dict(d);
	if (o != NULL) {
		o->attr = w;
		o->write_fn = raw_entries;
		o->after_write_fn = raw_data;
	}
	return o;
}

static HPDF_Array int_array(struct doc *d, const int *v, size_t n)
{
	HPDF_Array a = HPDF_Array_New(d->pdf->mmgr);

	for (size_t i = 0; a != NULL && i < n; i++)
		if (HPDF_Array_AddNumber(a, v[i]) != HPDF_OK)
			return NULL;
	return a;
}

static int by_gid(const void *a, const void *b)
{
	const int *x = a, *y = b;

	return (x[0] > y[0]) - (x[0] < y[0]);
}

/* /W: the widths that differ from /DW, in runs of consecutive glyph ids. */
static HPDF_Array widths(struct doc *d, int dw)
{
	HPDF_Array w = HPDF_Array_New(d->pdf->mmgr), run = NULL;
	int (*g)[2] = malloc((d->sub.n ? d->sub.n : 1) * sizeof *g), last = -2;
	size_t n = 0;

	if (w == NULL || g == NULL) {
		free(g);
		return NULL;
	}
	for (size_t i = 0; i < d->sub.n; i++)
		if (d->sub.adv[i] != dw) {
			g[n][0] = d->sub.gid[i];
			g[n++][1] = d->sub.adv[i];
		}
	qsort(g, n, sizeof *g, by_gid);
	for (size_t i = 0; i < n; i++) {
		if (g[i][0] == last)
			continue;  /* two characters, one glyph */
		if (run == NULL || g[i][0] != last + 1) {
			run = HPDF_Array_New(d->pdf->mmgr);
			if (run == NULL || HPDF_Array_AddNumber(w, g[i][0]) != HPDF_OK ||
			    HPDF_Array_Add(w, run) != HPDF_OK) {
				w = NULL;
				break;
			}
		}
		HPDF_Array_AddNumber(run, g[i][1]);
		last = g[i][0];
	}
	free(g);
	return w;
}

/* A subset's name tag: six capitals from the characters it holds, so the same
 * report gives the same bytes. */
static void subset_tag(const struct sr_subset *s, char tag[7])
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < s->n; i++) {
		h ^= s->cps[i];
		h *= 16777619u;
	}
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

/* The number of glyphs in the subset's font program (maxp), or 0. */
static unsigned num_glyphs(const unsigned char *f, size_t len)
{
	unsigned ntables;

	if (len < 12)
		return 0;
	ntables = (unsigned)f[4] << 8 | f[5];
	for (unsigned i = 0; i < ntables && 12 + 16 * (size_t)i + 16 <= len; i++) {
		const unsigned char *t = f + 12 + 16 * (size_t)i;
		size_t off = (size_t)t[8] << 24 | (size_t)t[9] << 16 | (size_t)t[10] << 8 | t[11];
		if (memcmp(t, "maxp", 4) == 0 && off + 6 <= len)
			return (unsigned)f[off + 4] << 8 | f[off + 5];
	}
	return 0;
}

/* /CIDSet (PDF/A-1): a bit per CID, high bit first, for every glyph of the
 * font program.  With the identity CIDToGIDMap the CIDs are the subset's
 * glyph ids, which hb-subset numbers 0..n-1 (.notdef and any composite
 * components included), so all n bits are set. */
static HPDF_Dict cid_set(struct doc *d)
{
	unsigned n = num_glyphs(d->sub.data, d->sub.len);
	unsigned char *bits;
	HPDF_Dict o;

	for (size_t i = 0; i < d->sub.n; i++)
		if ((unsigned)d->sub.gid[i] + 1 > n)
			n = (unsigned)d->sub.gid[i] + 1;
	if (n == 0)
		n = 1;
	bits = calloc((n + 7) / 8, 1);
	if (bits == NULL)
		return NULL;
	for (unsigned g = 0; g < n; g++)
		bits[g / 8] |= (unsigned char)(0x80u >> (g % 8));
	o = raw_stream(d, bits, (n + 7) / 8, RAW_PLAIN);  /* a few bytes */
	free(bits);
	return o;
}

static int make_font(struct doc *d, const struct sr_font_metrics *m)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict t0 = indirect_dict(d), cid = indirect_dict(d), desc = indirect_dict(d);
	HPDF_Dict sys = HPDF_Dict_New(mm), file, tou, cidset;
	HPDF_Array desc_fonts = HPDF_Array_New(mm), w;
	char base[96], tag[7], *cmap;
	size_t cmap_len;
	int ret = 0;

	if (t0 == NULL || cid == NULL || desc == NULL || sys == NULL || desc_fonts == NULL)
		return -1;
	subset_tag(&d->sub, tag);
	snprintf(base, sizeof base, "%s+%s", tag, m->name);
	file = raw_stream(d, d->sub.data, d->sub.len, RAW_DEFLATE);
	cmap = sr_subset_tounicode(&d->sub, &cmap_len);
	tou = cmap != NULL ? raw_stream(d, cmap, cmap_len, RAW_DEFLATE) : NULL;
	free(cmap);
	w = widths(d, 1000);
	cidset = cid_set(d);
	if (file == NULL || tou == NULL || w == NULL || cidset == NULL)
		return -1;
	ret |= HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)d->sub.len);

	ret |= HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	ret |= HPDF_Dict_AddName(desc, "FontName", base);
	ret |= HPDF_Dict_AddNumber(desc, "Flags", 4);  /* symbolic */
	ret |= HPDF_Dict_Add(desc, "FontBBox", int_array(d, m->bbox, 4));
	ret |= HPDF_Dict_AddNumber(desc, "ItalicAngle", 0);
	ret |= HPDF_Dict_AddNumber(desc, "Ascent", m->ascent);
	ret |= HPDF_Dict_AddNumber(desc, "Descent", m->descent);
	ret |= HPDF_Dict_AddNumber(desc, "CapHeight", m->ascent);
	ret |= HPDF_Dict_AddNumber(desc, "StemV", 80);
	ret |= HPDF_Dict_Add(desc, "FontFile2", file);
	ret |= HPDF_Dict_Add(desc, "CIDSet", cidset);  /* PDF/A-1 */

	ret |= HPDF_Dict_Add(sys, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	ret |= HPDF_Dict_Add(sys, "Ordering", HPDF_String_New(mm, "Identity", NULL));
	ret |= HPDF_Dict_AddNumber(sys, "Supplement", 0);
	ret |= HPDF_Dict_AddName(cid, "Type", "Font");
	ret |= HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	ret |= HPDF_Dict_AddName(cid, "BaseFont", base);
	ret |= HPDF_Dict_Add(cid, "CIDSystemInfo", sys);
	ret |= HPDF_Dict_Add(cid, "FontDescriptor", desc);
	ret |= HPDF_Dict_AddNumber(cid, "DW", 1000);
	ret |= HPDF_Dict_Add(cid, "W", w);
	ret |= HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

	ret |= HPDF_Array_Add(desc_fonts, cid);
	ret |= HPDF_Dict_AddName(t0, "Type", "Font");
	ret |= HPDF_Dict_AddName(t0, "Subtype", "Type0");
	ret |= HPDF_Dict_AddName(t0, "BaseFont", base);
	ret |= HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
	ret |= HPDF_Dict_Add(t0, "DescendantFonts", desc_fonts);
	ret |= HPDF_Dict_Add(t0, "ToUnicode", tou);
	d->font = t0;
	return ret == HPDF_OK ? 0 : -1;
}

/* Moves each page's content into its libharu stream and names the font. */
static int finish_pages(struct doc *d)
{
	for (size_t i = 0; i < d->npages; i++) {
		HPDF_PageAttr a = (HPDF_PageAttr)d->pages[i]->attr;
		gfx(&d->content[i]);
		HPDF_Dict res = HPDF_Page_GetInheritableItem(d->pages[i], "Resources",
							     HPDF_OCLASS_DICT);
		HPDF_Dict fonts = HPDF_Dict_New(d->pdf->mmgr);
		/* /ProcSet is obsolete (PDF 1.7, 14.2): libharu's is dropped */
		if (res != NULL)
			HPDF_Dict_RemoveElement(res, "ProcSet");
		if (d->content[i].oom || res == NULL || fonts == NULL ||
		    HPDF_Dict_Add(fonts, "F1", d->font) != HPDF_OK ||
		    HPDF_Dict_Add(res, "Font", fonts) != HPDF_OK ||
		    put_flate(d, a->contents, d->content[i].p, d->content[i].n))
			return -1;
	}
	return 0;
}

/* Document info and outline titles: printable ASCII as it is (a literal
 * string, PDFDocEncoding agrees with ASCII there); anything else as UTF-16BE
 * with a byte order mark, in a hex string (every reader shows it). */
static void *text_string(struct doc *d, const char *utf8)
{
	unsigned char buf[2 + 4 * 1024];
	size_t o = 0;
	const char *c = utf8;

	while (*c >= 0x20 && *c < 0x7f)
		c++;
	if (*c == '\0')
		return HPDF_String_New(d->pdf->mmgr, utf8, NULL);
	buf[o++] = 0xfe;
	buf[o++] = 0xff;
	while (*utf8 && o + 4 <= sizeof buf) {
		uint32_t cp;
		utf8 += sr_utf8_next(utf8, &cp);
		if (cp >= 0x10000) {
			uint32_t v = cp - 0x10000, hi = 0xd800 + (v >> 10), lo = 0xdc00 + (v & 0x3ff);
			buf[o++] = (unsigned char)(hi >> 8);
			buf[o++] = (unsigned char)hi;
			buf[o++] = (unsigned char)(lo >> 8);
			buf[o++] = (unsigned char)lo;
		} else {
			buf[o++] = (unsigned char)(cp >> 8);
			buf[o++] = (unsigned char)cp;
		}
	}
	return HPDF_Binary_New(d->pdf->mmgr, buf, (HPDF_UINT)o);
}

static void info_date(struct doc *d, HPDF_InfoType what, int64_t t)
{
	HPDF_Date dt;
	int y, m, dd;
	int64_t days = sr_local_day(t, 0), sec = t - days * 86400;

	memset(&dt, 0, sizeof dt);
	sr_civil_from_days(days, &y, &m, &dd);
	dt.year = y;
	dt.month = m;
	dt.day = dd;
	dt.hour = (HPDF_INT)(sec / 3600);
	dt.minutes = (HPDF_INT)(sec % 3600 / 60);
	dt.seconds = (HPDF_INT)(sec % 60);
	dt.ind = 'Z';
	HPDF_SetInfoDateAttr(d->pdf, what, dt);
}

static void collect(const struct sr_report *r, struct sr_cpset *cs)
{
	const char *fixed = "0123456789";  /* page numbers, chart labels */

	sr_cpset_add_utf8(cs, fixed);
	sr_cpset_add_utf8(cs, r->title);
	sr_cpset_add_utf8(cs, r->period);
	sr_cpset_add_utf8(cs, r->customer);
	sr_cpset_add_utf8(cs, r->report_line);
	sr_cpset_add_utf8(cs, r->provider);
	sr_cpset_add_utf8(cs, r->summary_heading);
	for (size_t i = 0; i < r->nsummary; i++)
		sr_cpset_add_utf8(cs, r->summary[i]);
	for (int i = 0; i < 8; i++)
		sr_cpset_add_utf8(cs, r->col[i]);
	sr_cpset_add_utf8(cs, r->incidents_heading);
	sr_cpset_add_utf8(cs, r->notes_heading);
	{
		/* the footer as drawn: its page slots become digits */
		char f[sizeof r->footer];
		size_t o = 0;
		for (const char *c = r->footer; *c && o + 1 < sizeof f;) {
			if (strncmp(c, "{page}", 6) == 0)
				c += 6;
			else if (strncmp(c, "{pages}", 7) == 0)
				c += 7;
			else
				f[o++] = *c++;
		}
		f[o] = '\0';
		sr_cpset_add_utf8(cs, f);
	}
	for (size_t i = 0; i < r->nproducts; i++) {
		const struct sr_rpt_product *p = &r->products[i];
		sr_cpset_add_utf8(cs, p->heading);
		sr_cpset_add_utf8(cs, p->agreement);
		sr_cpset_add_utf8(cs, p->chart_title);
		for (size_t j = 0; j < p->nobjectives; j++)
			sr_cpset_add_utf8(cs, p->objectives[j]);
		for (size_t j = 0; j < p->ncommitments; j++)
			sr_cpset_add_utf8(cs, p->commitments[j]);
		for (size_t j = 0; j < p->nnotes; j++)
			sr_cpset_add_utf8(cs, p->notes[j]);
		for (size_t j = 0; j < p->nrows; j++) {
			const struct sr_rpt_row *w = &p->rows[j];
			const char *v[8] = {w->resource, w->metric, w->service, w->unavailable,
					    w->availability, w->band, w->fee, w->compensation};
			for (int k = 0; k < 8; k++)
				sr_cpset_add_utf8(cs, v[k]);
		}
		for (size_t j = 0; j < p->nincidents; j++) {
			sr_cpset_add_utf8(cs, p->incidents[j].heading);
			sr_cpset_add_utf8(cs, p->incidents[j].line);
			for (size_t k = 0; k < p->incidents[j].nexcluded; k++)
				sr_cpset_add_utf8(cs, p->incidents[j].excluded[k]);
		}
	}
}

static void heading(struct doc *d, float size, const char *s)
{
	need(d, size * 3);
	d->y -= size * 0.6f;
	paragraph(d, MARGIN, TABLE_W, size, s);
	d->y -= size * 0.3f;
}

static void summary_box(struct doc *d, const struct sr_report *r)
{
	float top, lh = BODY * LEAD, h = 0;

	for (size_t i = 0; i < r->nsummary; i++)
		h += line_count(d, TABLE_W - 16, BODY, r->summary[i]) * lh + 2;
	h += BODY * 2.2f + 10;
	need(d, h + 10);
	top = d->y - 6;
	op_rgb(d->b, r->all_met ? 0.92f : 0.99f, r->all_met ? 0.97f : 0.95f,
	       r->all_met ? 0.92f : 0.90f, 0);
	op_rect(d->b, MARGIN, top - h, TABLE_W, h);
	gop(d->b, "f 0 g\n");
	d->y = top - 4;
	paragraph(d, MARGIN + 8, TABLE_W - 16, BODY * 1.2f, r->summary_heading);
	d->y -= 2;
	for (size_t i = 0; i < r->nsummary; i++) {
		paragraph(d, MARGIN + 8, TABLE_W - 16, BODY, r->summary[i]);
		d->y -= 2;
	}
	d->y = top - h - 10;
}

static void footers(struct doc *d, const struct sr_report *r)
{
	char page[16], pages[16], text[2048];

	snprintf(pages, sizeof pages, "%zu", d->npages);
	for (size_t i = 0; i < d->npages; i++) {
		const char *s = r->footer;
		size_t o = 0;
		snprintf(page, sizeof page, "%zu", i + 1);
		/* fill the two slots the model left open */
		while (*s && o + 16 < sizeof text) {
			if (strncmp(s, "{page}", 6) == 0) {
				o += (size_t)snprintf(text + o, sizeof text - o, "%s", page);
				s += 6;
			} else if (strncmp(s, "{pages}", 7) == 0) {
				o += (size_t)snprintf(text + o, sizeof text - o, "%s", pages);
				s += 7;
			} else {
				text[o++] = *s++;
			}
		}
		text[o] = '\0';
		d->b = &d->content[i];
		d->y = BOTTOM - 14;
		{
			size_t n = fit(d, text, TABLE_W, 6.5f);
			draw_text(d, MARGIN, 30, 6.5f, text, n);
			if (text[n])
				draw_text(d, MARGIN, 22, 6.5f, text + n, strlen(text + n));
		}
	}
}

/* ---- PDF/A-1b: XMP metadata and the sRGB output intent ---- */

#define ICC_PATH "/usr/share/color/icc/sRGB.icc"  /* Debian icc-profiles-free */

/* The sRGB profile (ICC v2, 6922 bytes), read and compressed once per
 * process.  Most of it is three copies of a 1024-point tone curve of 16-bit
 * samples: as one row of 16-bit samples through the PNG Sub predictor (PDF
 * 1.4, 3.3.3) it compresses to about half. */
static struct {
	pthread_once_t once;
	unsigned char *z;         /* zlib stream; NULL if unavailable */
	size_t n;
	unsigned columns;         /* samples in the predictor's row; 0: none */
} icc = {PTHREAD_ONCE_INIT, NULL, 0, 0};

static void icc_load(void)
{
	struct sr_err e;
	char *raw = NULL;
	size_t len = 0, cap;
	struct libdeflate_compressor *c;

	memset(&e, 0, sizeof e);
	if (sr_read_file(ICC_PATH, 1u << 20, &raw, &len, &e) || len < 128 ||
	    memcmp(raw + 36, "acsp", 4) != 0 || memcmp(raw + 16, "RGB ", 4) != 0) {
		free(raw);
		return;
	}
	if (len % 2 == 0) {
		/* one row: the filter-type byte 1 (Sub), then each byte less the
		 * byte two before it (PNG filter type 1, 2 bytes per pixel) */
		char *row = malloc(len + 1);
		if (row == NULL) {
			free(raw);
			return;
		}
		row[0] = 1;
		for (size_t i = 0; i < len; i++)
			row[i + 1] = (char)((unsigned char)raw[i] -
					    (i >= 2 ? (unsigned char)raw[i - 2] : 0));
		free(raw);
		raw = row;
		icc.columns = (unsigned)(len / 2);
		len++;
	}
	c = libdeflate_alloc_compressor(12);
	cap = c != NULL ? libdeflate_zlib_compress_bound(c, len) : 0;
	icc.z = c != NULL ? malloc(cap) : NULL;
	if (icc.z != NULL) {
		icc.n = libdeflate_zlib_compress(c, raw, len, icc.z, cap);
		if (icc.n == 0) {
			free(icc.z);
			icc.z = NULL;
		}
	}
	libdeflate_free_compressor(c);
	free(raw);
}

static int output_intent(struct doc *d)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict prof, oi;
	HPDF_Array arr;
	int ret = 0;

	pthread_once(&icc.once, icc_load);
	if (icc.z == NULL)
		return -1;
	prof = raw_stream(d, icc.z, icc.n, RAW_FLATE_DONE);
	oi = HPDF_Dict_New(mm);
	arr = HPDF_Array_New(mm);
	if (prof == NULL || oi == NULL || arr == NULL)
		return -1;
	ret |= HPDF_Dict_AddNumber(prof, "N", 3);
	if (icc.columns > 0) {
		HPDF_Dict parms = HPDF_Dict_New(mm);
		ret |= parms == NULL;
		ret |= HPDF_Dict_AddNumber(parms, "Predictor", 11);
		ret |= HPDF_Dict_AddNumber(parms, "BitsPerComponent", 16);
		ret |= HPDF_Dict_AddNumber(parms, "Columns", (HPDF_INT32)icc.columns);
		ret |= HPDF_Dict_Add(prof, "DecodeParms", parms);
	}
	ret |= HPDF_Dict_AddName(oi, "Type", "OutputIntent");
	ret |= HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
	ret |= HPDF_Dict_Add(oi, "OutputConditionIdentifier",
			     HPDF_String_New(mm, "sRGB IEC61966-2.1", NULL));
	ret |= HPDF_Dict_Add(oi, "DestOutputProfile", prof);
	ret |= HPDF_Array_Add(arr, oi);
	ret |= HPDF_Dict_Add(d->pdf->catalog, "OutputIntents", arr);
	return ret == HPDF_OK ? 0 : -1;
}

/* UTF-8 text as XML character data: markup escaped, the control characters
 * XML 1.0 does not allow dropped. */
static void xml_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '&')
			puts_(b, "&amp;");
		else if (c == '<')
			puts_(b, "&lt;");
		else if (c == '>')
			puts_(b, "&gt;");
		else if (c == '"')
			puts_(b, "&quot;");
		else if (c == '\'')
			puts_(b, "&apos;");
		else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			put(b, s, 1);
	}
}

/* The instant of the Info dates (info_date), as XMP writes it. */
static void xmp_date(char *s, size_t n, int64_t t)
{
	int y, m, dd;
	int64_t days = sr_local_day(t, 0), sec = t - days * 86400;

	sr_civil_from_days(days, &y, &m, &dd);
	snprintf(s, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, dd, (int)(sec / 3600),
		 (int)(sec % 3600 / 60), (int)(sec % 60));
}

/* <name>v</name> with v in an rdf:Alt (language alternative) or rdf:Seq;
 * nothing when v is empty (as for the Info entry). */
static void xmp_list(struct buf *b, const char *name, const char *v, const char *wrap)
{
	if (v[0] == '\0')
		return;
	puts_(b, "<");
	puts_(b, name);
	puts_(b, "><rdf:");
	puts_(b, wrap);
	puts_(b, strcmp(wrap, "Alt") == 0 ? "><rdf:li xml:lang=\"x-default\">" : "><rdf:li>");
	xml_text(b, v);
	puts_(b, "</rdf:li></rdf:");
	puts_(b, wrap);
	puts_(b, "></");
	puts_(b, name);
	puts_(b, ">");
}

/* name="v" on the rdf:Description (a simple property, XMP part 1, 7.9.2.2);
 * nothing when v is empty. */
static void xmp_attr(struct buf *b, const char *name, const char *v)
{
	if (v[0] == '\0')
		return;
	puts_(b, " ");
	puts_(b, name);
	puts_(b, "=\"");
	xml_text(b, v);
	puts_(b, "\"");
}

/* The XMP packet: what the Info dictionary says (info: Title, Author,
 * Subject, Keywords, Creator, Producer; the dates from ts) and the PDF/A-1b
 * claim.  Simple properties are attributes, without indentation: the packet
 * is stored uncompressed (PDF/A-1, 6.7.2) in every report.  Referenced from
 * the catalog. */
static int metadata(struct doc *d, const char *const info[6], int64_t ts)
{
	struct buf b;
	HPDF_Dict o;
	int rc = -1;
	char date[40];

	memset(&b, 0, sizeof b);
	xmp_date(date, sizeof date, ts);
	puts_(&b, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
		  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
		  "<rdf:Description rdf:about=\"\""
		  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
		  " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
		  " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
		  " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
		  " pdfaid:part=\"1\" pdfaid:conformance=\"B\"");
	xmp_attr(&b, "xmp:CreateDate", date);
	xmp_attr(&b, "xmp:ModifyDate", date);
	xmp_attr(&b, "xmp:CreatorTool", info[4]);
	xmp_attr(&b, "pdf:Producer", info[5]);
	xmp_attr(&b, "pdf:Keywords", info[3]);
	puts_(&b, ">");
	xmp_list(&b, "dc:title", info[0], "Alt");
	xmp_list(&b, "dc:creator", info[1], "Seq");
	xmp_list(&b, "dc:description", info[2], "Alt");
	puts_(&b, "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>");
	o = b.oom ? NULL : raw_stream(d, b.p, b.n, RAW_PLAIN);
	if (o != NULL && HPDF_Dict_AddName(o, "Type", "Metadata") == HPDF_OK &&
	    HPDF_Dict_AddName(o, "Subtype", "XML") == HPDF_OK &&
	    HPDF_Dict_Add(d->pdf->catalog, "Metadata", o) == HPDF_OK)
		rc = 0;
	free(b.p);
	return rc;
}

/* The trailer /ID (PDF/A-1 requires one): libharu 2.3.0 writes none unless
 * encrypting, and its own would come from the clock; same inputs must give
 * the same bytes, so it is a digest of what the report is. */
static int trailer_id(struct doc *d, const struct sr_report *r)
{
	char seed[2048], hex[65];
	unsigned char id[16];
	HPDF_Array a = HPDF_Array_New(d->pdf->mmgr);

	snprintf(seed, sizeof seed, "%s\n%s", r->report_id, r->footer);
	sr_sha256_hex(seed, strlen(seed), hex);
	for (int i = 0; i < 16; i++) {
		unsigned v = 0;
		for (int k = 0; k < 2; k++) {
			char c = hex[2 * i + k];
			v = v * 16 + (unsigned)(c <= '9' ? c - '0' : c - 'a' + 10);
		}
		id[i] = (unsigned char)v;
	}
	if (a == NULL || HPDF_Array_Add(a, HPDF_Binary_New(d->pdf->mmgr, id, 16)) != HPDF_OK ||
	    HPDF_Array_Add(a, HPDF_Binary_New(d->pdf->mmgr, id, 16)) != HPDF_OK ||
	    HPDF_Dict_Add(d->pdf->trailer, "ID", a) != HPDF_OK)
		return -1;
	return 0;
}

int sr_pdf_render(const struct sr_report *r, const struct sr_pdf_env *env, unsigned char **out,
		  size_t *outlen, int *pages, struct sr_err *e)
{
	struct doc d;
	struct sr_cpset cs = {0};
	int rc = -1;

	memset(&d, 0, sizeof d);
	d.e = e;
	d.r = r;
	*pages = 0;
	*out = NULL;
	*outlen = 0;
	/* every character the report shows must have a glyph: fail visibly */
	collect(r, &cs);
	for (size_t i = 0; i < cs.n; i++)
		if (!sr_font_has(env->font, cs.v[i])) {
			sr_err_set(e, "font-coverage", "the report font has no glyph for U+%04X",
				   (unsigned)cs.v[i]);
			goto out;
		}
	if (sr_font_subset(env->font, &cs, &d.sub, e))
		goto out;
	d.pdf = HPDF_New(on_error, &d);
	if (d.pdf == NULL) {
		sr_err_set(e, "no-memory", "cannot start a PDF");
		goto out;
	}
	/* every stream is compressed here (put_flate), none by libharu */
	HPDF_SetCompressionMode(d.pdf, HPDF_COMP_NONE);
	d.pdf->pdf_version = HPDF_VER_14;  /* PDF/A-1 is based on PDF 1.4 */
	d.z = libdeflate_alloc_compressor(6);
	if (d.z == NULL) {
		sr_err_set(e, "no-memory", "cannot start a PDF");
		goto out;
	}
	if (make_font(&d, sr_font_get_metrics(env->font))) {
		sr_err_set(e, "pdf", "cannot write the report's font");
		goto out;
	}
	{
		char t[1200];
		snprintf(t, sizeof t, "%s %s", r->doc_title, r->report_id);
		const char *creator = "slareport", *producer = "slareport (libharu)";
		HPDF_SetInfoAttr(d.pdf, HPDF_INFO_CREATOR, creator);
		HPDF_SetInfoAttr(d.pdf, HPDF_INFO_PRODUCER, producer);
		if (d.pdf->info != NULL) {
			const char *k[4] = {"Author", "Title", "Subject", "Keywords"};
			const char *v[4] = {r->doc_author, t, r->doc_subject, r->doc_keywords};
			for (int i = 0; i < 4; i++)
				if (v[i][0] != '\0')
					HPDF_Dict_Add(d.pdf->info, k[i], text_string(&d, v[i]));
		}
		/* PDF/A-1b: the same in XMP, and sRGB as the output intent */
		const char *x[6] = {t, r->doc_author, r->doc_subject, r->doc_keywords, creator,
				    producer};
		if (metadata(&d, x, env->timestamp)) {
			sr_err_set(e, "no-memory", "cannot write the report's metadata");
			goto out;
		}
		if (output_intent(&d)) {
			sr_err_set(e, "pdf", "cannot embed the sRGB output intent (%s: "
				   "install icc-profiles-free)", ICC_PATH);
			goto out;
		}
	}
	info_date(&d, HPDF_INFO_CREATION_DATE, env->timestamp);
	info_date(&d, HPDF_INFO_MOD_DATE, env->timestamp);

	new_page(&d);
	heading(&d, 16, r->title);
	paragraph(&d, MARGIN, TABLE_W, BODY + 1, r->customer);
	paragraph(&d, MARGIN, TABLE_W, BODY, r->period);
	paragraph(&d, MARGIN, TABLE_W, BODY, r->report_line);
	paragraph(&d, MARGIN, TABLE_W, BODY, r->provider);
	d.y -= 4;
	summary_box(&d, r);
	for (size_t i = 0; i < r->nproducts; i++) {
		const struct sr_rpt_product *p = &r->products[i];
		HPDF_Outline o;
		heading(&d, 12, p->heading);
		o = HPDF_CreateOutline(d.pdf, NULL, "", NULL);
		if (o != NULL) {
			/* [page /XYZ left top zoom], direct in the outline item */
			HPDF_Array dst = HPDF_Array_New(d.pdf->mmgr);
			HPDF_Dict_Add(o, "Title", text_string(&d, p->heading));
			if (dst == NULL || HPDF_Array_Add(dst, d.pages[d.npages - 1]) != HPDF_OK ||
			    HPDF_Array_AddName(dst, "XYZ") != HPDF_OK ||
			    HPDF_Array_AddNumber(dst, 0) != HPDF_OK ||
			    HPDF_Array_AddReal(dst, round2(d.y + 30)) != HPDF_OK ||
			    HPDF_Array_AddNumber(dst, 1) != HPDF_OK ||
			    HPDF_Dict_Add(o, "Dest", dst) != HPDF_OK)
				d.oom = 1;
		}
		paragraph(&d, MARGIN, TABLE_W, SMALL, p->agreement);
		for (size_t j = 0; j < p->nobjectives; j++)
			paragraph(&d, MARGIN, TABLE_W, SMALL, p->objectives[j]);
		for (size_t j = 0; j < p->ncommitments; j++)
			paragraph(&d, MARGIN, TABLE_W, SMALL, p->commitments[j]);
		if (p->nrows > 0)
			table(&d, p);
		if (p->has_chart)
			chart(&d, p);
		if (p->nincidents > 0) {
			heading(&d, 10, r->incidents_heading);
			for (size_t j = 0; j < p->nincidents; j++) {
				const struct sr_rpt_incident *in = &p->incidents[j];
				paragraph(&d, MARGIN, TABLE_W, SMALL, in->heading);
				paragraph(&d, MARGIN + 10, TABLE_W - 10, SMALL, in->line);
				for (size_t k = 0; k < in->nexcluded; k++)
					paragraph(&d, MARGIN + 20, TABLE_W - 20, SMALL, in->excluded[k]);
			}
		}
		if (p->nnotes > 0) {
			heading(&d, 10, r->notes_heading);
			for (size_t j = 0; j < p->nnotes; j++)
				paragraph(&d, MARGIN, TABLE_W, SMALL, p->notes[j]);
		}
	}
	footers(&d, r);
	if (d.oom || finish_pages(&d)) {
		sr_err_set(e, "no-memory", "out of memory");
		goto out;
	}
	if (trailer_id(&d, r)) {
		sr_err_set(e, "no-memory", "out of memory");
		goto out;
	}
	if (d.first_error == 0 && HPDF_SaveToStream(d.pdf) == HPDF_OK) {
		HPDF_UINT32 size = HPDF_GetStreamSize(d.pdf);
		*out = malloc(size ? size : 1);
		if (*out == NULL) {
			sr_err_set(e, "no-memory", "out of memory");
			goto out;
		}
		HPDF_ResetStream(d.pdf);
		if (HPDF_ReadFromStream(d.pdf, *out, &size) != HPDF_OK && d.first_error == 0)
			d.first_error = 1;
		*outlen = size;
	}
	if (d.first_error != 0) {
		sr_err_set(e, "pdf", "libharu error 0x%04X (detail %u) rendering the report of %s",
			   (unsigned)d.first_error, (unsigned)d.first_detail, r->customer_id);
		free(*out);
		*out = NULL;
		goto out;
	}
	*pages = (int)d.npages;
	rc = 0;
out:
	if (d.pdf != NULL)
		HPDF_Free(d.pdf);
	free(d.pages);
	for (size_t i = 0; i < d.npages; i++)
		free(d.content[i].p);
	free(d.content);
	libdeflate_free_compressor(d.z);
	while (d.raws != NULL) {
		struct raw *next = d.raws->next;
		free(d.raws);
		d.raws = next;
	}
	sr_subset_free(&d.sub);
	sr_cpset_free(&cs);
	return rc;
}
