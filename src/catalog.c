#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog.h"
#include "civil.h"
#include "xmlsafe.h"

#define MAX_CATALOGS 1024

static void diag(struct sr_diags *d, int is_error, const char *file, long line,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void diag(struct sr_diags *d, int is_error, const char *file, long line,
		 const char *fmt, ...)
{
	va_list ap;
	struct sr_diag *x;

	if (d->n == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 16;
		struct sr_diag *nv = realloc(d->v, nc * sizeof *nv);
		if (nv == NULL)
			return;
		d->v = nv;
		d->cap = nc;
	}
	x = &d->v[d->n++];
	x->is_error = is_error;
	snprintf(x->file, sizeof x->file, "%s", file);
	x->line = line;
	va_start(ap, fmt);
	vsnprintf(x->msg, sizeof x->msg, fmt, ap);
	va_end(ap);
	if (is_error)
		d->errors++;
	else
		d->warnings++;
}

void sr_diags_free(struct sr_diags *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}

/* ---- small DOM helpers ---- */

static void attr(xmlNodePtr n, const char *name, char *out, size_t cap)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);

	snprintf(out, cap, "%s", v ? (const char *)v : "");
	xmlFree(v);
}

static int attr_bool(xmlNodePtr n, const char *name, int dflt)
{
	char b[8];

	attr(n, name, b, sizeof b);
	if (!b[0])
		return dflt;
	return strcmp(b, "true") == 0 || strcmp(b, "1") == 0;
}

static int64_t attr_count(xmlNodePtr n, const char *name, int64_t dflt)
{
	char b[24];
	int64_t v = 0;

	attr(n, name, b, sizeof b);
	if (!b[0])
		return dflt;
	for (char *p = b; *p; p++)
		v = v * 10 + (*p - '0');  /* the schema allows digits only */
	return v;
}

/* The element's text, trimmed, into out[cap]; a text longer than cap holds is
 * an error, never silently cut. */
static void text_of(xmlNodePtr n, char *out, size_t cap, const char *file, struct sr_diags *d)
{
	xmlChar *v = xmlNodeGetContent(n);
	const char *s = v ? (const char *)v : "";
	size_t len = strlen(s);

	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t'))
		len--;
	if (len >= cap) {
		diag(d, 1, file, xmlGetLineNo(n), "<%s> text is %zu bytes; at most %zu fit",
		     (const char *)n->name, len, cap - 1);
		len = 0;
	}
	memcpy(out, s, len);
	out[len] = '\0';
	xmlFree(v);
}

/* Title-like pair: <x lang="zh-CN">..</x><x lang="en">..</x> */
static void lang_text(xmlNodePtr n, char *zh, size_t zcap, char *en, size_t ecap,
		      const char *file, struct sr_diags *d)
{
	char lang[8];

	attr(n, "lang", lang, sizeof lang);
	if (strcmp(lang, "en") == 0)
		text_of(n, en, ecap, file, d);
	else
		text_of(n, zh, zcap, file, d);
}

static int pick(const char *v, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	return 0;
}

static const char *const metric_kinds[] = {
	"event-minutes", "multi-zone", "request-ratio", "usage-windows", "window-mean",
	"outage-length", "count", "fleet", "sum", "none"
};
static const char *const comp_kinds[] = {
	"voucher", "service-units", "request-units", "extra-time", "none",
	"voucher-excess-minutes"
};

const char *sr_metric_kind_name(enum sr_metric_kind k)
{
	return metric_kinds[k];
}

const char *sr_comp_kind_name(enum sr_comp_kind k)
{
	return comp_kinds[k];
}

/* ---- conversion of one validated document ---- */

static void band_label(struct sr_band *b, enum sr_measure ms)
{
	const char *top = ms == SR_MEASURE_AVAILABILITY ? "100" : "inf";

	snprintf(b->label, sizeof b->label, "%s%s,%s%s", b->lower_incl ? "[" : "(",
		 b->has_lower ? b->lower_txt : "0", b->has_upper ? b->upper_txt : top,
		 b->upper_incl ? "]" : ")");
}

/* A bound or amount attribute: a percentage (fraction of 1) when pct is set,
 * else a plain decimal.  0 absent, 1 present, -1 invalid. */
static int num_attr(xmlNodePtr n, const char *name, int pct, struct sr_ratio *r, char *txt,
		    size_t tcap, const char *file, struct sr_diags *d)
{
	char b[24];
	struct sr_err e;
	int rc;

	attr(n, name, b, sizeof b);
	if (!b[0])
		return 0;
	rc = pct ? sr_pct_parse(b, r, &e) : sr_dec_ratio_parse(b, r, &e);
	if (rc != 0) {
		diag(d, 1, file, xmlGetLineNo(n), "%s=\"%s\": %s", name, b, e.msg);
		return -1;
	}
	if (txt != NULL)
		snprintf(txt, tcap, "%s", b);
	return 1;
}

