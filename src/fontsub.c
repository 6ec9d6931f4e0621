#include <hb-subset.h>
#include <hb.h>
#include <hb-ot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fontsub.h"

struct sr_font {
	hb_blob_t *blob;
	hb_face_t *face;
	hb_face_t *prep;          /* the face prepared once for repeated subsetting */
	hb_font_t *font;          /* glyphs and advances of the source font */
	hb_set_t *unicodes;
	struct sr_font_metrics m;
};

static void font_metrics(struct sr_font *f);

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
	f->prep = hb_subset_preprocess(f->face);
	f->font = hb_font_create(f->face);
	font_metrics(f);
	return f;
}

void sr_font_close(struct sr_font *f)
{
	if (f == NULL)
		return;
	hb_set_destroy(f->unicodes);
	hb_font_destroy(f->font);
	hb_face_destroy(f->prep);
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
	if (s->bmp == NULL) {
		s->bmp = calloc(0x10000 / 64, sizeof *s->bmp);
		if (s->bmp == NULL)
			return;
	}
	while (*text) {
		uint32_t cp;
		text += sr_utf8_next(text, &cp);
		if (cp < 0x10000) {
			uint64_t bit = (uint64_t)1 << (cp & 63);
			if (s->bmp[cp >> 6] & bit)
				continue;
			s->bmp[cp >> 6] |= bit;
		} else {
			size_t i = 0;
			while (i < s->n && s->v[i] != cp)  /* rare: outside the BMP */
				i++;
			if (i < s->n)
				continue;
		}
		if (s->n == s->cap) {
			size_t nc = s->cap ? s->cap * 2 : 256;
			uint32_t *nv = realloc(s->v, nc * sizeof *nv);
			if (nv == NULL)
				return;
			s->v = nv;
			s->cap = nc;
		}
		s->v[s->n++] = cp;
	}
}

void sr_cpset_free(struct sr_cpset *s)
{
	free(s->v);
	free(s->bmp);
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

/* A big-endian 16-bit signed value of a table. */
static int tab16(hb_blob_t *b, unsigned off)
{
	unsigned len = 0;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(b, &len);

	if (p == NULL || off + 2 > len)
		return 0;
	return (int16_t)(uint16_t)((p[off] << 8) | p[off + 1]);
}

/* The font's PostScript name and metrics, in 1/1000 em. */
static void font_metrics(struct sr_font *f)
{
	unsigned n = sizeof f->m.name, upem = hb_face_get_upem(f->face);
	hb_blob_t *head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
	hb_font_extents_t ext;
	long u = upem ? (long)upem : 1000;

	if (hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &n,
				f->m.name) == 0)
		snprintf(f->m.name, sizeof f->m.name, "Font");
	/* a PDF name: keep it to plain characters */
	for (char *c = f->m.name; *c; c++)
		if (*c <= ' ' || *c > '~' || strchr("()<>[]{}/%#", *c))
			*c = '-';
	for (int i = 0; i < 4; i++)
		f->m.bbox[i] = (int)(tab16(head, 36 + 2 * (unsigned)i) * 1000L / u);
	hb_blob_destroy(head);
	memset(&ext, 0, sizeof ext);
	hb_font_get_h_extents(f->font, &ext);
	f->m.ascent = (int)(ext.ascender * 1000L / u);
	f->m.descent = (int)(ext.descender * 1000L / u);
}

const struct sr_font_metrics *sr_font_get_metrics(const struct sr_font *f)
{
	return &f->m;
}

