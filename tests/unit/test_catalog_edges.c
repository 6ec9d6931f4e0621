/* Every shipped catalog at its objective edge and one counted step below it,
 * through the whole engine.  The expectations (objective, what the first band
 * pays) come from tests/catalogs/edges-*.csv, typed from the seed text; only the
 * inputs are built from the catalog's own counting rule. */
#include <dirent.h>
#include "harness.h"
#include "csvread.h"

/* Loaded once: the shipped catalogs and calendar. */
static struct sr_catalogs cats;
static struct sr_diags diags;
static struct sr_calendar cal;

struct edge {
	char file[128], metric[64], objective[32], pays[32], line[16];
	char src[64];
	long src_line;
};

static struct edge *edges;
static size_t nedges;

static int on_edge(void *ctx, const struct sr_csv_row *row)
{
	const char *src = ctx;
	struct edge *e;

	assert_string_equal(row->err.code, "");
	edges = realloc(edges, (nedges + 1) * sizeof *edges);
	assert_non_null(edges);
	e = &edges[nedges++];
	snprintf(e->file, sizeof e->file, "%s", row->field[0]);
	snprintf(e->metric, sizeof e->metric, "%s", row->field[1]);
	snprintf(e->objective, sizeof e->objective, "%s", row->field[2]);
	snprintf(e->pays, sizeof e->pays, "%s", row->field[3]);
	snprintf(e->line, sizeof e->line, "%s", row->field[4]);
	snprintf(e->src, sizeof e->src, "%s", src);
	e->src_line = row->line;
	return 0;
}

