/* slareport — month-end SLA compliance reports.  This file only parses the
 * command line and calls the pipeline (pipeline.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "err.h"
#include "pipeline.h"

static const char usage_text[] =
	"usage:\n"
	"  slareport run --period YYYY-MM --input DIR --catalogs DIR --out DIR\n"
	"                [--jobs N] [--shard K/N] [--lang zh-CN|en] [--no-pdf] [--customer ID]...\n"
	"                [--force]   (replace another run's results in --out)\n"
	"  slareport validate --catalogs DIR\n"
	"  slareport index --catalogs DIR          # catalogs/INDEX.md from the catalogs\n"
	"  slareport explain --period YYYY-MM --input DIR --catalogs DIR --customer ID\n"
	"  slareport --version | --help\n"
	"\n"
	"A plain `slareport run` runs the example month: --period 2026-10\n"
	"--input examples/2026-10 --catalogs catalogs --out out.\n"
	"Exit status: 0 all reports produced; 3 some customers held (see manifest.csv);\n"
	"2 fatal input problem, nothing published; 64 bad command line.\n";

static int usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "slareport: %s\n", why);
	fputs(usage_text, stderr);
	return SR_EXIT_USAGE;
}

static int positive(const char *s, int *v)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 1 || n > 4096)
		return -1;
	*v = (int)n;
	return 0;
}

int main(int argc, char **argv)
{
	struct sr_run_opts o;
	const char *cmd;
	char msg[256];

	memset(&o, 0, sizeof o);
	o.period = "2026-10";
	o.input = "examples/2026-10";
	o.catalogs = "catalogs";
	o.out = "out";
	o.lang = "zh-CN";
	o.jobs = 1;
	if (argc < 2)
		return usage(NULL);
	cmd = argv[1];
	if (strcmp(cmd, "--version") == 0) {
		printf("slareport %s\n", SR_VERSION);
		return 0;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (strcmp(cmd, "run") && strcmp(cmd, "validate") && strcmp(cmd, "explain") &&
	    strcmp(cmd, "index"))
		return usage("unknown command");
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int takes = 1;

		if (strcmp(a, "--no-pdf") == 0) {
			o.no_pdf = 1;
			takes = 0;
		} else if (strcmp(a, "--force") == 0) {
			o.force = 1;
			takes = 0;
		} else if (v == NULL) {
			snprintf(msg, sizeof msg, "option %s needs a value (or is unknown)", a);
			return usage(msg);
		} else if (strcmp(a, "--period") == 0) {
			o.period = v;
		} else if (strcmp(a, "--input") == 0) {
			o.input = v;
		} else if (strcmp(a, "--catalogs") == 0) {
			o.catalogs = v;
		} else if (strcmp(a, "--out") == 0) {
			o.out = v;
		} else if (strcmp(a, "--lang") == 0) {
			if (strcmp(v, "zh-CN") && strcmp(v, "en"))
				return usage("--lang takes zh-CN or en");
			o.lang = v;
		} else if (strcmp(a, "--jobs") == 0) {
			if (positive(v, &o.jobs))
				return usage("--jobs takes a whole number 1..4096");
		} else if (strcmp(a, "--shard") == 0) {
			const char *slash = strchr(v, '/');
			char k[16];
			if (slash == NULL || slash - v >= (long)sizeof k)
				return usage("--shard takes K/N");
			memcpy(k, v, (size_t)(slash - v));
			k[slash - v] = '\0';
			if (positive(k, &o.shard_k) || positive(slash + 1, &o.shard_n) ||
			    o.shard_k > o.shard_n)
				return usage("--shard takes K/N with 1 <= K <= N");
		} else if (strcmp(a, "--customer") == 0) {
			if (o.ncustomers == SR_MAX_FILTER)
				return usage("too many --customer options");
			o.customers[o.ncustomers++] = v;
		} else {
			snprintf(msg, sizeof msg, "unknown option %s", a);
			return usage(msg);
		}
		i += takes;
	}
	if (strcmp(cmd, "validate") == 0)
		return sr_validate(o.catalogs, stdout);
	if (strcmp(cmd, "index") == 0)
		return sr_catalog_index(o.catalogs, stdout);
	if (strcmp(cmd, "explain") == 0) {
		if (o.ncustomers != 1)
			return usage("explain takes exactly one --customer ID");
		return sr_explain(&o, o.customers[0], stdout);
	}
	return sr_run(&o);
}