int sr_font_subset(const struct sr_font *f, const struct sr_cpset *s, struct sr_subset *out,
		   struct sr_err *e)
{
	hb_subset_input_t *in = NULL;
	hb_subset_plan_t *plan = NULL;
	hb_face_t *sub = NULL;
	hb_blob_t *blob = NULL;
	const hb_map_t *old_to_new;
	const char *data;
	unsigned len = 0, upem = hb_face_get_upem(f->face);
	int rc = -1;

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
	if (out->n == 0 || out->n > SR_SUBSET_MAX) {
		sr_err_set(e, "font", "a report uses %zu distinct characters (1..%u)", out->n,
			   SR_SUBSET_MAX);
		goto out;
	}
	out->gid = malloc(out->n * sizeof *out->gid);
	out->adv = malloc(out->n * sizeof *out->adv);
	in = hb_subset_input_create_or_fail();
	if (out->gid == NULL || out->adv == NULL || in == NULL)
		goto oom;
	for (size_t i = 0; i < out->n; i++)
		hb_set_add(hb_subset_input_unicode_set(in), out->cps[i]);
	/* hinting is useless in a PDF and large in CJK fonts; a CIDFontType2 with an
	 * identity CIDToGIDMap needs no character map, layout, naming, OS/2 or
	 * PostScript tables (PDF 1.7, 9.9) */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	{
		static const hb_tag_t drop[] = {
			HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'),
			HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
			HB_TAG('G', 'D', 'E', 'F'), HB_TAG('g', 'a', 's', 'p'),
			HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'),
			HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'),
			HB_TAG('L', 'T', 'S', 'H'), HB_TAG('v', 'h', 'e', 'a'),
			HB_TAG('v', 'm', 't', 'x'), HB_TAG('B', 'A', 'S', 'E'),
			HB_TAG('c', 'm', 'a', 'p'), HB_TAG('O', 'S', '/', '2'),
		};
		hb_set_t *t = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
		for (size_t i = 0; i < sizeof drop / sizeof *drop; i++)
			hb_set_add(t, drop[i]);
	}
	plan = hb_subset_plan_create_or_fail(f->prep, in);
	if (plan == NULL) {
		sr_err_set(e, "font", "font subsetting failed");
		goto out;
	}
	/* glyph of each character in the subset, advance from the source font */
	old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
	for (size_t i = 0; i < out->n; i++) {
		hb_codepoint_t g = 0, ng;
		hb_font_get_nominal_glyph(f->font, out->cps[i], &g);
		ng = hb_map_get(old_to_new, g);
		out->gid[i] = ng == HB_MAP_VALUE_INVALID ? 0 : (uint16_t)ng;
		out->adv[i] = (int)((long)hb_font_get_glyph_h_advance(f->font, g) * 1000 /
				    (long)(upem ? upem : 1000));
	}
	sub = hb_subset_plan_execute_or_fail(plan);
	if (sub == NULL) {
		sr_err_set(e, "font", "font subsetting failed");
		goto out;
	}
	blob = hb_face_reference_blob(sub);
	data = hb_blob_get_data(blob, &len);
	out->data = malloc(len ? len : 1);
	if (out->data == NULL)
		goto oom;
	memcpy(out->data, data, len);
	out->len = len;
	/* the index of sr_subset_index: at most half full */
	for (out->hmask = 15; out->hmask + 1 < 2 * out->n; out->hmask = out->hmask * 2 + 1)
		;
	out->hkey = malloc((out->hmask + 1) * sizeof *out->hkey);
	out->hval = malloc((out->hmask + 1) * sizeof *out->hval);
	if (out->hkey == NULL || out->hval == NULL)
		goto oom;
	memset(out->hkey, 0xff, (out->hmask + 1) * sizeof *out->hkey);
	for (size_t i = 0; i < out->n; i++) {
		size_t h = (out->cps[i] * 2654435761u) & out->hmask;
		while (out->hkey[h] != UINT32_MAX)
			h = (h + 1) & out->hmask;
		out->hkey[h] = out->cps[i];
		out->hval[h] = (uint32_t)i;
	}
	rc = 0;
	goto out;
oom:
	sr_err_set(e, "no-memory", "out of memory");
out:
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_plan_destroy(plan);
	hb_subset_input_destroy(in);
	if (rc != 0)
		sr_subset_free(out);
	return rc;
}

void sr_subset_free(struct sr_subset *s)
{
	free(s->data);
	free(s->hkey);
	free(s->hval);
	free(s->gid);
	free(s->cps);
	free(s->adv);
	memset(s, 0, sizeof *s);
}

