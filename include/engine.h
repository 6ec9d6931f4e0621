#ifndef SR_ENGINE_H
#define SR_ENGINE_H
/* The computation of SPEC §3, per customer, per resource, per metric.  Reads
 * only catalog data: no product is named here.  All arithmetic is integer. */
#include "calendar.h"
#include "catalog.h"
#include "exports.h"

/* A span of unavailable time removed by an exclusion event. */
struct sr_excl_span {
	sr_time start, end;
	char cause[SR_ID_MAX];
	size_t event;                  /* index into exports events */
};

/* What remains of an incident after exclusions, with its counted minutes. */
struct sr_piece {
	sr_time start, end;
	int64_t counted;               /* minutes (seconds when round="seconds") */
};

/* Merged counted events (or, for derived metrics, derived spans).  Events less
 * than the catalog's merge gap apart are one incident; the gaps between them are
 * not part of it. */
struct sr_incident {
	sr_time start, end;
	int open_end;                  /* an event had no end: counted to the window end */
	size_t piece0, npieces;
	size_t excl0, nexcl;
	int64_t counted;
	int capped;                    /* pieces counted more than the whole: capped */
	size_t nspans;                 /* covered spans (several when gap-merged) */
	int64_t whole_seconds;         /* covered time before exclusions */
	size_t nevents;                /* events merged into it */
};

enum sr_status { SR_MET, SR_BAND, SR_GAP, SR_NOT_APPLICABLE, SR_NO_COMMITMENT };

struct sr_metric_result {
	const struct sr_metric *metric;
	enum sr_status status;
	char note[256];                /* why not applicable / no traffic / ... */
	sr_time win_start, win_end;
	int64_t service_minutes;
	int64_t unavailable;           /* counted minutes (seconds if round=seconds;
					* unavailable windows for usage-windows) */
	int64_t longest;               /* outage-length: the longest incident's minutes */
	int64_t count;                 /* count: counted incidents */
	int64_t windows, empty_windows;  /* window metrics: grid windows, empty ones */
	struct sr_ratio value;         /* what the bands measure (availability or else) */
	int64_t excluded_seconds;
	int64_t total_requests, failed_requests;  /* request metrics */
	int64_t failed_in_events;      /* request-units base: failed requests of counted
					* events, pro-rated to their counted pieces */
	struct sr_ratio availability;
	const struct sr_band *band;
	struct sr_ratio percent;       /* percent paid (0 if none) */
	enum sr_comp_kind comp;
	sr_money voucher;              /* minor units */
	int64_t units;
	int applied, capped;
	struct sr_incident *incidents; size_t nincidents;
	struct sr_piece *pieces; size_t npieces;
	struct sr_excl_span *excl; size_t nexcl;
	/* unavailable minutes per local day of the period (for the report chart) */
	int64_t per_day[31];
};

/* What one ledger row set is computed for: a resource, or, for account /
 * account-region scoped agreements, the group of the customer's resources of the
 * product (id "*" or "*@region" when it has several members; fee = the members'
 * fees added up; service window = the hull of the members' windows). */
struct sr_resource_result {
	const struct sr_resource *res; /* == &unit */
	struct sr_resource unit;
	size_t *members, nmembers;     /* indices into exports resources */
	const struct sr_catalog *cat;
	struct sr_metric_result *m; size_t nm;
	sr_money voucher;              /* what is paid for the resource */
	int64_t units;
	int breach;                    /* some metric missed its objective */
	int has_open_event;
	/* the claim window of this unit's service period (if the agreement has one) */
	int has_claim, claim_missing, claim_provisional;
	int64_t claim_opens, claim_closes;  /* local day numbers */
};


struct sr_customer_result {
	const struct sr_account *acc;
	struct sr_resource_result *r; size_t nr;
	sr_money voucher_total;
	int64_t units_total;           /* all units; see units[] per unit kind */
	struct sr_unit_total { char unit[SR_ID_MAX]; int64_t n; } units[8];
	size_t nunits;                 /* kinds owed, sorted by name */
	size_t breaches;               /* resources below an objective */
	int has_claim;                 /* something to claim */
	int claim_missing;             /* something owed, but calendar.xml lacks the
					* year of its claim window */
	int claim_provisional;         /* a window uses a provisional calendar year */
	int64_t claim_opens, claim_closes;  /* window valid for every product owed */
};

/* Computes everything for account index a.  0 ok; negative (e filled) if the
 * calendar does not cover a claim window.  Free with sr_customer_result_free. */
int sr_compute_customer(const struct sr_exports *x, const struct sr_catalogs *cats,
			const struct sr_calendar *cal, size_t a, struct sr_customer_result *out,
			struct sr_err *e);
void sr_customer_result_free(struct sr_customer_result *c);

/* Minute rule of SPEC §3.3 applied to one piece of `seconds` length (the
 * duration-based roundings: up, down, seconds). */
int64_t sr_count_piece(const struct sr_minute_rule *r, int64_t seconds);
/* The minute rule applied to the piece [a, b), including the clock-minute
 * roundings (clock-covered, clock-touched). */
int64_t sr_count_span(const struct sr_minute_rule *r, sr_time a, sr_time b);
/* Service window of a resource for the period under the catalog's period kind:
 * 0 and [*ws, *we) if the resource has a service month ending in the period,
 * -1 with a reason otherwise. */
int sr_service_window(const struct sr_catalog *k, const struct sr_resource *r, int y, int m,
		      sr_time *ws, sr_time *we, char *why, size_t whyn);
/* The last local day of the service month the run evaluates for resource r:
 * the period's last day, or, for anniversary months, the day before the
 * anniversary in the period.  Claim windows count from it. */
int64_t sr_service_period_last(const struct sr_catalog *k, const struct sr_resource *r, int y,
			       int m);
/* Whole local days touched by [ws, we) × 1440. */
int64_t sr_service_minutes(sr_time ws, sr_time we, int off);

const char *sr_status_name(enum sr_status s);

#endif
