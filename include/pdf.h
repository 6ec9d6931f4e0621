#ifndef SR_PDF_H
#define SR_PDF_H
/* The PDF backend: lays out a report model (report.h) on A4 pages with
 * libharu — title block, summary box, per-product tables that break across
 * pages with repeated headers, a chart per product, incidents, notes, and a
 * footer with page i of n.  Fonts are embedded as a per-report subset. */
#include <stddef.h>
#include <stdint.h>
#include "fontsub.h"
#include "report.h"

struct sr_pdf_env {
	const struct sr_font *font;    /* TrueType covering Chinese and Latin */
	const char *tmpdir;            /* where subset files live briefly */
	int64_t timestamp;             /* document dates (SOURCE_DATE_EPOCH) */
};

/* Renders r into a new buffer (*out, *outlen; the caller frees *out).  *pages
 * receives the page count.  0 ok. */
int sr_pdf_render(const struct sr_report *r, const struct sr_pdf_env *env, unsigned char **out,
		  size_t *outlen, int *pages, struct sr_err *e);

#endif
