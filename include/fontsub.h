#ifndef SR_FONTSUB_H
#define SR_FONTSUB_H
/* Font subsetting with HarfBuzz hb-subset: one TrueType subset per report,
 * holding only the characters the report uses (a CJK font is ~5 MB; a
 * report's subset ~10 KB). */
#include <stddef.h>
#include <stdint.h>
#include "err.h"

struct sr_font;  /* a loaded source font (face of a .ttf / .ttc) */

/* Loads face `index` of path.  NULL with e filled on failure. */
struct sr_font *sr_font_open(const char *path, unsigned index, struct sr_err *e);
void sr_font_close(struct sr_font *f);
/* 1 if the font has a glyph for codepoint cp. */
int sr_font_has(const struct sr_font *f, uint32_t cp);

/* A set of codepoints a report uses (each once, in the order first seen). */
struct sr_cpset {
	uint32_t *v;
	size_t n, cap;
	uint64_t *bmp;            /* which of U+0000..U+FFFF are in v */
};
/* Adds every codepoint of the UTF-8 string s. */
void sr_cpset_add_utf8(struct sr_cpset *s, const char *text);
void sr_cpset_free(struct sr_cpset *s);

/* Writes the subset of f for the codepoints of s to a new temporary file in
 * dir; *path receives its name (the caller unlinks it and frees path). */
int sr_font_subset_file(const struct sr_font *f, const struct sr_cpset *s, const char *dir,
			char **path, struct sr_err *e);

/* The source font's PostScript name (PDF-safe) and metrics in 1/1000 em. */
struct sr_font_metrics {
	char name[64];
	int bbox[4];              /* xMin yMin xMax yMax */
	int ascent, descent;
};
const struct sr_font_metrics *sr_font_get_metrics(const struct sr_font *f);

/* A report's font: the subset of the report's characters, in memory.  Text is
 * drawn in the subset's glyph ids (a PDF CIDFontType2 with an identity
 * CIDToGIDMap) and the PDF's ToUnicode map gives the characters back
 * (sr_subset_tounicode). */
#define SR_SUBSET_MAX 6400u
struct sr_subset {
	unsigned char *data;      /* the TrueType subset */
	size_t len;
	uint32_t *cps;            /* the characters, sorted */
	uint16_t *gid;            /* glyph id in the subset, per character */
	int *adv;                 /* advance widths in 1/1000 em, per character */
	size_t n;
	uint32_t *hkey;           /* open-addressing index: character -> position */
	uint32_t *hval;
	size_t hmask;
};
/* Subsets f to the characters of s into out (freed with sr_subset_free, also
 * after a failure).  0 ok. */
int sr_font_subset(const struct sr_font *f, const struct sr_cpset *s, struct sr_subset *out,
		   struct sr_err *e);
void sr_subset_free(struct sr_subset *s);
/* Index of cp in the subset, or -1. */
long sr_subset_index(const struct sr_subset *s, uint32_t cp);
/* The ToUnicode CMap (PDF text) of the subset: glyph id -> character; caller
 * frees. */
char *sr_subset_tounicode(const struct sr_subset *s, size_t *len);

/* Decodes one UTF-8 sequence at s (valid input assumed); returns its length. */
size_t sr_utf8_next(const char *s, uint32_t *cp);

#endif
