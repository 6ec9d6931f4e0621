#ifndef SR_PIPELINE_H
#define SR_PIPELINE_H
/* The month's pipeline: read exports -> load catalogs -> compute per customer
 * -> write ledger/manifest -> (render reports).  Returns exit codes (err.h). */
#include <stdio.h>

#define SR_VERSION "0.1.0"
#define SR_MAX_FILTER 64

struct sr_run_opts {
	const char *period;          /* YYYY-MM */
	const char *input;           /* directory of the exports */
	const char *catalogs;        /* directory of *.xml and calendar.xml */
	const char *out;             /* output directory */
	const char *lang;            /* default locale for empty locale cells */
	int jobs;
	int shard_k, shard_n;        /* 1-based shard K of N (0/0 = all) */
	int no_pdf;
	int force;                   /* replace another run's results in out */
	const char *customers[SR_MAX_FILTER];
	int ncustomers;
};

/* `slareport run`: writes every output under opts->out. */
int sr_run(const struct sr_run_opts *opts);
/* `slareport validate`: prints diagnostics to f; 0 if no error, 2 otherwise. */
int sr_validate(const char *catalogs, FILE *f);
/* `slareport index`: catalogs/INDEX.md (markdown) from the catalogs, to f. */
int sr_catalog_index(const char *catalogs, FILE *f);
/* `slareport explain`: the whole computation for one customer, to f. */
int sr_explain(const struct sr_run_opts *opts, const char *customer, FILE *f);

#endif
