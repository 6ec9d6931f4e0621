/* Shared helpers for the unit tests: cmocka includes, temporary input sets
 * written from strings, and a one-call "compute this customer". */
#ifndef SR_TEST_HARNESS_H
#define SR_TEST_HARNESS_H
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "calendar.h"
#include "catalog.h"
#include "engine.h"
#include "exports.h"

/* A growing string for generated CSV files. */
struct sbuf {
	char *p;
	size_t n, cap;
};

static inline void sb_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	for (;;) {
		va_start(ap, fmt);
		k = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0, fmt, ap);
		va_end(ap);
		assert_true(k >= 0);
		if (b->p != NULL && b->n + (size_t)k < b->cap) {
			b->n += (size_t)k;
			return;
		}
		b->cap = (b->cap + (size_t)k + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
		if (b->n == 0)
			b->p[0] = '\0';
	}
}

/* Local wall-clock seconds (days since 1970 × 86400 + seconds of the day). */
static inline int64_t local_at(int y, int mo, int d, int hh, int mm)
{
	return sr_days_from_civil(y, mo, d) * 86400 + hh * 3600 + mm * 60;
}

/* `count` usage rows "prefix,<window_start>,total,failed" (prefix: customer,
 * product, resource, metric), one every `step` seconds from local time t0,
 * written without offset (the agreement's timezone). */
static inline void usage_rows(struct sbuf *b, const char *prefix, int64_t t0, int step,
			      int count, long total, long failed)
{
	for (int i = 0; i < count; i++) {
		int64_t t = t0 + (int64_t)i * step;
		int y, mo, d, s = (int)(t % 86400);

		sr_civil_from_days(t / 86400, &y, &mo, &d);
		sb_printf(b, "%s,%04d-%02d-%02dT%02d:%02d:%02d,%ld,%ld\n", prefix, y, mo, d,
			  s / 3600, s / 60 % 60, s % 60, total, failed);
	}
}

/* The repository root (tests run from it, or SR_ROOT points at it). */
static inline const char *root_dir(void)
{
	const char *r = getenv("SR_ROOT");

	return r && *r ? r : ".";
}

static inline void write_file(const char *dir, const char *name, const char *text)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static inline char *temp_dir(void)
{
	char *d = strdup("/tmp/sr-test-XXXXXX");

	assert_non_null(mkdtemp(d));
	return d;
}

static inline void remove_dir(char *d)
{
	char cmd[1100];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
	assert_int_equal(system(cmd), 0);
	free(d);
}

#define ACCOUNTS_HDR "customer_id,name,email,locale,currency\n"
#define RESOURCES_HDR "customer_id,product,resource_id,region,zone,service_start,service_end," \
		      "monthly_fee,unit_price\n"
#define OUTAGES_HDR "event_id,customer_id,product,resource_id,metric,start,end,cause," \
		    "failed_requests,note\n"
#define USAGE_HDR "customer_id,product,resource_id,metric,window_start,total_requests," \
		  "failed_requests\n"

/* A loaded month: the shipped catalogs and calendar plus test exports. */
struct month {
	char *dir;
	struct sr_catalogs cats;
	struct sr_diags diags;
	struct sr_calendar cal;
	struct sr_exports x;
	struct sr_customer_result c;
	int read_rc;
};

/* Writes the four files (usage may be NULL) and reads them for period y-m with
 * the catalogs of catdir (NULL: the shipped catalogs/). */
static inline void month_load_with(struct month *m, const char *catdir, int y, int mo,
				   const char *accounts, const char *resources,
				   const char *outages, const char *usage)
{
	char path[1024];
	struct sr_err e;

	memset(m, 0, sizeof *m);
	sr_err_clear(&e);
	m->dir = temp_dir();
	write_file(m->dir, "accounts.csv", accounts);
	write_file(m->dir, "resources.csv", resources);
	write_file(m->dir, "outages.csv", outages);
	if (usage != NULL)
		write_file(m->dir, "usage.csv", usage);
	if (catdir != NULL)
		snprintf(path, sizeof path, "%s", catdir);
	else
		snprintf(path, sizeof path, "%s/catalogs", root_dir());
	if (sr_catalogs_load(path, &m->cats, &m->diags) != 0)
		for (size_t i = 0; i < m->diags.n; i++)
			print_message("catalog: %s:%ld %s\n", m->diags.v[i].file,
				      m->diags.v[i].line, m->diags.v[i].msg);
	assert_int_equal(m->diags.errors, 0);
	snprintf(path, sizeof path, "%s/catalogs/calendar.xml", root_dir());
	assert_int_equal(sr_calendar_load(path, "calendar.xml", &m->cal, &e), 0);
	m->read_rc = sr_exports_read(m->dir, y, mo, &m->cats, "zh-CN", &m->x, &e);
	if (m->read_rc != 0)
		print_message("read: %s\n", e.msg);
}

static inline void month_load(struct month *m, int y, int mo, const char *accounts,
			      const char *resources, const char *outages, const char *usage)
{
	month_load_with(m, NULL, y, mo, accounts, resources, outages, usage);
}

/* A catalog directory holding the schema and one catalog written from text. */
static inline char *catalog_dir(const char *name, const char *xml)
{
	char *d = temp_dir(), cmd[2200];

	snprintf(cmd, sizeof cmd, "cp '%s/catalogs/catalog.xsd' '%s/catalogs/calendar.xml' '%s/'",
		 root_dir(), root_dir(), d);
	assert_int_equal(system(cmd), 0);
	write_file(d, name, xml);
	return d;
}

/* Computes account index 0 (asserting no rejects). */
static inline struct sr_customer_result *month_compute(struct month *m, size_t a)
{
	struct sr_err e;

	for (size_t i = 0; i < m->x.nrejects; i++)
		print_message("reject: %s:%ld %s %s\n", m->x.rejects[i].file, m->x.rejects[i].line,
			      m->x.rejects[i].code, m->x.rejects[i].message);
	assert_int_equal(m->read_rc, 0);
	assert_int_equal(m->x.nrejects, 0);
	assert_int_equal(sr_compute_customer(&m->x, &m->cats, &m->cal, a, &m->c, &e), 0);
	return &m->c;
}

static inline void month_free(struct month *m)
{
	sr_customer_result_free(&m->c);
	sr_exports_free(&m->x);
	sr_calendar_free(&m->cal);
	sr_catalogs_free(&m->cats);
	sr_diags_free(&m->diags);
	remove_dir(m->dir);
}

/* The metric result of resource r, metric id. */
static inline const struct sr_metric_result *metric_of(const struct sr_customer_result *c,
						       size_t r, const char *id)
{
	assert_true(r < c->nr);
	for (size_t i = 0; i < c->r[r].nm; i++)
		if (strcmp(c->r[r].m[i].metric->id, id) == 0)
			return &c->r[r].m[i];
	fail_msg("no metric %s", id);
	return NULL;
}

static inline void assert_pct(struct sr_ratio r, const char *want)
{
	char b[40];

	sr_ratio_format_pct(r, 4, b, sizeof b);
	assert_string_equal(b, want);
}
#endif
