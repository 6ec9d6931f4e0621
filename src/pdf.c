#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "civil.h"
#include "fileio.h"
#include "pdf.h"

/* A4 in points, margins, type sizes. */
#define PAGE_W 595.276f
#define PAGE_H 841.89f
#define MARGIN 48.0f
#define BOTTOM 56.0f         /* room for the footer */
#define BODY 9.0f
#define SMALL 7.5f
#define LEAD 1.35f           /* line height / type size */

struct doc {
	HPDF_Doc pdf;
	HPDF_Font font;
	HPDF_Page *pages;
	size_t npages;
	HPDF_Page page;
	float y;                  /* current baseline position from the bottom */
	struct sr_err *e;
	HPDF_STATUS first_error;  /* libharu errors are sticky: keep the first */
	HPDF_STATUS first_detail;
	struct sr_subset sub;     /* the report's characters and their widths */
	const struct sr_report *r;
	const struct sr_rpt_product *table_of;  /* table being drawn (header repeat) */
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

/* ---- pages ---- */

static void new_page(struct doc *d)
{
	HPDF_Page *nv = realloc(d->pages, (d->npages + 1) * sizeof *nv);

	if (nv == NULL)
		return;
	d->pages = nv;
	d->page = HPDF_AddPage(d->pdf);
	HPDF_Page_SetSize(d->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	d->pages[d->npages++] = d->page;
	d->y = PAGE_H - MARGIN;
}

/* Draws s[0..len) in the report font: each character as its private-use
 * codepoint (see fontsub.h). */
static void draw_text(struct doc *d, float x, float y, float size, const char *s, size_t len)
{
	char buf[3 * 2048 + 1];
	size_t o = 0;

	for (size_t i = 0; i < len && o + 3 < sizeof buf;) {
		uint32_t cp, pua;
		long k;
		i += sr_utf8_next(s + i, &cp);
		k = sr_subset_index(&d->sub, cp);
		pua = SR_PUA_BASE + (uint32_t)(k >= 0 ? k : 0);
		buf[o++] = (char)(0xe0 | (pua >> 12));
		buf[o++] = (char)(0x80 | ((pua >> 6) & 0x3f));
		buf[o++] = (char)(0x80 | (pua & 0x3f));
	}
	buf[o] = '\0';
	HPDF_Page_BeginText(d->page);
	HPDF_Page_SetFontAndSize(d->page, d->font, size);
	HPDF_Page_TextOut(d->page, x, y, buf);
	HPDF_Page_EndText(d->page);
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
#define CELL_PAD 3.0f

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
		HPDF_Page_SetRGBFill(d->page, header ? 0.88f : 1.0f, header ? 0.90f : 0.94f,
				     header ? 0.93f : 0.90f);
		HPDF_Page_Rectangle(d->page, MARGIN, d->y - h, TABLE_W, h);
		HPDF_Page_Fill(d->page);
		HPDF_Page_SetRGBFill(d->page, 0, 0, 0);
	}
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
	HPDF_Page_SetLineWidth(d->page, 0.3f);
	HPDF_Page_SetGrayStroke(d->page, 0.7f);
	HPDF_Page_MoveTo(d->page, MARGIN, d->y - h);
	HPDF_Page_LineTo(d->page, MARGIN + TABLE_W, d->y - h);
	HPDF_Page_Stroke(d->page);
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
	HPDF_Page_SetGrayStroke(d->page, 0.6f);
	HPDF_Page_SetLineWidth(d->page, 0.4f);
	HPDF_Page_Rectangle(d->page, x0, y0, w, h);
	HPDF_Page_Stroke(d->page);
	HPDF_Page_SetRGBFill(d->page, 0.80f, 0.25f, 0.20f);
	{
		int bars = 0;
		for (int i = 0; i < p->ndays; i++)
			if (p->per_day[i] > 0) {
				float bh = (float)p->per_day[i] / (float)top * (h - 6);
				HPDF_Page_Rectangle(d->page, x0 + i * bw + 1, y0, bw - 2, bh);
				bars++;
			}
		if (bars > 0)  /* a fill with no path is an error in libharu */
			HPDF_Page_Fill(d->page);
	}
	HPDF_Page_SetRGBFill(d->page, 0, 0, 0);
	if (p->allowance > 0) {
		float ay = y0 + (float)p->allowance / (float)top * (h - 6);
		HPDF_UINT16 dash[] = {3, 2};
		HPDF_Page_SetDash(d->page, dash, 2, 0);
		HPDF_Page_SetRGBStroke(d->page, 0.1f, 0.3f, 0.7f);
		HPDF_Page_MoveTo(d->page, x0, ay);
		HPDF_Page_LineTo(d->page, x0 + w, ay);
		HPDF_Page_Stroke(d->page);
		HPDF_Page_SetDash(d->page, NULL, 0, 0);
		HPDF_Page_SetGrayStroke(d->page, 0);
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

/* libharu's /ToUnicode is malformed and would map our private-use codes; the
 * font gets a correct map from the subset instead (text stays searchable). */
static int replace_tounicode(struct doc *d)
{
	HPDF_Dict font = (HPDF_Dict)d->font;
	HPDF_Dict stream;
	size_t len;
	char *cmap = sr_pua_tounicode(&d->sub, &len);
	int rc = -1;

	if (cmap == NULL || font == NULL)
		goto out;
	stream = HPDF_DictStream_New(d->pdf->mmgr, d->pdf->xref);
	if (stream == NULL)
		goto out;
	stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	if (HPDF_Stream_Write(stream->stream, (const HPDF_BYTE *)cmap, (HPDF_UINT)len) != HPDF_OK)
		goto out;
	HPDF_Dict_RemoveElement(font, "ToUnicode");
	if (HPDF_Dict_Add(font, "ToUnicode", stream) != HPDF_OK)
		goto out;
	rc = 0;
out:
	free(cmap);
	return rc;
}

/* libharu writes outline titles and document info through a CMap encoder; GBK
 * strings are stored as UTF-16BE, which every reader shows. */
static const char *gbk(const char *utf8, char *buf, size_t n)
{
	iconv_t cd = iconv_open("GBK//TRANSLIT", "UTF-8");
	char *in = (char *)utf8, *out = buf;
	size_t il = strlen(utf8), ol = n - 1;

	if (cd == (iconv_t)-1) {
		snprintf(buf, n, "%s", utf8);
		return buf;
	}
	if (iconv(cd, &in, &il, &out, &ol) == (size_t)-1)
		ol = 0;
	*out = '\0';
	iconv_close(cd);
	return buf;
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
	const char *fixed = "0123456789 .,:;()[]%-/{}";

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
	sr_cpset_add_utf8(cs, r->footer);
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
	HPDF_Page_SetRGBFill(d->page, r->all_met ? 0.92f : 0.99f, r->all_met ? 0.97f : 0.95f,
			     r->all_met ? 0.92f : 0.90f);
	HPDF_Page_Rectangle(d->page, MARGIN, top - h, TABLE_W, h);
	HPDF_Page_Fill(d->page);
	HPDF_Page_SetRGBFill(d->page, 0, 0, 0);
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
		d->page = d->pages[i];
		d->y = BOTTOM - 14;
		{
			size_t n = fit(d, text, TABLE_W, 6.5f);
			draw_text(d, MARGIN, 30, 6.5f, text, n);
			if (text[n])
				draw_text(d, MARGIN, 22, 6.5f, text + n, strlen(text + n));
		}
	}
}

/* libharu takes the document /ID from the clock; same inputs must give the
 * same bytes, so the ID is replaced in place (same length, so the xref stays
 * right) by a digest of what the report is. */
static void fix_id(unsigned char *pdf, size_t len, const struct sr_report *r)
{
	static const char key[] = "/ID [<";
	char seed[2048], hex[65];
	size_t k = sizeof key - 1;

	snprintf(seed, sizeof seed, "%s\n%s", r->report_id, r->footer);
	sr_sha256_hex(seed, strlen(seed), hex);
	for (size_t i = 0; i + k + 67 <= len; i++) {
		if (memcmp(pdf + i, key, k) != 0)
			continue;
		/* [<32 hex><32 hex>] */
		if (pdf[i + k + 32] != '>' || pdf[i + k + 33] != '<')
			continue;
		memcpy(pdf + i + k, hex, 32);
		memcpy(pdf + i + k + 34, hex, 32);
	}
}

int sr_pdf_render(const struct sr_report *r, const struct sr_pdf_env *env, unsigned char **out,
		  size_t *outlen, int *pages, struct sr_err *e)
{
	struct doc d;
	struct sr_cpset cs = {0};
	const char *fname;
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
	if (sr_font_subset_pua(env->font, &cs, env->tmpdir, &d.sub, e))
		goto out;
	d.pdf = HPDF_New(on_error, &d);
	if (d.pdf == NULL) {
		sr_err_set(e, "no-memory", "cannot start a PDF");
		goto out;
	}
	HPDF_SetCompressionMode(d.pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(d.pdf);
	fname = HPDF_LoadTTFontFromFile(d.pdf, d.sub.path, HPDF_TRUE);
	unlink(d.sub.path);
	if (fname == NULL) {
		sr_err_set(e, "font", "libharu could not load the font subset");
		goto out;
	}
	d.font = HPDF_GetFont(d.pdf, fname, "UTF-8");
	if (replace_tounicode(&d)) {
		sr_err_set(e, "pdf", "cannot write the font's ToUnicode map");
		goto out;
	}
	HPDF_UseCNSEncodings(d.pdf);
	HPDF_SetCurrentEncoder(d.pdf, "GBK-EUC-H");
	{
		char b[1024], t[1200];
		snprintf(t, sizeof t, "%s %s", r->doc_title, r->report_id);
		HPDF_SetInfoAttr(d.pdf, HPDF_INFO_CREATOR, "slareport");
		HPDF_SetInfoAttr(d.pdf, HPDF_INFO_PRODUCER, "slareport (libharu)");
		HPDF_SetInfoAttr(d.pdf, HPDF_INFO_AUTHOR, gbk(r->provider, b, sizeof b));
		HPDF_SetInfoAttr(d.pdf, HPDF_INFO_TITLE, gbk(t, b, sizeof b));
		HPDF_SetInfoAttr(d.pdf, HPDF_INFO_SUBJECT, gbk(r->doc_subject, b, sizeof b));
		HPDF_SetInfoAttr(d.pdf, HPDF_INFO_KEYWORDS, gbk(r->doc_keywords, b, sizeof b));
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
		{
			char b[1024];
			o = HPDF_CreateOutline(d.pdf, NULL, gbk(p->heading, b, sizeof b),
					       HPDF_GetEncoder(d.pdf, "GBK-EUC-H"));
		}
		if (o != NULL) {
			HPDF_Destination dst = HPDF_Page_CreateDestination(d.page);
			HPDF_Destination_SetXYZ(dst, 0, d.y + 30, 1);
			HPDF_Outline_SetDestination(o, dst);
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
	fix_id(*out, *outlen, r);
	*pages = (int)d.npages;
	rc = 0;
out:
	if (d.pdf != NULL)
		HPDF_Free(d.pdf);
	free(d.pages);
	sr_subset_free(&d.sub);
	sr_cpset_free(&cs);
	return rc;
}
