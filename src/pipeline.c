#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dirent.h>
#include <openssl/evp.h>
#include <unistd.h>
#include "calendar.h"
#include "catalog.h"
#include "civil.h"
#include "engine.h"
#include "explain.h"
#include "exports.h"
#include "fileio.h"
#include "ledger.h"
#include "pdf.h"
#include "pipeline.h"
#include "report.h"
#include "template.h"

/* Everything loaded before computing: the same for run and explain. */
struct month {
	int y, m;
	struct sr_catalogs cats;
	struct sr_diags diags;
	struct sr_calendar cal;
	struct sr_exports x;
};

static void print_diags(const struct sr_diags *d, FILE *f, int errors_only)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct sr_diag *g = &d->v[i];
		if (errors_only && !g->is_error)
			continue;
		if (g->line > 0)
			fprintf(f, "%s:%ld: %s: %s\n", g->file, g->line,
				g->is_error ? "error" : "warning", g->msg);
		else
			fprintf(f, "%s: %s: %s\n", g->file, g->is_error ? "error" : "warning",
				g->msg);
	}
}

static int load_month(const struct sr_run_opts *o, struct month *mo)
{
	struct sr_err e;
	char path[1024];

	memset(mo, 0, sizeof *mo);
	sr_err_clear(&e);
	if (sr_parse_period(o->period, &mo->y, &mo->m, &e)) {
		fprintf(stderr, "slareport: %s\n", e.msg);
		return SR_EXIT_USAGE;
	}
	if (sr_catalogs_load(o->catalogs, &mo->cats, &mo->diags) != 0) {
		print_diags(&mo->diags, stderr, 1);
		fprintf(stderr, "slareport: the catalogs in %s have errors; nothing was "
			"computed (run `slareport validate --catalogs %s`)\n", o->catalogs,
			o->catalogs);
		return SR_EXIT_FATAL;
	}
	snprintf(path, sizeof path, "%s/calendar.xml", o->catalogs);
	if (sr_calendar_load(path, "calendar.xml", &mo->cal, &e)) {
		fprintf(stderr, "slareport: %s\n", e.msg);
		return SR_EXIT_FATAL;
	}
	if (sr_exports_read(o->input, mo->y, mo->m, &mo->cats, o->lang, &mo->x, &e)) {
		fprintf(stderr, "slareport: %s\n", e.msg);
		return SR_EXIT_FATAL;
	}
	return 0;
}

static void free_month(struct month *mo)
{
	sr_exports_free(&mo->x);
	sr_calendar_free(&mo->cal);
	sr_catalogs_free(&mo->cats);
	sr_diags_free(&mo->diags);
}