long sr_subset_index(const struct sr_subset *s, uint32_t cp)
{
	size_t h;

	if (s->hkey == NULL)
		return -1;
	for (h = (cp * 2654435761u) & s->hmask; s->hkey[h] != UINT32_MAX; h = (h + 1) & s->hmask)
		if (s->hkey[h] == cp)
			return (long)s->hval[h];
	return -1;
}

static int by_code(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;

	return (x[0] > y[0]) - (x[0] < y[0]);
}

/* Writes one block ("N beginbfchar" or "N beginbfrange") of at most 100 lines. */
static size_t cmap_block(char *b, size_t cap, const char *kind, const char *lines, size_t len,
			 size_t n)
{
	size_t o = (size_t)snprintf(b, cap, "%zu begin%s\n", n, kind);

	memcpy(b + o, lines, len);
	o += len;
	o += (size_t)snprintf(b + o, cap - o, "end%s\n", kind);
	return o;
}

char *sr_subset_tounicode(const struct sr_subset *s, size_t *len)
{
	size_t cap = 512 + s->n * 64, o = 0, nm = 0, nchar = 0, nrange = 0, lc = 0, lr = 0;
	char *b = malloc(cap), *chars = malloc(s->n * 32 + 1), *ranges = malloc(s->n * 32 + 1);
	uint32_t (*m)[2] = malloc((s->n ? s->n : 1) * sizeof *m);

	if (b == NULL || chars == NULL || ranges == NULL || m == NULL) {
		free(b);
		b = NULL;
		goto out;
	}
	/* glyph id -> character, by glyph id; a glyph two characters share maps to
	 * the first */
	for (size_t i = 0; i < s->n; i++) {
		m[nm][0] = s->gid[i];
		m[nm++][1] = s->cps[i];
	}
	qsort(m, nm, sizeof *m, by_code);
	o += (size_t)snprintf(b + o, cap - o,
		"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t i = 0; i < nm;) {
		size_t k = 1;
		uint32_t g = m[i][0], cp = m[i][1];
		if (i > 0 && m[i - 1][0] == g) {
			i++;
			continue;
		}
		/* a run of glyphs and characters that both count up, within one
		 * last byte on either side */
		while (cp < 0x10000 && i + k < nm && m[i + k][0] == g + k && m[i + k][1] == cp + k &&
		       ((g + k) & 0xff) != 0 && ((cp + k) & 0xff) != 0)
			k++;
		if (k > 1) {
			lr += (size_t)snprintf(ranges + lr, s->n * 32 + 1 - lr, "<%04X> <%04X> <%04X>\n",
					       (unsigned)g, (unsigned)(g + k - 1), (unsigned)cp);
			if (++nrange == 100) {
				o += cmap_block(b + o, cap - o, "bfrange", ranges, lr, nrange);
				lr = nrange = 0;
			}
		} else {
			if (cp >= 0x10000) {  /* a surrogate pair */
				uint32_t v = cp - 0x10000;
				lc += (size_t)snprintf(chars + lc, s->n * 32 + 1 - lc,
						       "<%04X> <%04X%04X>\n", (unsigned)g,
						       (unsigned)(0xd800 + (v >> 10)),
						       (unsigned)(0xdc00 + (v & 0x3ff)));
			} else {
				lc += (size_t)snprintf(chars + lc, s->n * 32 + 1 - lc, "<%04X> <%04X>\n",
						       (unsigned)g, (unsigned)cp);
			}
			if (++nchar == 100) {
				o += cmap_block(b + o, cap - o, "bfchar", chars, lc, nchar);
				lc = nchar = 0;
			}
		}
		i += k;
	}
	if (nchar > 0)
		o += cmap_block(b + o, cap - o, "bfchar", chars, lc, nchar);
	if (nrange > 0)
		o += cmap_block(b + o, cap - o, "bfrange", ranges, lr, nrange);
	o += (size_t)snprintf(b + o, cap - o,
		"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	*len = o;
out:
	free(chars);
	free(ranges);
	free(m);
	return b;
}
