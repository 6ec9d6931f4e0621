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