static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static int selected(const struct sr_run_opts *o, const char *id)
{
	if (o->shard_n > 0 && (int)(fnv(id) % (uint64_t)o->shard_n) != o->shard_k - 1)
		return 0;
	if (o->ncustomers == 0)
		return 1;
	for (int i = 0; i < o->ncustomers; i++)
		if (strcmp(o->customers[i], id) == 0)
			return 1;
	return 0;
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* The instant the reports are dated: SOURCE_DATE_EPOCH if set, else now. */
static int64_t report_time(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	int64_t v = 0;

	if (s != NULL && *s) {
		for (; *s >= '0' && *s <= '9'; s++)
			v = v * 10 + (*s - '0');
		if (*s == '\0')
			return v;
	}
	return (int64_t)time(NULL);
}

struct totals {
	size_t customers, ok, held, resources, rows;
};

static int write_run_json(const char *out, const struct sr_run_opts *o, const struct month *mo,
			  const struct totals *t, int64_t stamp, int64_t elapsed_ms, struct sr_err *e)
{
	struct sr_out w;
	char path[1100], ts[40];
	FILE *f;

	snprintf(path, sizeof path, "%s/run.json", out);
	if (sr_out_open(&w, path, e))
		return -1;
	f = w.f;
	sr_format_iso(stamp, 0, ts, sizeof ts);
	fprintf(f, "{\n  \"tool\": \"slareport\",\n  \"version\": \"%s\",\n  \"period\": ",
		SR_VERSION);
	json_str(f, o->period);
	fputs(",\n  \"input_dir\": ", f);
	json_str(f, o->input);
	fputs(",\n  \"inputs\": [", f);
	for (int i = 0, first = 1; i < 4; i++) {
		if (!mo->x.files[i].present)
			continue;
		fprintf(f, "%s\n    {\"file\": ", first ? "" : ",");
		json_str(f, mo->x.files[i].name);
		fprintf(f, ", \"sha256\": \"%s\"}", mo->x.files[i].sha256);
		first = 0;
	}
	fputs("\n  ],\n  \"catalog_dir\": ", f);
	json_str(f, o->catalogs);
	fputs(",\n  \"catalogs\": [", f);
	for (size_t i = 0; i < mo->cats.n; i++) {
		const struct sr_catalog *c = &mo->cats.v[i];
		fprintf(f, "%s\n    {\"file\": ", i ? "," : "");
		json_str(f, c->file);
		fputs(", \"product\": ", f);
		json_str(f, c->product);
		fprintf(f, ", \"version\": \"%s\", \"sha256\": \"%s\"}", c->version, c->sha256);
	}
	fprintf(f, ",\n    {\"file\": \"calendar.xml\", \"sha256\": \"%s\"}", mo->cal.sha256);
	fprintf(f, "\n  ],\n  \"counts\": {\"customers\": %zu, \"reported\": %zu, \"held\": %zu, "
		"\"resources\": %zu, \"ledger_rows\": %zu, \"rejected_rows\": %zu},\n",
		t->customers, t->ok, t->held, t->resources, t->rows, mo->x.nrejects);
	fprintf(f, "  \"pdf\": %s,\n  \"report_timestamp\": \"%s\",\n",
		o->no_pdf ? "false" : "true", ts);
	fprintf(f, "  \"elapsed_ms\": %lld\n}\n", (long long)elapsed_ms);
	return sr_out_commit(&w, e);
}

/* The identity of a run: what it reads and how it was asked.  An output
 * directory holds the results of one run; rerunning the same run there (after a
 * crash, say) is fine, a different one needs --force. */
static void run_key(const struct sr_run_opts *o, const struct month *mo, char key[65])
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n = 0;
	char line[512];

#define ADD(...) do { int k_ = snprintf(line, sizeof line, __VA_ARGS__); \
		       EVP_DigestUpdate(c, line, (size_t)k_); } while (0)
	EVP_DigestInit_ex(c, EVP_sha256(), NULL);
	ADD("slareport %s\nperiod %s\nlang %s\npdf %d\nshard %d/%d\n", SR_VERSION, o->period,
	    o->lang, !o->no_pdf, o->shard_k, o->shard_n);
	for (int i = 0; i < o->ncustomers; i++)
		ADD("customer %s\n", o->customers[i]);
	for (int i = 0; i < 4; i++)
		ADD("input %s %s\n", mo->x.files[i].name, mo->x.files[i].sha256);
	for (size_t i = 0; i < mo->cats.n; i++)
		ADD("catalog %s %s\n", mo->cats.v[i].file, mo->cats.v[i].sha256);
	ADD("calendar %s\n", mo->cal.sha256);
#undef ADD
	EVP_DigestFinal_ex(c, d, &n);
	EVP_MD_CTX_free(c);
	for (unsigned i = 0; i < n && i < 32; i++)
		snprintf(key + 2 * i, 3, "%02x", d[i]);
}

/* Our own temporary files (name.tmpXXXXXX) left by a run that was killed. */
static int is_stale_tmp(const char *name)
{
	const char *t = strstr(name, ".tmp");

	return t != NULL && strlen(t) == 10;
}

static void remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char p[1400];

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (is_stale_tmp(de->d_name)) {
			snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
			unlink(p);
		}
	closedir(d);
}

static const char *const outputs[] = {
	"ledger.csv", "manifest.csv", "rejects.csv", "run.json", ".slareport-run"
};

/* Checks that --out is empty, ours from this same run, or --force'd; clears
 * what a killed run left behind; marks the directory with the run's key. */
