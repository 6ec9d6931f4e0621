#ifndef SR_REPORT_H
#define SR_REPORT_H
/* The report model: what a customer's report says — sections, tables, chart
 * data, notes — as finished text in the customer's locale, built from the
 * engine's results and templates/.  The PDF backend (pdf.h) only lays it out;
 * tests inspect the model without a PDF. */
#include "engine.h"
#include "template.h"

#define SR_RPT_TEXT 512

struct sr_rpt_row {
	char resource[SR_RES_MAX + 16], metric[256], service[32], unavailable[32];
	char availability[32], band[80], fee[48], compensation[64];
	int below;                     /* missed an objective: shown emphasised */
	int applied;                   /* this row's compensation is paid */
};

struct sr_rpt_incident {
	char heading[SR_RPT_TEXT];     /* resource (metric) */
	char line[SR_RPT_TEXT];        /* start to end: duration, counted */
	/* excluded spans with their cause (a whole catalog cause text) */
	char excluded[8][sizeof ((struct sr_cause *)0)->text + 128];
	size_t nexcluded;
};

struct sr_rpt_product {
	char heading[SR_RPT_TEXT];     /* the agreement's title in the locale */
	char agreement[SR_RPT_TEXT * 2];
	char objectives[8][SR_RPT_TEXT];
	size_t nobjectives;
	/* a whole catalog commitment text and its template's words */
	char commitments[8][sizeof ((struct sr_commitment *)0)->text_en + 128];
	size_t ncommitments;
	struct sr_rpt_row *rows; size_t nrows;
	/* chart: unavailable minutes per day of the period (all resources, primary
	 * metric) and the month's allowance in minutes (0 = no chart) */
	int ndays;
	int64_t per_day[31];
	char chart_title[SR_RPT_TEXT];
	int64_t allowance;
	int has_chart;
	struct sr_rpt_incident *incidents; size_t nincidents;
	/* "id: policy": room for a whole catalog policy (cut only beyond it) */
	char notes[16][sizeof ((struct sr_note *)0)->policy_en + SR_ID_MAX + 8];
	size_t nnotes;
};

struct sr_report {
	char lang[8];
	char customer_id[SR_CUST_MAX];
	char report_id[80];
	/* document metadata; the author is who issues the report (the providers) */
	char doc_title[SR_RPT_TEXT], doc_subject[SR_RPT_TEXT], doc_keywords[SR_RPT_TEXT];
	char doc_author[SR_RPT_TEXT];
	/* title block */
	char title[SR_RPT_TEXT], period[SR_RPT_TEXT], customer[SR_RPT_TEXT];
	char report_line[SR_RPT_TEXT], provider[SR_RPT_TEXT];
	/* summary box */
	char summary_heading[SR_RPT_TEXT];
	char summary[8][SR_RPT_TEXT * 2];
	size_t nsummary;
	int all_met;                   /* nothing below objective: the short report */
	/* per product (catalog) */
	struct sr_rpt_product *products; size_t nproducts;
	/* table headings, chart labels, section headings */
	char col[8][64];
	char incidents_heading[SR_RPT_TEXT], notes_heading[SR_RPT_TEXT];
	/* footer: page numbers are filled in by the backend ({page}, {pages} left) */
	char footer[SR_RPT_TEXT * 2];
};

/* Facts of the run that every report repeats. */
struct sr_rpt_run {
	const char *period;            /* YYYY-MM */
	const char *input_digest;      /* short digest of the inputs */
	const char *catalogs_digest;   /* short digest of the catalogs */
	const char *version;           /* tool version */
};

/* Builds the model of customer c's report.  0 ok.  Free with sr_report_free. */
int sr_report_build(const struct sr_customer_result *c, const struct sr_exports *x,
		    const struct sr_tpl *t, const struct sr_rpt_run *run, struct sr_report *r,
		    struct sr_err *e);
void sr_report_free(struct sr_report *r);

#endif