static const char *const measures[] = {
	"availability", "longest-minutes", "total-minutes", "longest-or-total-minutes", "count"
};

static int load_bands(xmlNodePtr bands, struct sr_metric *m, const char *file,
		      struct sr_diags *d)
{
	size_t n = 0;
	int bad = 0, pct;
	char ms[32];

	attr(bands, "measure", ms, sizeof ms);
	m->measure = ms[0] ? pick(ms, measures, 5) : SR_MEASURE_AVAILABILITY;
	pct = m->measure == SR_MEASURE_AVAILABILITY;
	for (xmlNodePtr b = bands->children; b; b = b->next)
		n += sr_xml_is(b, "band");
	m->bands = calloc(n ? n : 1, sizeof *m->bands);
	if (m->bands == NULL)
		return -1;
	for (xmlNodePtr bn = bands->children; bn; bn = bn->next) {
		struct sr_band *b;
		int pays;

		if (!sr_xml_is(bn, "band"))
			continue;
		b = &m->bands[m->nbands++];
		b->line = xmlGetLineNo(bn);
		b->has_lower = num_attr(bn, "lower", pct, &b->lower, b->lower_txt,
					sizeof b->lower_txt, file, d);
		b->has_upper = num_attr(bn, "upper", pct, &b->upper, b->upper_txt,
					sizeof b->upper_txt, file, d);
		if (b->has_lower < 0 || b->has_upper < 0)
			bad = 1;
		if (b->has_lower <= 0) {
			b->has_lower = 0;
			b->lower = (struct sr_ratio){0, 1};
		}
		if (b->has_upper <= 0) {
			b->has_upper = 0;
			/* availability tops out at 100 %; minutes and counts have no top */
			b->upper = pct ? (struct sr_ratio){1, 1} : (struct sr_ratio){INT64_MAX / 4, 1};
		}
		b->lower_incl = attr_bool(bn, "lower-inclusive", 1);
		b->upper_incl = attr_bool(bn, "upper-inclusive", 0);
		if (num_attr(bn, "percent", 1, &b->percent, b->percent_txt, sizeof b->percent_txt,
			     file, d) < 0 ||
		    num_attr(bn, "multiplier", 0, &b->multiplier, b->multiplier_txt,
			     sizeof b->multiplier_txt, file, d) < 0)
			bad = 1;
		b->months = attr_count(bn, "months", 0);
		b->days = attr_count(bn, "days", 0);
		band_label(b, m->measure);
		pays = (b->percent_txt[0] != 0) + (b->multiplier_txt[0] != 0) + (b->months > 0) +
		       (b->days > 0);
		if (pays != 1) {
			diag(d, 1, file, b->line, "band %s must state exactly one of percent, "
			     "multiplier, months or days", b->label);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

static const char *const whens[] = {
	"", "error-rate-above", "all-failed", "success-rate-below"
};

static int load_window(xmlNodePtr c, struct sr_metric *m, const char *file, struct sr_diags *d)
{
	struct sr_window_rule *w = &m->window;
	char b[32];
	int bad = 0;

	m->has_window = 1;
	w->seconds = attr_count(c, "seconds", 0);
	attr(c, "unavailable-when", b, sizeof b);
	w->when = b[0] ? pick(b, whens, 4) : SR_WHEN_NONE;
	if (num_attr(c, "threshold-pct", 1, &w->threshold, NULL, 0, file, d) < 0 ||
	    (w->has_rate_floor = num_attr(c, "rate-floor-pct", 1, &w->rate_floor, NULL, 0,
					  file, d)) < 0)
		bad = 1;
	w->min_requests = attr_count(c, "min-requests", 0);
	w->min_consecutive = attr_count(c, "min-consecutive", 1);
	attr(c, "empty", b, sizeof b);
	w->empty_excluded = strcmp(b, "excluded") == 0;
	return bad ? -1 : 0;
}

static void split_of(struct sr_metric *m, const char *of)
{
	const char *p = of;

	while (*p && m->nof < 8) {
		size_t n = strcspn(p, " ");
		snprintf(m->of[m->nof++], SR_ID_MAX, "%.*s", (int)n, p);
		p += n;
		while (*p == ' ')
			p++;
	}
}

static const char *const rounds[] = {"up", "down", "seconds", "clock-covered", "clock-touched"};

static int load_metric(xmlNodePtr mn, struct sr_metric *m, const char *file, struct sr_diags *d)
{
	char kind[32], b[300];
	int bad = 0;

	m->line = xmlGetLineNo(mn);
	attr(mn, "id", m->id, sizeof m->id);
	attr(mn, "kind", kind, sizeof kind);
	m->kind = pick(kind, metric_kinds, 10);
	m->primary = attr_bool(mn, "primary", 0);
	attr(mn, "of", b, sizeof b);
	split_of(m, b);
	attr(mn, "lines", m->lines, sizeof m->lines);
	m->minutes.ignore_inclusive = 1;
	m->minutes.round = SR_ROUND_UP;
	m->measure = SR_MEASURE_AVAILABILITY;
	for (xmlNodePtr c = mn->children; c; c = c->next) {
		if (sr_xml_is(c, "title")) {
			lang_text(c, m->title_zh, sizeof m->title_zh, m->title_en, sizeof m->title_en,
				  file, d);
		} else if (sr_xml_is(c, "objective")) {
			m->has_objective = num_attr(c, "pct", 1, &m->objective, m->objective_txt,
						    sizeof m->objective_txt, file, d);
			m->has_max = num_attr(c, "max", 0, &m->max, m->max_txt, sizeof m->max_txt,
					      file, d);
			if (m->has_objective < 0 || m->has_max < 0)
				bad = 1;
		} else if (sr_xml_is(c, "minutes")) {
			m->minutes.ignore_seconds = attr_count(c, "ignore-seconds", 0);
			m->minutes.ignore_inclusive = attr_bool(c, "ignore-inclusive", 1);
			attr(c, "round", b, sizeof b);
			m->minutes.round = b[0] ? pick(b, rounds, 5) : SR_ROUND_UP;
			m->minutes.deductible_minutes = attr_count(c, "deductible-minutes", 0);
			m->minutes.merge_gap_seconds = attr_count(c, "merge-gap-seconds", 0);
		} else if (sr_xml_is(c, "window")) {
			if (load_window(c, m, file, d))
				bad = 1;
		} else if (sr_xml_is(c, "bands")) {
			if (load_bands(c, m, file, d))
				bad = 1;
		} else if (sr_xml_is(c, "compensation")) {
			attr(c, "kind", b, sizeof b);
			m->comp = pick(b, comp_kinds, 6);
			attr(c, "unit", m->unit, sizeof m->unit);
			attr(c, "max-units", b, sizeof b);
			m->max_units_usage = strcmp(b, "usage-total") == 0;
		}
	}
	return bad ? -1 : 0;
}

static int load_doc(xmlDocPtr doc, struct sr_catalog *c, struct sr_diags *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n;
	char b[64];
	struct sr_err e;
	size_t nm = 0, nc = 0, nn = 0, errors0 = d->errors;
	int bad = 0;
	static const char *const periods[] = {
		"natural-month", "full-month", "anniversary-month", "service-year", "natural-year"
	};
	static const char *const combines[] = {"max", "sum", "separate"};
	static const char *const caps[] = {"month-fee", "fees-paid", "fees-12m", "annual-fee"};

	attr(root, "product", c->product, sizeof c->product);
	attr(root, "provider", c->provider, sizeof c->provider);
	attr(root, "version", c->version, sizeof c->version);
	if (sr_parse_date(c->version, strlen(c->version), &c->version_day, &e)) {
		diag(d, 1, c->file, xmlGetLineNo(root), "version: %s", e.msg);
		bad = 1;
	}
	attr(root, "effective", b, sizeof b);
	c->effective_day = c->version_day;
	if (b[0]) {
		c->has_effective = 1;
		if (sr_parse_date(b, strlen(b), &c->effective_day, &e)) {
			diag(d, 1, c->file, xmlGetLineNo(root), "effective: %s", e.msg);
			bad = 1;
		}
	}
	attr(root, "timezone", b, sizeof b);
	if (sr_parse_offset(b, &c->tz_off, &e)) {
		diag(d, 1, c->file, xmlGetLineNo(root), "timezone: %s", e.msg);
		bad = 1;
	}
	for (n = root->children; n; n = n->next) {
		nm += sr_xml_is(n, "metric");
		nc += sr_xml_is(n, "commitment");
		nn += sr_xml_is(n, "note");
	}
	c->metrics = calloc(nm ? nm : 1, sizeof *c->metrics);
	c->commitments = calloc(nc ? nc : 1, sizeof *c->commitments);
	c->notes = calloc(nn ? nn : 1, sizeof *c->notes);
	if (!c->metrics || !c->commitments || !c->notes)
		return -1;
	c->combine = SR_COMBINE_SEPARATE;
	for (n = root->children; n; n = n->next) {
		if (sr_xml_is(n, "title")) {
			lang_text(n, c->title_zh, sizeof c->title_zh, c->title_en, sizeof c->title_en,
				  c->file, d);
		} else if (sr_xml_is(n, "source")) {
			attr(n, "seed", c->seed, sizeof c->seed);
			attr(n, "updated", c->updated, sizeof c->updated);
			c->seed_line = (long)attr_count(n, "line", 0);
		} else if (sr_xml_is(n, "period")) {
			attr(n, "kind", b, sizeof b);
			c->period = pick(b, periods, 5);
		} else if (sr_xml_is(n, "scope")) {
			attr(n, "kind", c->scope, sizeof c->scope);
			attr(n, "unit", c->scope_unit, sizeof c->scope_unit);
		} else if (sr_xml_is(n, "fee")) {
			attr(n, "basis", c->fee_basis, sizeof c->fee_basis);
		} else if (sr_xml_is(n, "causes")) {
			for (xmlNodePtr k = n->children; k; k = k->next) {
				struct sr_cause *cs;
				if (!sr_xml_is(k, "cause") || c->ncauses >= 32)
					continue;
				cs = &c->causes[c->ncauses++];
				attr(k, "code", cs->code, sizeof cs->code);
				cs->counts = attr_bool(k, "counts", 0);
				text_of(k, cs->text, sizeof cs->text, c->file, d);
			}
		} else if (sr_xml_is(n, "metric")) {
			if (load_metric(n, &c->metrics[c->nmetrics++], c->file, d))
				bad = 1;
		} else if (sr_xml_is(n, "combine")) {
			attr(n, "rule", b, sizeof b);
			c->combine = pick(b, combines, 3);
		} else if (sr_xml_is(n, "cap")) {
			attr(n, "kind", b, sizeof b);
			if (pick(b, caps, 4) == SR_CAP_MONTH_FEE)
				c->cap_month_fee = 1;
			c->liability[pick(b, caps, 4)] = 1;
		} else if (sr_xml_is(n, "claim")) {
			c->has_claim = 1;
			c->claim_business_day = (int)attr_count(n, "opens-after-business-day", 0);
			c->claim_days = (int)attr_count(n, "closes-after-days", 0);
			c->claim_months = (int)attr_count(n, "closes-after-months", 0);
			attr(n, "anchor", b, sizeof b);
			c->claim_from_service_end = strcmp(b, "service-period") == 0;
			attr(n, "opens-from", b, sizeof b);
			c->claim_after_end = strcmp(b, "period-end") == 0;
		} else if (sr_xml_is(n, "commitment")) {
			struct sr_commitment *cm = &c->commitments[c->ncommitments++];
			attr(n, "lines", cm->lines, sizeof cm->lines);
			for (xmlNodePtr t = n->children; t; t = t->next)
				if (sr_xml_is(t, "text"))
					lang_text(t, cm->text_zh, sizeof cm->text_zh, cm->text_en,
						  sizeof cm->text_en, c->file, d);
		} else if (sr_xml_is(n, "note")) {
			struct sr_note *no = &c->notes[c->nnotes++];
			attr(n, "id", no->id, sizeof no->id);
			attr(n, "kind", no->kind, sizeof no->kind);
			attr(n, "metric", no->metric, sizeof no->metric);
			attr(n, "lines", no->lines, sizeof no->lines);
			for (xmlNodePtr t = n->children; t; t = t->next) {
				if (sr_xml_is(t, "source-text"))
					text_of(t, no->source_text, sizeof no->source_text, c->file,
						d);
				else if (sr_xml_is(t, "policy"))
					lang_text(t, no->policy_zh, sizeof no->policy_zh,
						  no->policy_en, sizeof no->policy_en, c->file, d);
			}
		}
	}
	if (d->errors > errors0)  /* e.g. a text too long for its field */
		bad = 1;
	return bad ? -1 : 0;
}

/* ---- semantic checks (what the schema cannot say) ---- */

static int has_note(const struct sr_catalog *c, const char *kind, const char *metric)
{
	for (size_t i = 0; i < c->nnotes; i++)
		if (strcmp(c->notes[i].kind, kind) == 0 &&
		    (!c->notes[i].metric[0] || strcmp(c->notes[i].metric, metric) == 0))
			return 1;
	return 0;
}

/* Where two bands meet: 1 overlap, 0 exact, -1 gap (hi has the higher values). */
static int band_join(const struct sr_band *hi, const struct sr_band *lo)
{
	int cmp = sr_ratio_cmp(lo->upper, hi->lower);

	if (cmp > 0)
		return 1;
	if (cmp < 0)
		return -1;
	if (lo->upper_incl && hi->lower_incl)
		return 1;
	if (!lo->upper_incl && !hi->lower_incl)
		return -1;
	return 0;
}

static void check_bands(const struct sr_catalog *c, const struct sr_metric *m,
			struct sr_diags *d)
{
	const char *f = c->file;
	struct sr_ratio hundred = {1, 1};
	int avail = m->measure == SR_MEASURE_AVAILABILITY;
	int noted_overlap = has_note(c, "band-overlap", m->id);
	int noted_gap = has_note(c, "band-gap", m->id) || has_note(c, "objective-mismatch", m->id);

	for (size_t i = 0; i < m->nbands; i++) {
		const struct sr_band *b = &m->bands[i];
		int cmp = sr_ratio_cmp(b->lower, b->upper);

		if (cmp > 0 || (cmp == 0 && !(b->lower_incl && b->upper_incl)))
			diag(d, 1, f, b->line, "metric '%s': band %s is empty (lower above upper)",
			     m->id, b->label);
		if (avail && sr_ratio_cmp(b->upper, hundred) > 0)
			diag(d, 1, f, b->line, "metric '%s': band %s reaches above 100 %%", m->id,
			     b->label);
		if (b->percent_txt[0] && sr_ratio_cmp(b->percent, hundred) > 0)
			diag(d, 1, f, b->line, "metric '%s': band %s pays %s %%, above 100 %%",
			     m->id, b->label, b->percent_txt);
		if (avail && m->has_objective > 0 && sr_ratio_cmp(b->upper, m->objective) > 0)
			diag(d, !has_note(c, "objective-mismatch", m->id), f, b->line,
			     "metric '%s': band %s reaches above the objective %s %% (a month "
			     "that met the commitment earns nothing there)%s", m->id, b->label,
			     m->objective_txt, has_note(c, "objective-mismatch", m->id) ?
			     " (recorded in a note)" : "");
		if (!avail && m->has_max > 0 && (sr_ratio_cmp(b->lower, m->max) < 0 ||
		    (sr_ratio_cmp(b->lower, m->max) == 0 && b->lower_incl)))
			diag(d, 1, f, b->line, "metric '%s': band %s reaches down to the objective "
			     "max %s (it would pay when the commitment was met)", m->id, b->label,
			     m->max_txt);
		if ((m->comp == SR_COMP_VOUCHER || m->comp == SR_COMP_SERVICE_UNITS) &&
		    !b->percent_txt[0])
			diag(d, 1, f, b->line, "metric '%s': %s compensation needs percent= on "
			     "band %s", m->id, sr_comp_kind_name(m->comp), b->label);
		if ((m->comp == SR_COMP_REQUEST_UNITS || m->comp == SR_COMP_VOUCHER_EXCESS) &&
		    !b->multiplier_txt[0])
			diag(d, 1, f, b->line, "metric '%s': %s compensation needs multiplier= "
			     "on band %s", m->id, sr_comp_kind_name(m->comp), b->label);
		if (m->comp == SR_COMP_EXTRA_TIME && b->months <= 0 && b->days <= 0)
			diag(d, 1, f, b->line, "metric '%s': extra-time compensation needs months= "
			     "or days= on band %s", m->id, b->label);
		for (size_t j = 0; j < i; j++) {
			const struct sr_band *o = &m->bands[j];
			const struct sr_band *hi = sr_ratio_cmp(o->upper, b->upper) >= 0 ? o : b;
			const struct sr_band *lo = hi == o ? b : o;
			if (band_join(hi, lo) > 0)
				diag(d, !noted_overlap, f, b->line, "metric '%s': bands %s and %s "
				     "overlap%s", m->id, o->label, b->label, noted_overlap ?
				     " (recorded in a note: the band paying more applies)" : "");
		}
	}
	/* gaps between neighbours: availability bands run from the highest down,
	 * minute and count bands from the mildest up */
	for (size_t i = 0; i + 1 < m->nbands; i++) {
		const struct sr_band *a = &m->bands[i], *b = &m->bands[i + 1];
		const struct sr_band *hi = avail ? a : b, *lo = avail ? b : a;
		if (sr_ratio_cmp(lo->upper, hi->upper) > 0) {
			diag(d, 1, f, b->line, "metric '%s': bands must be listed %s", m->id,
			     avail ? "from the highest availability to the lowest" :
			     "from the smallest value to the largest");
			return;
		}
		if (band_join(hi, lo) < 0)
			diag(d, 0, f, b->line, "metric '%s': gap between bands %s and %s: a value "
			     "there earns nothing%s", m->id, lo->label, hi->label,
			     noted_gap ? " (recorded in a note)" : "");
	}
	if (m->nbands == 0)
		return;
	if (avail && m->has_objective > 0) {
		const struct sr_band *top = &m->bands[0], *last = &m->bands[m->nbands - 1];
		int cmp = sr_ratio_cmp(top->upper, m->objective);
		if (cmp < 0)
			diag(d, 0, f, top->line, "metric '%s': objective %s %% but the first band "
			     "starts below %s: a month in between misses the objective and "
			     "earns nothing%s", m->id, m->objective_txt, top->upper_txt,
			     noted_gap ? " (recorded in a note)" : "");
		/* a first band above the objective is reported as reaching above it */
		else if (cmp == 0 && top->upper_incl)
			diag(d, 0, f, top->line, "metric '%s': the first band includes the "
			     "objective %s %% itself, which meets the objective and earns nothing",
			     m->id, m->objective_txt);
		if (last->has_lower && sr_ratio_cmp(last->lower, (struct sr_ratio){0, 1}) > 0)
			diag(d, 0, f, last->line, "metric '%s': no band below %s %%", m->id,
			     last->lower_txt);
	} else if (!avail && m->has_max > 0) {
		const struct sr_band *first = &m->bands[0];
		/* counts are whole numbers: "max 2, first band from 3" leaves no gap */
		int whole_next = m->measure == SR_MEASURE_COUNT && first->lower_incl &&
				 m->max.den == 1 && first->lower.den == 1 &&
				 first->lower.num == m->max.num + 1;
		if (!whole_next && (sr_ratio_cmp(first->lower, m->max) != 0 || first->lower_incl))
			diag(d, 0, f, first->line, "metric '%s': objective max %s but the first "
			     "band starts at %s%s%s", m->id, m->max_txt, first->lower_incl ?
			     "" : "above ", first->has_lower ? first->lower_txt : "0",
			     noted_gap ? " (recorded in a note)" : "");
	}
}

static void check_metric(const struct sr_catalog *c, const struct sr_metric *m,
			 struct sr_diags *d)
{
	const char *f = c->file;
	int avail = m->measure == SR_MEASURE_AVAILABILITY;

	switch (m->kind) {
	case SR_MK_MULTI_ZONE: {
		const struct sr_metric *o = m->nof ? sr_catalog_metric(c, m->of[0]) : NULL;
		if (m->nof != 1 || o == NULL || o->kind != SR_MK_EVENT_MINUTES)
			diag(d, 1, f, m->line, "metric '%s': of= must name one event-minutes "
			     "metric of this catalog", m->id);
		break;
	}
	case SR_MK_SUM:
		if (m->nof < 2)
			diag(d, 1, f, m->line, "metric '%s': of= must name the metrics it adds up",
			     m->id);
		for (size_t i = 0; i < m->nof; i++) {
			const struct sr_metric *o = sr_catalog_metric(c, m->of[i]);
			if (o == NULL || o->kind != SR_MK_EVENT_MINUTES)
				diag(d, 1, f, m->line, "metric '%s': of= part '%s' is not an "
				     "event-minutes metric of this catalog", m->id, m->of[i]);
			else if ((o->minutes.round == SR_ROUND_SECONDS) !=
				 (m->minutes.round == SR_ROUND_SECONDS))
				diag(d, 1, f, m->line, "metric '%s': part '%s' counts %s but the sum "
				     "counts %s (give the sum <minutes round=\"%s\">)", m->id,
				     m->of[i], o->minutes.round == SR_ROUND_SECONDS ? "seconds" :
				     "minutes", m->minutes.round == SR_ROUND_SECONDS ? "seconds" :
				     "minutes", o->minutes.round == SR_ROUND_SECONDS ? "seconds" : "up");
		}
		break;
	case SR_MK_USAGE_WINDOWS:
	case SR_MK_WINDOW_MEAN:
		if (!m->has_window || m->window.seconds < 1 || 86400 % m->window.seconds != 0)
			diag(d, 1, f, m->line, "metric '%s': needs <window seconds=> dividing a "
			     "day (20, 60, 300, 86400 …)", m->id);
		else if (m->kind == SR_MK_USAGE_WINDOWS && (m->window.when == SR_WHEN_NONE ||
			 (m->window.when != SR_WHEN_ALL_FAILED && !m->window.threshold.den)))
			diag(d, 1, f, m->line, "metric '%s': usage-windows needs unavailable-when= "
			     "(and threshold-pct= unless all-failed)", m->id);
		break;
	case SR_MK_OUTAGE_LENGTH:
		if (avail || !m->has_max || m->measure == SR_MEASURE_COUNT)
			diag(d, 1, f, m->line, "metric '%s': outage-length needs <objective max=> "
			     "and bands measured in minutes", m->id);
		break;
	case SR_MK_COUNT:
		if (m->measure != SR_MEASURE_COUNT || !m->has_max)
			diag(d, 1, f, m->line, "metric '%s': count needs <objective max=> and "
			     "<bands measure=\"count\">", m->id);
		break;
	case SR_MK_NONE:
		if (m->comp != SR_COMP_NONE || m->nbands > 0 || m->has_objective || m->has_max)
			diag(d, 1, f, m->line, "metric '%s': kind none takes no objective, "
			     "bands or compensation", m->id);
		break;
	default:
		break;
	}
	if (m->comp == SR_COMP_VOUCHER_EXCESS && (!avail || m->has_objective <= 0 ||
	    (m->kind != SR_MK_EVENT_MINUTES && m->kind != SR_MK_FLEET && m->kind != SR_MK_SUM &&
	     m->kind != SR_MK_MULTI_ZONE)))
		diag(d, 1, f, m->line, "metric '%s': voucher-excess-minutes needs a minute-based "
		     "availability metric with an objective", m->id);
	if (m->kind != SR_MK_OUTAGE_LENGTH && m->kind != SR_MK_COUNT && !avail && m->nbands)
		diag(d, 1, f, m->line, "metric '%s': bands of a %s metric measure availability",
		     m->id, sr_metric_kind_name(m->kind));
	if (avail && m->kind != SR_MK_NONE && m->has_objective <= 0 && m->comp != SR_COMP_NONE)
		diag(d, 1, f, m->line, "metric '%s' has no <objective pct=>", m->id);
	if (m->comp != SR_COMP_NONE && m->nbands == 0)
		diag(d, 1, f, m->line, "metric '%s': compensation %s needs <bands>", m->id,
		     sr_comp_kind_name(m->comp));
	if ((m->comp == SR_COMP_SERVICE_UNITS || m->comp == SR_COMP_REQUEST_UNITS ||
	     m->comp == SR_COMP_EXTRA_TIME) && !m->unit[0])
		diag(d, 1, f, m->line, "metric '%s': %s compensation needs unit=", m->id,
		     sr_comp_kind_name(m->comp));
	check_bands(c, m, d);
}

static void check_catalog(const struct sr_catalog *c, struct sr_diags *d)
{
	const char *f = c->file;
	int primaries = 0, provider = 0;

	for (size_t i = 0; i < c->ncauses; i++) {
		provider |= strcmp(c->causes[i].code, "provider") == 0 && c->causes[i].counts;
		for (size_t j = 0; j < i; j++)
			if (strcmp(c->causes[i].code, c->causes[j].code) == 0)
				diag(d, 1, f, 0, "cause '%s' is listed twice", c->causes[i].code);
	}
	if (!provider)
		diag(d, 1, f, 0, "the cause list must contain code=\"provider\" counts=\"true\"");
	if (c->has_claim) {
		if ((c->claim_days > 0) == (c->claim_months > 0))
			diag(d, 1, f, 0, "<claim> needs exactly one of closes-after-days and "
			     "closes-after-months");
		if (c->claim_business_day > 23)
			diag(d, 1, f, 0, "<claim> opens-after-business-day must be 0..23");
	}
	for (size_t i = 0; i < c->nmetrics && !c->has_claim; i++)
		if (c->metrics[i].comp != SR_COMP_NONE) {
			diag(d, 1, f, 0, "metric '%s' compensates, so the catalog needs a <claim> "
			     "window", c->metrics[i].id);
			break;
		}
	for (size_t i = 0; i < c->nmetrics; i++) {
		const struct sr_metric *m = &c->metrics[i];

		primaries += m->primary;
		for (size_t j = 0; j < i; j++)
			if (strcmp(m->id, c->metrics[j].id) == 0)
				diag(d, 1, f, m->line, "metric id '%s' is used twice", m->id);
		check_metric(c, m, d);
	}
	if (primaries > 1)
		diag(d, 1, f, 0, "more than one metric has primary=\"true\"");
	/* the source defects the catalog records are reported with every validate */
	for (size_t i = 0; i < c->nnotes; i++)
		diag(d, 0, f, 0, "note %s (%s%s%s): %.300s", c->notes[i].id, c->notes[i].kind,
		     c->notes[i].metric[0] ? ", metric " : "", c->notes[i].metric,
		     c->notes[i].policy_en);
}

/* ---- loading a directory ---- */

struct schema {
	xmlSchemaPtr schema;
};

struct val_ctx {
	struct sr_diags *d;
	const char *file;
	int errors;
};

static void on_valid_error(void *data, xmlErrorPtr err)
{
	struct val_ctx *v = data;
	char msg[400];
	size_t n;

	if (err == NULL || v->errors >= 20)
		return;
	snprintf(msg, sizeof msg, "%s", err->message ? err->message : "invalid");
	n = strlen(msg);
	while (n > 0 && msg[n - 1] == '\n')
		msg[--n] = '\0';
	diag(v->d, 1, v->file, err->line, "schema: %s", msg);
	v->errors++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_schema(const char *dir, xmlSchemaPtr *out, struct sr_diags *d)
{
	char path[1024];
	xmlSchemaParserCtxtPtr pc;
	struct val_ctx v = {d, "catalog.xsd", 0};

	snprintf(path, sizeof path, "%s/catalog.xsd", dir);
	sr_xml_trusted(1);  /* the schema is ours; catalogs are read locked down */
	pc = xmlSchemaNewParserCtxt(path);
	if (pc == NULL) {
		sr_xml_trusted(0);
		diag(d, 1, path, 0, "cannot read the catalog schema");
		return -1;
	}
	xmlSchemaSetParserStructuredErrors(pc, on_valid_error, &v);
	*out = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	sr_xml_trusted(0);
	if (*out == NULL) {
		diag(d, 1, path, 0, "the catalog schema is missing or invalid");
		return -1;
	}
	return 0;
}

static int load_one(const char *path, const char *file, xmlSchemaPtr schema,
		    struct sr_catalog *c, struct sr_diags *d)
{
	xmlDocPtr doc = NULL;
	xmlSchemaValidCtxtPtr vc = NULL;
	struct sr_err e;
	struct val_ctx v = {d, file, 0};
	xmlNodePtr root;
	int rc = -1;

	memset(c, 0, sizeof *c);
	snprintf(c->path, sizeof c->path, "%s", path);
	snprintf(c->file, sizeof c->file, "%s", file);
	sr_err_clear(&e);
	if (sr_xml_read(path, file, &doc, c->sha256, &e)) {
		diag(d, 1, file, e.line, "%s", e.msg);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (root->ns == NULL || strcmp((const char *)root->ns->href, "urn:slareport:catalog:1")) {
		diag(d, 1, file, xmlGetLineNo(root), "the root element must be <catalog "
		     "xmlns=\"urn:slareport:catalog:1\"> (found <%s>%s%s)", root->name,
		     root->ns ? " in namespace " : " without a namespace",
		     root->ns ? (const char *)root->ns->href : "");
		goto out;
	}
	vc = xmlSchemaNewValidCtxt(schema);
	if (vc == NULL)
		goto out;
	xmlSchemaSetValidStructuredErrors(vc, on_valid_error, &v);
	if (xmlSchemaValidateDoc(vc, doc) != 0 || v.errors > 0) {
		if (v.errors == 0)
			diag(d, 1, file, 0, "schema validation failed");
		goto out;
	}
	if (load_doc(doc, c, d))
		goto out;
	rc = 0;
out:
	if (vc)
		xmlSchemaFreeValidCtxt(vc);
	if (doc)
		xmlFreeDoc(doc);
	return rc;
}

static void free_catalog(struct sr_catalog *c)
{
	for (size_t i = 0; i < c->nmetrics; i++)
		free(c->metrics[i].bands);
	free(c->metrics);
	free(c->commitments);
	free(c->notes);
}

int sr_catalogs_load(const char *dir, struct sr_catalogs *out, struct sr_diags *d)
{
	DIR *dh;
	struct dirent *de;
	char **names = NULL, path[1024];
	size_t nnames = 0;
	xmlSchemaPtr schema = NULL;
	size_t before = d->errors;

	memset(out, 0, sizeof *out);
	dh = opendir(dir);
	if (dh == NULL) {
		diag(d, 1, dir, 0, "cannot open the catalog directory");
		return -1;
	}
	names = calloc(MAX_CATALOGS, sizeof *names);
	while (names && (de = readdir(dh)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".xml") != 0 ||
		    strcmp(de->d_name, "calendar.xml") == 0 || de->d_name[0] == '.')
			continue;
		if (nnames == MAX_CATALOGS) {
			diag(d, 1, dir, 0, "more than %d catalogs", MAX_CATALOGS);
			break;
		}
		names[nnames++] = strdup(de->d_name);
	}
	closedir(dh);
	if (names == NULL)
		return -1;
	if (nnames > 1)
		qsort(names, nnames, sizeof *names, by_name);
	if (nnames == 0)
		diag(d, 1, dir, 0, "no catalog (*.xml) in the directory");
	if (load_schema(dir, &schema, d) == 0) {
		sr_xml_lockdown();
		out->v = calloc(nnames ? nnames : 1, sizeof *out->v);
		for (size_t i = 0; out->v && i < nnames; i++) {
			struct sr_catalog *c = &out->v[out->n];
			size_t errs = d->errors;
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			if (load_one(path, names[i], schema, c, d) == 0) {
				check_catalog(c, d);
				out->n++;
			} else {
				free_catalog(c);
			}
			(void)errs;
		}
		xmlSchemaFree(schema);
	}
	/* one product/version per file */
	for (size_t i = 0; i < out->n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(out->v[i].product, out->v[j].product) == 0 &&
			    out->v[i].effective_day == out->v[j].effective_day)
				diag(d, 1, out->v[i].file, 0, "product '%s' in force from the same day "
				     "as in %s (duplicate product/version)", out->v[i].product,
				     out->v[j].file);
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	return d->errors > before ? -1 : 0;
}

void sr_catalogs_free(struct sr_catalogs *c)
{
	for (size_t i = 0; i < c->n; i++)
		free_catalog(&c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

const struct sr_catalog *sr_catalog_find(const struct sr_catalogs *c, const char *product,
					 int64_t day)
{
	const struct sr_catalog *best = NULL;

	for (size_t i = 0; i < c->n; i++) {
		const struct sr_catalog *k = &c->v[i];
		if (strcmp(k->product, product) != 0 || k->effective_day > day)
			continue;
		if (best == NULL || k->effective_day > best->effective_day)
			best = k;
	}
	return best;
}

int sr_catalog_known_product(const struct sr_catalogs *c, const char *product)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].product, product) == 0)
			return 1;
	return 0;
}

const struct sr_metric *sr_catalog_metric(const struct sr_catalog *c, const char *id)
{
	for (size_t i = 0; i < c->nmetrics; i++)
		if (strcmp(c->metrics[i].id, id) == 0)
			return &c->metrics[i];
	return NULL;
}

const struct sr_metric *sr_catalog_primary(const struct sr_catalog *c)
{
	for (size_t i = 0; i < c->nmetrics; i++)
		if (c->metrics[i].primary)
			return &c->metrics[i];
	return c->nmetrics ? &c->metrics[0] : NULL;
}

const struct sr_cause *sr_catalog_cause(const struct sr_catalog *c, const char *code)
{
	for (size_t i = 0; i < c->ncauses; i++)
		if (strcmp(c->causes[i].code, code) == 0)
			return &c->causes[i];
	return NULL;
}