static int claim_out_dir(const struct sr_run_opts *o, const char *key, struct sr_err *e)
{
	char path[1100], *buf = NULL, rep[1100];
	size_t len;
	DIR *d;
	struct dirent *de;
	int foreign = 0, ours = 0;
	struct sr_out w;

	snprintf(path, sizeof path, "%s/.slareport-run", o->out);
	if (sr_read_file(path, 4096, &buf, &len, NULL) == 0) {
		ours = strncmp(buf, "slareport-run ", 14) == 0 && strncmp(buf + 14, key, 64) == 0;
		foreign = !ours;
		free(buf);
	} else if ((d = opendir(o->out)) != NULL) {
		while ((de = readdir(d)) != NULL)
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") &&
			    strcmp(de->d_name, "reports"))
				foreign = 1;
		closedir(d);
	}
	if (foreign && !o->force)
		return sr_err_set(e, "out-not-empty", "%s holds the results of a different run "
				  "(or files that are not slareport's); choose another --out, or "
				  "pass --force to replace them", o->out);
	if (foreign) {
		for (size_t i = 0; i < sizeof outputs / sizeof outputs[0]; i++) {
			snprintf(path, sizeof path, "%s/%s", o->out, outputs[i]);
			unlink(path);
		}
		snprintf(rep, sizeof rep, "%s/reports", o->out);
		if ((d = opendir(rep)) != NULL) {
			while ((de = readdir(d)) != NULL)
				if (strstr(de->d_name, ".pdf") != NULL) {
					snprintf(path, sizeof path, "%s/%s", rep, de->d_name);
					unlink(path);
				}
			closedir(d);
		}
	}
	remove_stale(o->out);
	snprintf(rep, sizeof rep, "%s/reports", o->out);
	remove_stale(rep);
	snprintf(path, sizeof path, "%s/.slareport-run", o->out);
	if (sr_out_open(&w, path, e))
		return -1;
	fprintf(w.f, "slareport-run %s\n", key);
	return sr_out_commit(&w, e);
}

/* Where templates/ and fonts/ are: $SLAREPORT_DATA, else the directory above
 * the executable (build/slareport -> .), else the working directory. */
static void data_dir(char *buf, size_t n)
{
	const char *env = getenv("SLAREPORT_DATA");
	char exe[1024], probe[1200];
	ssize_t len;

	if (env != NULL && *env) {
		snprintf(buf, n, "%s", env);
		return;
	}
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		char *slash;
		exe[len] = '\0';
		for (int up = 0; up < 2 && (slash = strrchr(exe, '/')) != NULL; up++)
			*slash = '\0';
		snprintf(probe, sizeof probe, "%s/templates/en.txt", exe);
		if (access(probe, R_OK) == 0) {
			snprintf(buf, n, "%s", exe);
			return;
		}
	}
	snprintf(buf, n, ".");
}

/* Short digests of the inputs and of the catalogs, printed in every report. */
static void run_digests(const struct month *mo, char in[13], char cat[13])
{
	char all[4096], h[65];
	size_t o = 0;

	for (int i = 0; i < 4 && o < sizeof all - 80; i++)
		o += (size_t)snprintf(all + o, sizeof all - o, "%s %s\n", mo->x.files[i].name,
				      mo->x.files[i].sha256);
	sr_sha256_hex(all, o, h);
	snprintf(in, 13, "%.12s", h);
	{
		EVP_MD_CTX *c = EVP_MD_CTX_new();
		unsigned char d[EVP_MAX_MD_SIZE];
		unsigned n = 0;
		EVP_DigestInit_ex(c, EVP_sha256(), NULL);
		for (size_t i = 0; i < mo->cats.n; i++)
			EVP_DigestUpdate(c, mo->cats.v[i].sha256, 64);
		EVP_DigestUpdate(c, mo->cal.sha256, 64);
		EVP_DigestFinal_ex(c, d, &n);
		EVP_MD_CTX_free(c);
		for (unsigned i = 0; i < 6; i++)
			snprintf(cat + 2 * i, 3, "%02x", d[i]);
	}
}

/* The report renderer's state for one run. */
struct renderer {
	struct sr_tpl zh, en;
	struct sr_font *font;
	struct sr_rpt_run run;
	char input_digest[13], catalogs_digest[13];
	int64_t stamp;
	const char *tmpdir;
};

static int renderer_open(struct renderer *rd, const struct sr_run_opts *o,
			 const struct month *mo, int64_t stamp, struct sr_err *e)
{
	char dir[1024], p[1200];

	memset(rd, 0, sizeof *rd);
	data_dir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/templates", dir);
	if (sr_tpl_load(p, "zh-CN", &rd->zh, e) || sr_tpl_load(p, "en", &rd->en, e))
		return -1;
	snprintf(p, sizeof p, "%s/fonts/wqy-microhei-256.ttf", dir);
	rd->font = sr_font_open(p, 0, e);
	if (rd->font == NULL)
		return -1;
	run_digests(mo, rd->input_digest, rd->catalogs_digest);
	rd->run.period = o->period;
	rd->run.input_digest = rd->input_digest;
	rd->run.catalogs_digest = rd->catalogs_digest;
	rd->run.version = SR_VERSION;
	rd->stamp = stamp;
	rd->tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	return 0;
}

