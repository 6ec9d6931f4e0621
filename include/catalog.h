#ifndef SR_CATALOG_H
#define SR_CATALOG_H
/* Rule catalogs: one XML file per product agreement (and version), validated
 * against catalogs/catalog.xsd, turned into plain structs the engine reads.
 * Every agreement difference is data here; the engine names no product. */
#include <stdint.h>
#include <stddef.h>
#include "err.h"
#include "money.h"
#include "fileio.h"

#define SR_ID_MAX 33

enum sr_period_kind {
	SR_PERIOD_NATURAL_MONTH, SR_PERIOD_FULL_MONTH, SR_PERIOD_ANNIVERSARY_MONTH,
	SR_PERIOD_SERVICE_YEAR, SR_PERIOD_NATURAL_YEAR
};
enum sr_metric_kind {
	SR_MK_EVENT_MINUTES, SR_MK_MULTI_ZONE, SR_MK_REQUEST_RATIO, SR_MK_USAGE_WINDOWS,
	SR_MK_WINDOW_MEAN, SR_MK_OUTAGE_LENGTH, SR_MK_COUNT, SR_MK_FLEET, SR_MK_SUM, SR_MK_NONE
};
enum sr_round {
	SR_ROUND_UP, SR_ROUND_DOWN, SR_ROUND_SECONDS, SR_ROUND_CLOCK_COVERED,
	SR_ROUND_CLOCK_TOUCHED
};
enum sr_measure {
	SR_MEASURE_AVAILABILITY, SR_MEASURE_LONGEST, SR_MEASURE_TOTAL,
	SR_MEASURE_LONGEST_OR_TOTAL, SR_MEASURE_COUNT
};
enum sr_window_when {
	SR_WHEN_NONE, SR_WHEN_ERROR_RATE_ABOVE, SR_WHEN_ALL_FAILED, SR_WHEN_SUCCESS_BELOW
};
enum sr_comp_kind {
	SR_COMP_VOUCHER, SR_COMP_SERVICE_UNITS, SR_COMP_REQUEST_UNITS, SR_COMP_EXTRA_TIME,
	SR_COMP_NONE, SR_COMP_VOUCHER_EXCESS
};
enum sr_combine { SR_COMBINE_MAX, SR_COMBINE_SUM, SR_COMBINE_SEPARATE };
enum sr_cap_kind { SR_CAP_MONTH_FEE, SR_CAP_FEES_PAID, SR_CAP_FEES_12M, SR_CAP_ANNUAL_FEE };

struct sr_minute_rule {
	int64_t ignore_seconds;     /* pieces at/below this count 0 */
	int ignore_inclusive;       /* 1: duration <= ignore_seconds ignored; 0: < */
	enum sr_round round;
	int64_t deductible_minutes; /* only minutes beyond this count */
	int64_t merge_gap_seconds;  /* events closer than this form one incident */
};

struct sr_window_rule {
	int64_t seconds;            /* window length; the grid starts at local 00:00:00 */
	enum sr_window_when when;
	struct sr_ratio threshold;  /* error rate / success rate, fraction of 1 */
	int64_t min_requests;       /* fewer requests: the window is "empty" */
	int empty_excluded;         /* 1: empty windows leave the denominator */
	int64_t min_consecutive;    /* only runs this long count (>= 1) */
	int has_rate_floor;
	struct sr_ratio rate_floor; /* window-mean: rates at or below are not summed */
};

struct sr_band {
	int has_lower, has_upper;
	struct sr_ratio lower, upper;     /* availability: fractions of 1; else minutes/counts */
	int lower_incl, upper_incl;
	char lower_txt[24], upper_txt[24];
	struct sr_ratio percent;          /* voucher / service-units */
	char percent_txt[24];
	struct sr_ratio multiplier;       /* request-units (0 if absent) */
	char multiplier_txt[24];
	int64_t months, days;             /* extra-time */
	char label[64];                   /* "[99,99.975)" */
	long line;
};

