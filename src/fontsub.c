#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fontsub.h"

struct sr_font {
	hb_blob_t *blob;
	hb_face_t *face;
	hb_set_t *unicodes;
};

struct sr_font *sr_font_open(const char *path, unsigned index, struct sr_err *e)
{
	struct sr_font *f = calloc(1, sizeof *f);

	if (f == NULL) {
		sr_err_set(e, "no-memory", "out of memory");
		return NULL;
	}
	f->blob = hb_blob_create_from_file_or_fail(path);
	if (f->blob == NULL) {
		sr_err_set(e, "font", "cannot read the font %s", path);
		free(f);
		return NULL;
	}
	f->face = hb_face_create(f->blob, index);
	f->unicodes = hb_set_create();
	hb_face_collect_unicodes(f->face, f->unicodes);
	if (hb_face_get_glyph_count(f->face) == 0 || hb_set_get_population(f->unicodes) == 0) {
		sr_err_set(e, "font", "%s has no face %u with glyphs", path, index);
		sr_font_close(f);
		return NULL;
	}
	return f;
}

void sr_font_close(struct sr_font *f)
{
	if (f == NULL)
		return;
	hb_set_destroy(f->unicodes);
	hb_face_destroy(f->face);
	hb_blob_destroy(f->blob);
	free(f);
}

int sr_font_has(const struct sr_font *f, uint32_t cp)
{
	return hb_set_has(f->unicodes, cp);
}

size_t sr_utf8_next(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0 && u[1]) {
		*cp = ((uint32_t)(u[0] & 0x1f) << 6) | (u[1] & 0x3f);
		return 2;
	}
	if ((u[0] & 0xf0) == 0xe0 && u[1] && u[2]) {
		*cp = ((uint32_t)(u[0] & 0x0f) << 12) | ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		return 3;
	}
	if ((u[0] & 0xf8) == 0xf0 && u[1] && u[2] && u[3]) {
		*cp = ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3f) << 12) |
		      ((uint32_t)(u[2] & 0x3f) << 6) | (u[3] & 0x3f);
		return 4;
	}
	*cp = 0xfffd;
	return 1;
}

static int cp_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

void sr_cpset_add_utf8(struct sr_cpset *s, const char *text)
{
	while (*text) {
		uint32_t cp;
		text += sr_utf8_next(text, &cp);
		if (s->n == s->cap) {
			size_t nc = s->cap ? s->cap * 2 : 256;
			uint32_t *nv = realloc(s->v, nc * sizeof *nv);
			if (nv == NULL)
				return;
			s->v = nv;
			s->cap = nc;
		}
		s->v[s->n++] = cp;
		/* keep it small: sort and drop duplicates whenever it fills up */
		if (s->n == s->cap) {
			size_t m = 0;
			qsort(s->v, s->n, sizeof *s->v, cp_cmp);
			for (size_t i = 0; i < s->n; i++)
				if (m == 0 || s->v[m - 1] != s->v[i])
					s->v[m++] = s->v[i];
			s->n = m;
		}
	}
}

void sr_cpset_free(struct sr_cpset *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

int sr_font_subset_file(const struct sr_font *f, const struct sr_cpset *s, const char *dir,
			char **path, struct sr_err *e)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub = NULL;
	hb_blob_t *blob = NULL;
	const char *data;
	unsigned len = 0;
	char *p = NULL;
	FILE *out = NULL;
	int fd = -1, rc = -1;

	*path = NULL;
	if (in == NULL)
		return sr_err_set(e, "no-memory", "out of memory");
	{
		hb_set_t *u = hb_subset_input_unicode_set(in);
		for (size_t i = 0; i < s->n; i++)
			hb_set_add(u, s->v[i]);
	}
	/* hinting is useless in a PDF and large in CJK fonts */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	sub = hb_subset_or_fail(f->face, in);
	if (sub == NULL) {
		sr_err_set(e, "font", "font subsetting failed");
		goto out;
	}
	blob = hb_face_reference_blob(sub);
	data = hb_blob_get_data(blob, &len);
	p = malloc(strlen(dir) + 32);
	if (p == NULL) {
		sr_err_set(e, "no-memory", "out of memory");
		goto out;
	}
	snprintf(p, strlen(dir) + 32, "%s/sr-font-XXXXXX", dir);
	fd = mkstemp(p);
	if (fd < 0 || (out = fdopen(fd, "wb")) == NULL) {
		sr_err_set(e, "io", "cannot create a temporary font file in %s", dir);
		goto out;
	}
	fd = -1;
	if (fwrite(data, 1, len, out) != len || fclose(out) != 0) {
		out = NULL;
		unlink(p);
		sr_err_set(e, "io", "cannot write the temporary font file %s", p);
		goto out;
	}
	out = NULL;
	*path = p;
	p = NULL;
	rc = 0;
out:
	if (out != NULL) {
		fclose(out);
		unlink(p);
	}
	if (fd >= 0)
		close(fd);
	free(p);
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	return rc;
}