static void renderer_close(struct renderer *rd)
{
	sr_tpl_free(&rd->zh);
	sr_tpl_free(&rd->en);
	sr_font_close(rd->font);
}

/* Renders one customer's report into out/reports/<id>.pdf (atomically) and
 * fills the manifest row's report, sha256 and pages. */
static int render_one(struct renderer *rd, const struct sr_run_opts *o, const struct month *mo,
		      const struct sr_customer_result *cr, struct sr_manifest_row *row,
		      struct sr_err *e)
{
	struct sr_report r;
	struct sr_pdf_env env = {rd->font, rd->tmpdir, rd->stamp};
	const struct sr_tpl *t = strcmp(cr->acc->locale, "en") == 0 ? &rd->en : &rd->zh;
	unsigned char *pdf = NULL;
	size_t len = 0;
	struct sr_out w;
	char path[1200];
	int rc = -1;

	if (sr_report_build(cr, &mo->x, t, &rd->run, &r, e))
		return -1;
	if (sr_pdf_render(&r, &env, &pdf, &len, &row->pages, e))
		goto out;
	snprintf(row->report, sizeof row->report, "reports/%s.pdf", cr->acc->id);
	snprintf(path, sizeof path, "%s/%s", o->out, row->report);
	if (sr_out_open(&w, path, e))
		goto out;
	if (fwrite(pdf, 1, len, w.f) != len) {
		sr_out_abort(&w);
		sr_err_set(e, "io", "cannot write %s", path);
		goto out;
	}
	if (sr_out_commit(&w, e))
		goto out;
	sr_sha256_hex(pdf, len, row->sha256);
	rc = 0;
out:
	free(pdf);
	sr_report_free(&r);
	return rc;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int sr_run(const struct sr_run_opts *o)
{
	struct month mo;
	struct sr_err e;
	struct sr_out led = {0}, man = {0}, rej = {0};
	struct totals t = {0};
	char path[1100];
	int rc, exit_code = SR_EXIT_OK, have_renderer = 0;
	int64_t t0 = now_ms(), stamp = report_time();
	struct renderer rd;

	sr_err_clear(&e);
	rc = load_month(o, &mo);
	if (rc != 0)
		goto out;
	rc = SR_EXIT_FATAL;
	snprintf(path, sizeof path, "%s/reports", o->out);
	if (sr_mkdirs(path, &e))
		goto fail;
	{
		char key[65];
		run_key(o, &mo, key);
		if (claim_out_dir(o, key, &e))
			goto fail;
	}
	snprintf(path, sizeof path, "%s/rejects.csv", o->out);
	if (sr_out_open(&rej, path, &e))
		goto fail;
	sr_rejects_write(rej.f, &mo.x);
	if (sr_out_commit(&rej, &e))
		goto fail;
	if (mo.x.unattributed) {
		fprintf(stderr, "slareport: %s/rejects.csv lists a rejected row that names no "
			"customer (or could not be split into fields); since it may belong to "
			"anyone, nothing is published\n", o->out);
		goto out;
	}
	snprintf(path, sizeof path, "%s/ledger.csv", o->out);
	if (sr_out_open(&led, path, &e))
		goto fail;
	snprintf(path, sizeof path, "%s/manifest.csv", o->out);
	if (sr_out_open(&man, path, &e))
		goto fail;
	sr_ledger_header(led.f);
	sr_manifest_header(man.f);
	if (!o->no_pdf) {
		if (renderer_open(&rd, o, &mo, stamp, &e)) {
			renderer_close(&rd);
			goto fail;
		}
		have_renderer = 1;
	}
	for (size_t a = 0; a < mo.x.naccounts; a++) {
		const struct sr_account *acc = &mo.x.accounts[a];
		const struct sr_hold *h = sr_exports_hold(&mo.x, acc->id);
		struct sr_manifest_row row;
		struct sr_customer_result cr;

		if (!selected(o, acc->id))
			continue;
		memset(&row, 0, sizeof row);
		snprintf(row.customer, sizeof row.customer, "%s", acc->id);
		row.acc = acc;
		t.customers++;
		if (h != NULL) {
			row.held = 1;
			snprintf(row.reason, sizeof row.reason, "%s", h->reason);
			sr_manifest_row(man.f, &row);
			t.held++;
			continue;
		}
		if (sr_compute_customer(&mo.x, &mo.cats, &mo.cal, a, &cr, &e)) {
			sr_customer_result_free(&cr);
			goto fail;
		}
		if (cr.claim_missing) {
			sr_err_set(&e, "calendar-missing", "%s: compensation is owed but "
				   "calendar.xml has no business days for the claim window of %s; "
				   "add that year to the calendar", acc->id, o->period);
			sr_customer_result_free(&cr);
			goto fail;
		}
		if (cr.claim_provisional)
			fprintf(stderr, "slareport: warning: %s: the claim window uses a "
				"provisional calendar year (see calendar.xml)\n", acc->id);
		if (have_renderer && render_one(&rd, o, &mo, &cr, &row, &e)) {
			sr_customer_result_free(&cr);
			goto fail;
		}
		sr_ledger_rows(led.f, o->period, &cr);
		for (size_t i = 0; i < cr.nr; i++)
			t.rows += cr.r[i].nm;
		row.voucher_total = cr.voucher_total;
		sr_fmt_units(&cr, row.units_total, sizeof row.units_total);
		row.resources = cr.nr;
		row.breaches = cr.breaches;
		row.has_claim = cr.has_claim;
		row.claim_opens = cr.claim_opens;
		row.claim_closes = cr.claim_closes;
		sr_manifest_row(man.f, &row);
		t.ok++;
		t.resources += cr.nr;
		sr_customer_result_free(&cr);
	}
	/* customers named by rejected rows but absent from accounts.csv */
	for (size_t i = 0; i < mo.x.nholds; i++) {
		struct sr_manifest_row row;
		if (mo.x.holds[i].in_accounts || !selected(o, mo.x.holds[i].customer))
			continue;
		memset(&row, 0, sizeof row);
		snprintf(row.customer, sizeof row.customer, "%s", mo.x.holds[i].customer);
		row.held = 1;
		snprintf(row.reason, sizeof row.reason, "%s: %s", mo.x.holds[i].account_line
			 ? "accounts.csv row rejected" : "not in accounts.csv",
			 mo.x.holds[i].reason);
		sr_manifest_row(man.f, &row);
		t.customers++;
		t.held++;
	}
	if (sr_out_commit(&led, &e) || sr_out_commit(&man, &e))
		goto fail;
	if (write_run_json(o->out, o, &mo, &t, stamp, now_ms() - t0, &e))
		goto fail;
	fprintf(stderr, "slareport: %s: %zu customers, %zu reported, %zu held, %zu rejected "
		"rows, %zu ledger rows -> %s\n", o->period, t.customers, t.ok, t.held,
		mo.x.nrejects, t.rows, o->out);
	exit_code = t.held > 0 ? SR_EXIT_HELD : SR_EXIT_OK;
	rc = exit_code;
	goto out;
fail:
	fprintf(stderr, "slareport: %s\n", e.msg);
	rc = SR_EXIT_FATAL;
out:
	if (have_renderer)
		renderer_close(&rd);
	sr_out_abort(&led);
	sr_out_abort(&man);
	sr_out_abort(&rej);
	free_month(&mo);
	return rc;
}

int sr_validate(const char *dir, FILE *f)
{
	struct sr_catalogs cats;
	struct sr_diags d = {0};
	struct sr_calendar cal;
	struct sr_err e;
	char path[1024];
	int rc;

	sr_err_clear(&e);
	rc = sr_catalogs_load(dir, &cats, &d);
	print_diags(&d, f, 0);
	snprintf(path, sizeof path, "%s/calendar.xml", dir);
	if (sr_calendar_load(path, "calendar.xml", &cal, &e)) {
		fprintf(f, "calendar.xml: error: %s\n", e.msg);
		rc = -1;
	} else {
		for (size_t i = 0; i < cal.nyears; i++)
			if (cal.years[i].provisional)
				fprintf(f, "calendar.xml: warning: year %d is provisional: %s\n",
					cal.years[i].year, cal.years[i].source);
		sr_calendar_free(&cal);
	}
	fprintf(f, "%zu catalogs loaded, %zu errors, %zu warnings\n", cats.n, d.errors,
		d.warnings);
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	return rc == 0 ? SR_EXIT_OK : SR_EXIT_FATAL;
}

static int by_source(const void *a, const void *b)
{
	const struct sr_catalog *x = *(const struct sr_catalog *const *)a;
	const struct sr_catalog *y = *(const struct sr_catalog *const *)b;
	int c = strcmp(x->seed, y->seed);

	if (c != 0)
		return c;
	if (x->seed_line != y->seed_line)
		return x->seed_line < y->seed_line ? -1 : 1;
	return strcmp(x->file, y->file);
}

/* Markdown cell text: no pipes or line breaks. */
static void cell(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '|' ? '/' : *s == '\n' ? ' ' : *s, f);
}