struct sr_metric {
	char id[SR_ID_MAX];
	char title_zh[256], title_en[256];
	enum sr_metric_kind kind;
	int primary;
	char of[8][SR_ID_MAX];            /* multi-zone: its event metric; sum: the parts */
	size_t nof;
	int has_objective;                /* pct= (availability) */
	struct sr_ratio objective;
	char objective_txt[24];
	int has_max;                      /* max= (outage length, count) */
	struct sr_ratio max;
	char max_txt[24];
	struct sr_minute_rule minutes;
	int has_window;
	struct sr_window_rule window;
	enum sr_measure measure;
	struct sr_band *bands;
	size_t nbands;
	enum sr_comp_kind comp;
	char unit[SR_ID_MAX];             /* service-units / request-units unit */
	int max_units_usage;              /* request-units capped at the period's requests */
	char lines[64];                   /* seed lines */
	long line;                        /* catalog line */
};

struct sr_cause {
	char code[SR_ID_MAX];
	int counts;
	char text[1024];
};

struct sr_note {
	char id[SR_ID_MAX];
	char kind[24];
	char metric[SR_ID_MAX];
	char source_text[2048];
	char policy_zh[2048], policy_en[2048];
	char lines[64];
};

struct sr_commitment {
	char text_zh[2048], text_en[2048];
	char lines[64];
};

struct sr_catalog {
	char path[512];
	char file[128];                    /* base name */
	char product[SR_ID_MAX];
	char provider[128];
	char version[11];                  /* YYYY-MM-DD */
	int64_t version_day, effective_day;
	int has_effective;
	int tz_off;                        /* seconds east of UTC */
	char title_zh[256], title_en[256];
	char seed[128], updated[64];
	long seed_line;
	enum sr_period_kind period;
	char scope[24], scope_unit[128], fee_basis[32];
	struct sr_cause causes[32];
	size_t ncauses;
	struct sr_metric *metrics;
	size_t nmetrics;
	enum sr_combine combine;
	int cap_month_fee;
	int liability[4];                  /* by enum sr_cap_kind, 1 = stated */
	int has_claim;                     /* 0: the agreement sets no claim window */
	int claim_business_day, claim_days, claim_months;
	int claim_from_service_end;        /* anchor="service-period" */
	int claim_after_end;               /* opens-from="period-end" */
	struct sr_commitment *commitments;
	size_t ncommitments;
	struct sr_note *notes;
	size_t nnotes;
	char sha256[65];
};

struct sr_catalogs {
	struct sr_catalog *v;
	size_t n;
};

/* Diagnostics found while loading: errors make a catalog unusable; warnings
 * (band gaps, objective/band mismatch) are reported by `validate`. */
struct sr_diag {
	int is_error;
	char file[256];
	long line;
	char msg[512];
};
struct sr_diags {
	struct sr_diag *v;
	size_t n, cap;
	size_t errors, warnings;
};

/* Loads every *.xml in dir except calendar.xml, validating each against
 * dir/catalog.xsd (falls back to the schema next to the tool if absent).
 * Returns 0 if no error diagnostic was produced; all diagnostics go to d.
 * The caller frees with sr_catalogs_free / sr_diags_free. */
int sr_catalogs_load(const char *dir, struct sr_catalogs *out, struct sr_diags *d);
/* Loads one file (already known to exist) with the given compiled schema path. */
void sr_catalogs_free(struct sr_catalogs *c);
void sr_diags_free(struct sr_diags *d);

/* The catalog of `product` in force on local day `day` (latest effective
 * date <= day), or NULL. */
const struct sr_catalog *sr_catalog_find(const struct sr_catalogs *c, const char *product,
					 int64_t day);
/* 1 if any catalog (any version) has this product id. */
int sr_catalog_known_product(const struct sr_catalogs *c, const char *product);
const struct sr_metric *sr_catalog_metric(const struct sr_catalog *c, const char *id);
const struct sr_metric *sr_catalog_primary(const struct sr_catalog *c);
/* The cause entry for code, or NULL if the catalog does not know it. */
const struct sr_cause *sr_catalog_cause(const struct sr_catalog *c, const char *code);

const char *sr_metric_kind_name(enum sr_metric_kind k);
const char *sr_comp_kind_name(enum sr_comp_kind k);

#endif
