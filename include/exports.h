#ifndef SR_EXPORTS_H
#define SR_EXPORTS_H
/* The month's exports (SPEC §2) read into a model: accounts, resources,
 * outage/exclusion events and usage counts.  Every rejected row is kept with
 * file, line, column and code; the customer it belongs to is held. */
#include <stdint.h>
#include "catalog.h"
#include "civil.h"
#include "money.h"
#include "strmap.h"

#define SR_CUST_MAX 65
#define SR_RES_MAX 129
#define SR_UNIT_PRICE_DECIMALS 6   /* unit_price may be finer than the currency */

struct sr_account {
	char id[SR_CUST_MAX];
	char *name, *email;
	char locale[8];
	char currency[4];
	int digits;                     /* minor-unit digits of the currency */
	long line;
};

struct sr_resource {
	size_t account;                 /* index into accounts */
	char product[SR_ID_MAX];
	char id[SR_RES_MAX];
	char region[65], zone[65];
	int has_start, has_end;
	sr_time start, end;
	sr_money fee;                   /* the month's fee on the catalog's fee basis */
	int fee_derived;                /* fee computed from annual_fee / prepaid_fee */
	int has_fees_paid, has_fees_12m, has_annual_fee;
	sr_money fees_paid, fees_12m, annual_fee;  /* liability caps, when exported */
	int has_unit_price;
	int64_t unit_price;             /* value × 10^6 in the currency */
	const struct sr_catalog *catalog;  /* version in force for the period */
	long line;
};

struct sr_event {
	char id[SR_RES_MAX];
	size_t account;
	char product[SR_ID_MAX];
	char resource[SR_RES_MAX];      /* "*" = every resource of the product */
	char metric[SR_ID_MAX];         /* resolved (empty column = primary metric) */
	sr_time start, end;
	int open_end;                   /* end was empty: counted to the period end */
	char cause[SR_ID_MAX];
	int counts;                     /* the catalog counts this cause */
	int has_failed;
	int64_t failed;
	char *note;
	long line;
};

struct sr_usage {
	size_t account;
	char product[SR_ID_MAX];
	char resource[SR_RES_MAX];
	char metric[SR_ID_MAX];
	int has_window;
	sr_time window_start;
	int64_t total, failed;
	long line;
};

struct sr_reject {
	char file[32];
	long line;
	char column[64];
	char code[32];
	char message[512];
	char customer[SR_CUST_MAX + 192];  /* "" when the row names no customer */
};

/* A customer held back, with every reason. */
struct sr_hold {
	char customer[SR_CUST_MAX + 192];
	int in_accounts;
	long account_line;              /* its accounts.csv row, rejected (0: none) */
	size_t nreasons;
	char reason[1024];              /* "; "-joined, first reasons */
};

struct sr_exports {
	int period_y, period_m;
	struct sr_account *accounts; size_t naccounts;
	struct sr_resource *resources; size_t nresources;
	struct sr_event *events; size_t nevents;
	struct sr_usage *usage; size_t nusage;
	struct sr_reject *rejects; size_t nrejects;
	struct sr_hold *holds; size_t nholds;
	int unattributed;               /* a rejected row named no customer: fatal */
	struct sr_strmap account_ix;    /* customer id -> account index */
	struct sr_strmap resource_ix;   /* customer \x1f product \x1f resource -> index */
	struct sr_strmap hold_ix;
	/* rows of each account: res_ix[res_off[a] .. res_off[a+1]) and so on */
	size_t *res_ix, *res_off, *ev_ix, *ev_off, *use_ix, *use_off;
	struct {
		char name[32];
		char sha256[65];
		int present;
		size_t rows;
	} files[4];
};

/* Reads accounts.csv, resources.csv, outages.csv and usage.csv (optional) from
 * dir for period y-m.  default_locale fills empty locale cells.  Returns 0 when
 * every file could be read (row problems are in x->rejects / x->holds), or
 * negative on a fatal problem (missing file or column), described in e. */
int sr_exports_read(const char *dir, int y, int m, const struct sr_catalogs *cats,
		    const char *default_locale, struct sr_exports *x, struct sr_err *e);
void sr_exports_free(struct sr_exports *x);

/* Index of the account, or (size_t)-1. */
size_t sr_exports_account(const struct sr_exports *x, const char *id);
/* The hold entry of a customer, or NULL. */
const struct sr_hold *sr_exports_hold(const struct sr_exports *x, const char *id);
/* 1 if s is a valid customer id: 1–64 of [A-Za-z0-9._-]. */
int sr_valid_customer_id(const char *s);

#endif
