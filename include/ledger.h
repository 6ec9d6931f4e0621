#ifndef SR_LEDGER_H
#define SR_LEDGER_H
/* The run's machine-readable outputs (SPEC §5): ledger.csv, manifest.csv,
 * rejects.csv and run.json, each written atomically. */
#include <stdio.h>
#include "engine.h"

/* One manifest row, filled as customers are computed (or held). */
struct sr_manifest_row {
	char customer[SR_CUST_MAX + 192];
	const struct sr_account *acc;      /* NULL if not in accounts.csv */
	int held;
	char reason[1024];
	char report[128];                  /* relative path, "" without PDF */
	char sha256[65];
	int pages;
	sr_money voucher_total;
	char units_total[128];             /* see sr_fmt_units */
	size_t resources, breaches;
	int has_claim;
	int64_t claim_opens, claim_closes;
};

/* Writes the header of ledger.csv. */
void sr_ledger_header(FILE *f);
/* Writes one customer's ledger rows (one per resource × metric). */
void sr_ledger_rows(FILE *f, const char *period, const struct sr_customer_result *c);
void sr_manifest_header(FILE *f);
void sr_manifest_row(FILE *f, const struct sr_manifest_row *m);
/* Writes rejects.csv content. */
void sr_rejects_write(FILE *f, const struct sr_exports *x);

/* Formatting shared by the ledger, explain and the report model. */
void sr_fmt_money(sr_money v, int digits, char *buf, size_t n);
/* The unavailable count of a metric result in minutes as printed ("12"). */
void sr_fmt_unavailable(const struct sr_metric_result *mr, char *buf, size_t n);
/* The band column: met, n/a, gap, none or the band's interval. */
const char *sr_band_text(const struct sr_metric_result *mr);
/* The compensation column: money for vouchers, an integer for units. */
void sr_fmt_compensation(const struct sr_metric_result *mr, int digits, char *buf, size_t n);
/* The manifest's units_total: the number when at most one unit kind is owed,
 * else "request=420;sms=649" (kinds never add up). */
void sr_fmt_units(const struct sr_customer_result *c, char *buf, size_t n);
const char *sr_comp_unit(const struct sr_metric_result *mr, const struct sr_account *acc);

#endif