int sr_catalog_index(const char *dir, FILE *f)
{
	struct sr_catalogs cats;
	struct sr_diags d = {0};
	const struct sr_catalog **v;
	int rc = sr_catalogs_load(dir, &cats, &d);

	if (rc != 0) {
		print_diags(&d, stderr, 1);
		sr_catalogs_free(&cats);
		sr_diags_free(&d);
		return SR_EXIT_FATAL;
	}
	v = calloc(cats.n ? cats.n : 1, sizeof *v);
	if (v == NULL)
		return SR_EXIT_FATAL;
	for (size_t i = 0; i < cats.n; i++)
		v[i] = &cats.v[i];
	if (cats.n > 1)
		qsort(v, cats.n, sizeof *v, by_source);
	fprintf(f, "# Catalog index\n\nGenerated by `make index` (`slareport index --catalogs "
		"catalogs`) from the %zu catalogs; do not edit by hand. Seed line = the line "
		"of the agreement's title in its seed file.\n\n", cats.n);
	fputs("| product | file | title | version | metrics (kind: objective) | compensation | "
	      "seed | line |\n|---|---|---|---|---|---|---|---|\n", f);
	for (size_t i = 0; i < cats.n; i++) {
		const struct sr_catalog *k = v[i];
		fprintf(f, "| %s | %s | ", k->product, k->file);
		cell(f, k->title_zh);
		fputs(" / ", f);
		cell(f, k->title_en);
		fprintf(f, " | %s", k->version);
		if (k->has_effective) {
			char b[16];
			sr_format_date(k->effective_day, b, sizeof b);
			fprintf(f, ", effective %s", b);
		}
		fputs(" | ", f);
		for (size_t j = 0; j < k->nmetrics; j++) {
			const struct sr_metric *m = &k->metrics[j];
			fprintf(f, "%s%s (%s", j ? "; " : "", m->id, sr_metric_kind_name(m->kind));
			if (m->has_objective > 0)
				fprintf(f, ": %s %%", m->objective_txt);
			else if (m->has_max > 0)
				fprintf(f, ": max %s", m->max_txt);
			fputc(')', f);
		}
		fputs(" | ", f);
		for (size_t j = 0, n = 0; j < k->nmetrics; j++) {
			const struct sr_metric *m = &k->metrics[j];
			int dup = 0;
			for (size_t q = 0; q < j; q++)
				dup |= k->metrics[q].comp == m->comp;
			if (dup)
				continue;
			fprintf(f, "%s%s%s%s", n++ ? ", " : "", sr_comp_kind_name(m->comp),
				m->unit[0] ? " " : "", m->unit);
		}
		fprintf(f, " | %s | %ld |\n", k->seed, k->seed_line);
	}
	free(v);
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	return SR_EXIT_OK;
}