static void be16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void be32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* A cmap with one format-4 subtable (3,1): SR_PUA_BASE + i -> gids[i]. */
static hb_blob_t *pua_cmap(const hb_codepoint_t *gids, size_t n)
{
	size_t sub = 16 + 4 * 2 * 2 + 2 * n, len = 12 + sub, segs = 2;
	unsigned char *b = calloc(1, len), *t, *endc, *startc, *delta, *range, *gia;

	if (b == NULL)
		return NULL;
	be16(b, 0);                  /* version */
	be16(b + 2, 1);              /* one encoding record */
	be16(b + 4, 3);              /* Windows */
	be16(b + 6, 1);              /* Unicode BMP */
	be32(b + 8, 12);
	t = b + 12;
	be16(t, 4);
	be16(t + 2, (unsigned)sub);
	be16(t + 4, 0);
	be16(t + 6, (unsigned)(segs * 2));
	be16(t + 8, 4);              /* searchRange = 2 * 2^floor(log2 segs) */
	be16(t + 10, 1);             /* entrySelector */
	be16(t + 12, 0);             /* rangeShift */
	endc = t + 14;
	startc = endc + 2 * segs + 2;
	delta = startc + 2 * segs;
	range = delta + 2 * segs;
	gia = range + 2 * segs;
	be16(endc, (unsigned)(SR_PUA_BASE + n - 1));
	be16(endc + 2, 0xffff);
	be16(startc, SR_PUA_BASE);
	be16(startc + 2, 0xffff);
	be16(delta, 0);
	be16(delta + 2, 1);
	be16(range, 4);              /* from range[0] to gia[0]: 2 entries of 2 bytes */
	be16(range + 2, 0);
	for (size_t i = 0; i < n; i++)
		be16(gia + 2 * i, gids[i]);
	return hb_blob_create((const char *)b, (unsigned)len, HB_MEMORY_MODE_WRITABLE, b, free);
}

int sr_font_subset_pua(const struct sr_font *f, const struct sr_cpset *s, const char *dir,
		       struct sr_subset *out, struct sr_err *e)
{
	hb_subset_input_t *in = NULL;
	hb_face_t *sub = NULL, *builder = NULL;
	hb_font_t *font = NULL;
	hb_blob_t *blob = NULL, *cmap = NULL;
	hb_codepoint_t *gids = NULL;
	hb_tag_t tags[64];
	unsigned ntags = 64, upem;
	const char *data;
	unsigned len = 0;
	char *p = NULL;
	FILE *fp = NULL;
	int fd, rc = -1;

