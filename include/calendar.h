#ifndef SR_CALENDAR_H
#define SR_CALENDAR_H
/* Business days: mainland-China public holidays and the weekend days worked in
 * their place, per year, from catalogs/calendar.xml. */
#include <stdint.h>
#include "err.h"

struct sr_calendar {
	struct sr_calday { int64_t day; int is_workday; } *days;
	size_t n;
	struct sr_calyear { int year; int provisional; char source[512]; } years[64];
	size_t nyears;
	char sha256[65];
};

/* Loads path (shown as name).  0 ok; the caller frees with sr_calendar_free. */
int sr_calendar_load(const char *path, const char *name, struct sr_calendar *cal,
		     struct sr_err *e);
void sr_calendar_free(struct sr_calendar *cal);
/* 1 business day, 0 not; -1 if the year is not in the calendar. */
int sr_calendar_is_business(const struct sr_calendar *cal, int64_t day);
/* The n-th business day (n >= 1) of month y-m, or -1 if the year is missing.
 * *provisional is set when the year's list is marked provisional. */
int64_t sr_calendar_nth_business(const struct sr_calendar *cal, int y, int m, int n,
				 int *provisional);

/* Claim window of a service period whose last day (local day number) is `last`:
 * opens the day after the nth business day of the following month (after_end:
 * the nth business day after `last`; nth = 0: the day after `last`); closes `days` calendar days after `last`, or, when
 * months > 0, on the last day of the months-th month after it.  Returns 0, or -1
 * when the calendar does not cover the dates. */
int sr_claim_window(const struct sr_calendar *cal, int64_t last, int nth, int after_end,
		    int days, int months, int64_t *opens, int64_t *closes, int *provisional,
		    struct sr_err *e);
#endif
