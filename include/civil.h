#ifndef SR_CIVIL_H
#define SR_CIVIL_H
/* Civil time: instants as integer seconds since 1970-01-01T00:00:00Z, days as
 * integer day numbers, fixed UTC offsets in seconds.  No floating point. */
#include <stdint.h>
#include <stddef.h>
#include "err.h"

typedef int64_t sr_time;  /* seconds since the Unix epoch, UTC */

/* Day number (days since 1970-01-01) of a proleptic Gregorian date. */
int64_t sr_days_from_civil(int y, int m, int d);
void sr_civil_from_days(int64_t days, int *y, int *m, int *d);
int sr_days_in_month(int y, int m);
/* 0 = Sunday ... 6 = Saturday. */
int sr_weekday(int64_t days);

/* Parses "+08:00", "-05:30" or "Z" into seconds east of UTC. */
int sr_parse_offset(const char *s, int *off, struct sr_err *e);
/* Parses YYYY-MM-DD. */
int sr_parse_date(const char *s, size_t len, int64_t *days, struct sr_err *e);
/* Parses YYYY-MM-DD[T| ]HH:MM[:SS][Z|±HH:MM]; a time without offset is taken
 * at default_off.  24:00, leap seconds and invalid dates are refused. */
int sr_parse_time(const char *s, size_t len, int default_off, sr_time *t, struct sr_err *e);
/* Parses YYYY-MM into year and month. */
int sr_parse_period(const char *s, int *y, int *m, struct sr_err *e);

/* The local calendar day (day number) of instant t at offset off. */
int64_t sr_local_day(sr_time t, int off);
/* The instant at which local day `days` begins at offset off. */
sr_time sr_day_start(int64_t days, int off);

/* Writes "YYYY-MM-DD" / "YYYY-MM-DD HH:MM:SS" / "+08:00" into buf (>= 32 bytes). */
void sr_format_date(int64_t days, char *buf, size_t n);
void sr_format_local(sr_time t, int off, char *buf, size_t n);
void sr_format_iso(sr_time t, int off, char *buf, size_t n);
void sr_format_offset(int off, char *buf, size_t n);
/* "1 h 02 min 03 s" style duration, for people. */
void sr_format_duration(int64_t seconds, char *buf, size_t n);

#endif