	memset(out, 0, sizeof *out);
	/* the distinct characters, sorted */
	out->cps = malloc((s->n ? s->n : 1) * sizeof *out->cps);
	if (out->cps == NULL)
		return sr_err_set(e, "no-memory", "out of memory");
	memcpy(out->cps, s->v, s->n * sizeof *out->cps);
	if (s->n > 1)
		qsort(out->cps, s->n, sizeof *out->cps, cp_cmp);
	for (size_t i = 0; i < s->n; i++)
		if (out->n == 0 || out->cps[out->n - 1] != out->cps[i])
			out->cps[out->n++] = out->cps[i];
	if (out->n == 0 || out->n > SR_PUA_MAX) {
		sr_err_set(e, "font", "a report uses %zu distinct characters (1..%u)", out->n,
			   SR_PUA_MAX);
		goto out;
	}
	in = hb_subset_input_create_or_fail();
	if (in == NULL)
		goto oom;
	for (size_t i = 0; i < out->n; i++)
		hb_set_add(hb_subset_input_unicode_set(in), out->cps[i]);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	sub = hb_subset_or_fail(f->face, in);
	if (sub == NULL) {
		sr_err_set(e, "font", "font subsetting failed");
		goto out;
	}
	/* a face built by the subsetter lists no tables: reparse its bytes */
	{
		hb_blob_t *bytes = hb_face_reference_blob(sub);
		hb_face_destroy(sub);
		sub = hb_face_create(bytes, 0);
		hb_blob_destroy(bytes);
	}
	/* glyph and advance of each character in the subset */
	font = hb_font_create(sub);
	upem = hb_face_get_upem(sub);
	gids = malloc(out->n * sizeof *gids);
	out->adv = malloc(out->n * sizeof *out->adv);
	if (font == NULL || gids == NULL || out->adv == NULL)
		goto oom;
	for (size_t i = 0; i < out->n; i++) {
		if (!hb_font_get_nominal_glyph(font, out->cps[i], &gids[i]))
			gids[i] = 0;
		out->adv[i] = (int)((long)hb_font_get_glyph_h_advance(font, gids[i]) * 1000 /
				    (long)(upem ? upem : 1000));
	}
	/* the subset's tables with the private-use cmap */
	cmap = pua_cmap(gids, out->n);
	builder = hb_face_builder_create();
	if (cmap == NULL || builder == NULL)
		goto oom;
	hb_face_get_table_tags(sub, 0, &ntags, tags);
	for (unsigned i = 0; i < ntags; i++) {
		hb_blob_t *tb;
		if (tags[i] == HB_TAG('c', 'm', 'a', 'p'))
			continue;
		tb = hb_face_reference_table(sub, tags[i]);
		hb_face_builder_add_table(builder, tags[i], tb);
		hb_blob_destroy(tb);
	}
	hb_face_builder_add_table(builder, HB_TAG('c', 'm', 'a', 'p'), cmap);
	blob = hb_face_reference_blob(builder);
	data = hb_blob_get_data(blob, &len);
	p = malloc(strlen(dir) + 32);
	if (p == NULL)
		goto oom;
	snprintf(p, strlen(dir) + 32, "%s/sr-font-XXXXXX", dir);
	fd = mkstemp(p);
	if (fd < 0 || (fp = fdopen(fd, "wb")) == NULL) {
		if (fd >= 0)
			close(fd);
		sr_err_set(e, "io", "cannot create a temporary font file in %s", dir);
		goto out;
	}
	if (fwrite(data, 1, len, fp) != len) {
		fclose(fp);
		unlink(p);
		sr_err_set(e, "io", "cannot write the temporary font file %s", p);
		goto out;
	}
	if (fclose(fp) != 0) {
		unlink(p);
		sr_err_set(e, "io", "cannot write the temporary font file %s", p);
		goto out;
	}
	out->path = p;
	p = NULL;
	rc = 0;
	goto out;
oom:
	sr_err_set(e, "no-memory", "out of memory");
out:
	free(p);
	free(gids);
	hb_blob_destroy(blob);
	hb_blob_destroy(cmap);
	hb_face_destroy(builder);
	hb_font_destroy(font);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	if (rc != 0)
		sr_subset_free(out);
	return rc;
}

void sr_subset_free(struct sr_subset *s)
{
	free(s->path);
	free(s->cps);
	free(s->adv);
	memset(s, 0, sizeof *s);
}

long sr_subset_index(const struct sr_subset *s, uint32_t cp)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->cps[mid] < cp)
			lo = mid + 1;
		else if (s->cps[mid] > cp)
			hi = mid;
		else
			return (long)mid;
	}
	return -1;
}

char *sr_pua_tounicode(const struct sr_subset *s, size_t *len)
{
	size_t cap = 512 + s->n * 32, o = 0;
	char *b = malloc(cap);

	if (b == NULL)
		return NULL;
	o += (size_t)snprintf(b + o, cap - o,
		"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t i = 0; i < s->n; i += 100) {
		size_t k = s->n - i < 100 ? s->n - i : 100;
		o += (size_t)snprintf(b + o, cap - o, "%zu beginbfchar\n", k);
		for (size_t j = i; j < i + k; j++) {
			uint32_t cp = s->cps[j];
			if (cp >= 0x10000) {  /* a surrogate pair */
				uint32_t v = cp - 0x10000;
				o += (size_t)snprintf(b + o, cap - o, "<%04X> <%04X%04X>\n",
						      (unsigned)(SR_PUA_BASE + j),
						      (unsigned)(0xd800 + (v >> 10)),
						      (unsigned)(0xdc00 + (v & 0x3ff)));
			} else {
				o += (size_t)snprintf(b + o, cap - o, "<%04X> <%04X>\n",
						      (unsigned)(SR_PUA_BASE + j), (unsigned)cp);
			}
		}
		o += (size_t)snprintf(b + o, cap - o, "endbfchar\n");
	}
	o += (size_t)snprintf(b + o, cap - o,
		"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	*len = o;
	return b;
}