static int setup(void **st)
{
	char path[1024];
	struct sr_err e;
	DIR *d;
	struct dirent *de;
	static const struct sr_csv_col cols[] = {
		{"file", 1}, {"metric", 1}, {"objective", 1}, {"band1_pays", 1}, {"seed_line", 1},
	};

	(void)st;
	snprintf(path, sizeof path, "%s/catalogs", root_dir());
	if (sr_catalogs_load(path, &cats, &diags) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/catalogs/calendar.xml", root_dir());
	if (sr_calendar_load(path, "calendar.xml", &cal, &e) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/tests/catalogs", root_dir());
	d = opendir(path);
	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		char p[1300];
		static char names[64][64];
		static int nn;
		if (strncmp(de->d_name, "edges-", 6) || !strstr(de->d_name, ".csv") || nn == 64)
			continue;
		snprintf(names[nn], sizeof names[nn], "%s", de->d_name);
		snprintf(p, sizeof p, "%s/%s", path, de->d_name);
		if (sr_csv_read(p, names[nn], cols, 5, on_edge, names[nn], &e) != 0)
			return -1;
		nn++;
	}
	closedir(d);
	return 0;
}

static int teardown(void **st)
{
	(void)st;
	sr_catalogs_free(&cats);
	sr_diags_free(&diags);
	sr_calendar_free(&cal);
	free(edges);
	return 0;
}

/* "99.95" -> 9995/10000 of 100 %, i.e. the availability as num/den of 1. */
static void dec(const char *s, int64_t *num, int64_t *den)
{
	*num = 0;
	*den = 1;
	for (int frac = -1; *s; s++) {
		if (*s == '.') {
			frac = 0;
			continue;
		}
		assert_true(*s >= '0' && *s <= '9');
		*num = *num * 10 + (*s - '0');
		if (frac >= 0)
			*den *= 10;
	}
}

/* A growing text buffer for the CSV files. */
struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	for (;;) {
		va_start(ap, fmt);
		k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? b->cap - b->n : 0, fmt, ap);
		va_end(ap);
		if (b->s && b->n + (size_t)k < b->cap)
			break;
		b->cap = (b->cap + (size_t)k + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	b->n += (size_t)k;
}

struct scenario {
	const struct sr_catalog *k;
	const struct sr_metric *m;     /* the metric under test */
	const struct sr_metric *ev;    /* the metric events are exported for */
	int y, mo;                     /* period */
	const char *start;             /* service_start or "" */
	int64_t service;               /* service minutes of the window */
};

/* Local time "YYYY-MM-DDTHH:MM:SS" of second `s` after the window start. */
static void at(const struct scenario *sc, int64_t s, char *out, size_t n)
{
	int64_t day0 = sr_days_from_civil(sc->y, sc->mo, 1);

	if (sc->k->period == SR_PERIOD_NATURAL_YEAR)
		day0 = sr_days_from_civil(sc->y, 1, 1);
	else if (sc->k->period == SR_PERIOD_SERVICE_YEAR)
		day0 = sr_days_from_civil(sc->y - 1, sc->mo, 1);
	sr_format_local(sr_day_start(day0, 0) + s, 0, out, n);
	out[10] = 'T';
}

/* Builds the exports for `units` counted units below/at the edge and computes. */
static const struct sr_metric_result *compute(const struct scenario *sc, int64_t units,
					      struct sr_customer_result *cr, char **dirp)
{
	struct buf acc = {0}, res = {0}, out = {0}, use = {0};
	const struct sr_metric *m = sc->m;
	const struct sr_minute_rule *r = &sc->ev->minutes;
	struct sr_exports x;
	struct sr_err e;
	char *dir = temp_dir(), a[40], b[40];

	put(&acc, ACCOUNTS_HDR "c1,Edge Co,e@edge.test,en,CNY\n");
	put(&res, RESOURCES_HDR "c1,%s,r1,ap-x,ap-x-1,%s,,1000.00,0.01\n", sc->k->product,
	    sc->start);
	put(&out, OUTAGES_HDR);
	put(&use, USAGE_HDR);
	switch (m->kind) {
	case SR_MK_REQUEST_RATIO:
		put(&use, "c1,%s,r1,%s,,100000000,%lld\n", sc->k->product, m->id, (long long)units);
		break;
	case SR_MK_USAGE_WINDOWS:
	case SR_MK_WINDOW_MEAN: {
		int64_t w = m->window.seconds, reqs = m->window.min_requests > 100 ?
			    m->window.min_requests : 100;
		int64_t measured = m->window.empty_excluded ? 10000 : 0;
		for (int64_t i = 0; i < (units > measured ? units : measured); i++) {
			at(sc, i * w, a, sizeof a);
			put(&use, "c1,%s,r1,%s,%s,%lld,%lld\n", sc->k->product, m->id, a,
			    (long long)reqs, (long long)(i < units ? reqs : 0));
		}
		break;
	}
	case SR_MK_COUNT:
		for (int64_t i = 0; i < units; i++) {
			int64_t t = i * (r->merge_gap_seconds + 7200);
			at(sc, t, a, sizeof a);
			put(&out, "t%lld,c1,%s,r1,%s,%s,%s,provider,7,\n", (long long)i,
			    sc->k->product, sc->ev->id, a, a);
		}
		break;
	default:
		/* one event long enough to count `units` (minutes, or seconds) */
		if (units > 0) {
			int64_t secs = r->round == SR_ROUND_SECONDS ? units : units * 60;
			secs += r->deductible_minutes * 60;
			at(sc, 3600, a, sizeof a);
			at(sc, 3600 + secs, b, sizeof b);
			put(&out, "e1,c1,%s,r1,%s,%s,%s,provider,7,\n", sc->k->product, sc->ev->id,
			    a, b);
		}
		break;
	}
	write_file(dir, "accounts.csv", acc.s);
	write_file(dir, "resources.csv", res.s);
	write_file(dir, "outages.csv", out.s);
	write_file(dir, "usage.csv", use.s);
	free(acc.s);
	free(res.s);
	free(out.s);
	free(use.s);
	sr_err_clear(&e);
	assert_int_equal(sr_exports_read(dir, sc->y, sc->mo, &cats, "en", &x, &e), 0);
	for (size_t i = 0; i < x.nrejects; i++)
		print_message("reject: %s:%ld %s %s\n", x.rejects[i].file, x.rejects[i].line,
			      x.rejects[i].code, x.rejects[i].message);
	assert_int_equal(x.nrejects, 0);
	assert_int_equal(sr_compute_customer(&x, &cats, &cal, 0, cr, &e), 0);
	*dirp = dir;
	/* the exports are freed by the caller after reading the result */
	sr_exports_free(&x);
	for (size_t i = 0; i < cr->r[0].nm; i++)
		if (cr->r[0].m[i].metric == m)
			return &cr->r[0].m[i];
	fail_msg("metric %s not computed", m->id);
	return NULL;
}

/* The smallest count of units that the catalog's rule counts as `want`:
 * below the ignore threshold nothing counts, so step over it. */
static int64_t counted_step(const struct scenario *sc, int64_t want)
{
	const struct sr_minute_rule *r = &sc->ev->minutes;
	int64_t unit = r->round == SR_ROUND_SECONDS ? 1 : 60, min_units;

	if (sc->m->kind == SR_MK_REQUEST_RATIO || sc->m->has_window ||
	    sc->m->kind == SR_MK_COUNT)
		return want;
	min_units = r->ignore_seconds / unit + 1;
	return want > min_units ? want : min_units;
}

static void check_edge(const struct edge *ed)
{
	struct scenario sc;
	const struct sr_catalog *k = NULL;
	struct sr_customer_result cr;
	const struct sr_metric_result *mr;
	int64_t num, den, total = 0, ok_units, bad_units;
	char *dir;
	int is_max = strncmp(ed->objective, "max ", 4) == 0;

	for (size_t i = 0; i < cats.n; i++)
		if (strcmp(cats.v[i].file, ed->file) == 0)
			k = &cats.v[i];
	if (k == NULL)
		fail_msg("%s:%ld: no catalog %s", ed->src, ed->src_line, ed->file);
	memset(&sc, 0, sizeof sc);
	sc.k = k;
	sc.m = sr_catalog_metric(k, ed->metric);
	if (sc.m == NULL)
		fail_msg("%s:%ld: %s has no metric %s", ed->src, ed->src_line, ed->file, ed->metric);
	sc.ev = sc.m->kind == SR_MK_SUM ? sr_catalog_metric(k, sc.m->of[0]) : sc.m;
	/* a month in which this version is in force: November 2026 for the
	 * current ones, the first whole month after an older one took effect */
	sc.y = 2026;
	sc.mo = 11;
	if (sr_catalog_find(&cats, k->product, sr_days_from_civil(2026, 11, 1)) != k) {
		int d;
		sr_civil_from_days(k->effective_day, &sc.y, &sc.mo, &d);
		if (d > 1 && ++sc.mo == 13) {
			sc.mo = 1;
			sc.y++;
		}
		assert_ptr_equal(sr_catalog_find(&cats, k->product,
						 sr_days_from_civil(sc.y, sc.mo, 1)), k);
	}
	sc.start = "";
	sc.service = (int64_t)sr_days_in_month(sc.y, sc.mo) * 1440;
	if (k->period == SR_PERIOD_NATURAL_YEAR) {
		sc.mo = 12;
		sc.service = 365 * 1440;
	} else if (k->period == SR_PERIOD_SERVICE_YEAR) {
		sc.start = "2025-11-01T00:00:00";
		sc.service = 365 * 1440;
	}
	/* the objective as written in the seed is the catalog's objective */
	dec(is_max ? ed->objective + 4 : ed->objective, &num, &den);
	if (is_max) {
		char want[32];
		snprintf(want, sizeof want, "%s", ed->objective + 4);
		assert_string_equal(sc.m->max_txt, want);
		ok_units = num / den;
		bad_units = ok_units + 1;
	} else {
		/* units allowed at the objective: floor(total × (100 − obj) / 100) */
		if (sc.m->kind == SR_MK_REQUEST_RATIO)
			total = 100000000;
		else if (sc.m->has_window)
			total = sc.m->window.empty_excluded ? 10000 :
				sc.service * 60 / sc.m->window.seconds;
		else if (sc.ev->minutes.round == SR_ROUND_SECONDS)
			total = sc.service * 60;
		else
			total = sc.service;
		ok_units = (int64_t)((__int128)total * (100 * den - num) / (100 * den));
		bad_units = ok_units + 1;
		if (sr_ratio_cmp((struct sr_ratio){num, 100 * den}, sc.m->objective) != 0)
			fail_msg("%s:%ld: %s %s: objective %s in the seed but %s in the catalog",
				 ed->src, ed->src_line, ed->file, ed->metric, ed->objective,
				 sc.m->objective_txt);
	}
	if (sc.m->has_window && bad_units < sc.m->window.min_consecutive)
		bad_units = sc.m->window.min_consecutive;
	bad_units = counted_step(&sc, bad_units);

	mr = compute(&sc, ok_units, &cr, &dir);
	if (mr->status != SR_MET)
		fail_msg("%s %s: %lld units at the objective edge should meet %s, got %s",
			 ed->file, ed->metric, (long long)ok_units, ed->objective,
			 sr_status_name(mr->status));
	sr_customer_result_free(&cr);
	remove_dir(dir);

	mr = compute(&sc, bad_units, &cr, &dir);
	if (strcmp(ed->pays, "gap") == 0) {
		if (mr->status != SR_GAP)
			fail_msg("%s %s: %lld units should fall in the gap below the objective, "
				 "got %s", ed->file, ed->metric, (long long)bad_units,
				 sr_status_name(mr->status));
	} else {
		int64_t pn, pd;
		if (mr->status != SR_BAND)
			fail_msg("%s %s: %lld units should reach the first band, got %s",
				 ed->file, ed->metric, (long long)bad_units,
				 sr_status_name(mr->status));
		if (ed->pays[0] == 'x') {
			/* failed requests × multiplier: every unavailable unit's requests */
			int64_t failed = sc.m->has_window ? bad_units * (sc.m->window.min_requests >
					 100 ? sc.m->window.min_requests : 100) :
					 sc.m->kind == SR_MK_COUNT ? 7 * bad_units : 7;
			dec(ed->pays + 1, &pn, &pd);
			assert_string_equal(mr->band->multiplier_txt, ed->pays + 1);
			if (mr->comp == SR_COMP_VOUCHER_EXCESS) {
				/* fee 1000.00 × multiple × (U − allowed) / S, half-up:
				 * U − allowed = bad − total·(100 − obj)/100 */
				__int128 ex = (__int128)bad_units * 100 * den -
					      (__int128)total * (100 * den - num);
				__int128 n2 = (__int128)100000 * pn * ex;
				__int128 d2 = (__int128)pd * 100 * den * total;
				assert_int_equal(mr->voucher, (int64_t)((2 * n2 + d2) / (2 * d2)));
			} else if (!sc.m->max_units_usage) {
				assert_int_equal(mr->units, failed * pn / pd);
			}
		} else if (strchr(ed->pays, ' ') != NULL) {
			char n[16], unit[16];
			assert_int_equal(sscanf(ed->pays, "%15s %15s", n, unit), 2);
			assert_int_equal(mr->units, strtol(n, NULL, 10));
			assert_string_equal(sc.m->unit, unit);
		} else {
			dec(ed->pays, &pn, &pd);
			if (sr_ratio_cmp((struct sr_ratio){pn, 100 * pd}, mr->band->percent) != 0)
				fail_msg("%s %s: first band pays %s %% in the seed, %s %% in the "
					 "catalog", ed->file, ed->metric, ed->pays,
					 mr->band->percent_txt);
			if (mr->comp == SR_COMP_VOUCHER)  /* fee 1000.00: pays % × 1000.00 */
				assert_int_equal(mr->voucher * pd, 1000 * pn);
			else if (mr->comp == SR_COMP_SERVICE_UNITS)  /* at 0.01 a unit */
				assert_int_equal(mr->units * pd, 1000 * pn);
		}
	}
	sr_customer_result_free(&cr);
	remove_dir(dir);
}

static void test_every_catalog_edge(void **st)
{
	(void)st;
	assert_int_equal(diags.errors, 0);
	assert_true(nedges >= 6);
	for (size_t i = 0; i < nedges; i++)
		check_edge(&edges[i]);
	print_message("%zu catalog edges checked\n", nedges);
}

/* Every catalog with a compensating metric has an expectation row. */
static void test_every_catalog_has_edges(void **st)
{
	(void)st;
	for (size_t i = 0; i < cats.n; i++) {
		const struct sr_catalog *k = &cats.v[i];
		for (size_t j = 0; j < k->nmetrics; j++) {
			const struct sr_metric *m = &k->metrics[j];
			int found = 0;
			if (m->comp == SR_COMP_NONE || m->kind == SR_MK_MULTI_ZONE)
				continue;
			for (size_t e = 0; e < nedges && !found; e++)
				found = strcmp(edges[e].file, k->file) == 0 &&
					strcmp(edges[e].metric, m->id) == 0;
			if (!found)
				fail_msg("%s metric %s has no row in tests/catalogs/edges-*.csv",
					 k->file, m->id);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_catalog_edge),
		cmocka_unit_test(test_every_catalog_has_edges),
	};

	return cmocka_run_group_tests_name("catalog-edges", tests, setup, teardown);
}