int sr_explain(const struct sr_run_opts *o, const char *customer, FILE *f)
{
	struct month mo;
	struct sr_err e;
	struct sr_customer_result cr;
	size_t a;
	int rc = load_month(o, &mo);

	if (rc != 0) {
		free_month(&mo);
		return rc;
	}
	sr_err_clear(&e);
	a = sr_exports_account(&mo.x, customer);
	if (a == (size_t)-1) {
		const struct sr_hold *h = sr_exports_hold(&mo.x, customer);
		fprintf(stderr, "slareport: customer '%s' is not in accounts.csv%s%s\n", customer,
			h ? "; rejected rows: " : "", h ? h->reason : "");
		rc = SR_EXIT_USAGE;
		goto out;
	}
	if (sr_compute_customer(&mo.x, &mo.cats, &mo.cal, a, &cr, &e)) {
		fprintf(stderr, "slareport: %s\n", e.msg);
		rc = SR_EXIT_FATAL;
	} else {
		sr_explain_customer(f, &mo.x, &cr, o->period, sr_exports_hold(&mo.x, customer));
		rc = sr_exports_hold(&mo.x, customer) ? SR_EXIT_HELD : SR_EXIT_OK;
	}
	sr_customer_result_free(&cr);
out:
	free_month(&mo);
	return rc;
}
