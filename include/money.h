#ifndef SR_MONEY_H
#define SR_MONEY_H
/* Money as integer minor units, exact ratios, half-up rounding.  Decimal
 * strings are parsed digit by digit, never through a floating-point type. */
#include <stdint.h>
#include <stddef.h>
#include "err.h"

typedef int64_t sr_money;  /* minor units of the account's currency (fen, cents) */

/* An exact non-negative fraction num/den, den > 0.  Percentages are stored as
 * fractions of 1: "99.975" % is 99975/100000. */
struct sr_ratio {
	int64_t num;
	int64_t den;
};

/* Minor-unit digits of an ISO 4217 code we accept (CNY 2, JPY 0, ...), -1 unknown. */
int sr_currency_digits(const char *code);

/* Parses a plain non-negative decimal ("1234.56", "0.5", "12") with at most
 * max_frac fraction digits into value * 10^max_frac (so "1.5" with max_frac 2
 * is 150).  No sign, exponent, separators or spaces; at most 15 integer digits
 * (18 − max_frac when max_frac > 3, so the result always fits in 64 bits). */
int sr_decimal_parse(const char *s, size_t len, int max_frac, int64_t *out, struct sr_err *e);
/* Writes v / 10^frac as a decimal with exactly frac fraction digits. */
void sr_decimal_format(int64_t v, int frac, char *buf, size_t n);

/* Parses a percentage "99.975" (0..100, at most 10 fraction digits) into a ratio of 1. */
int sr_pct_parse(const char *s, struct sr_ratio *r, struct sr_err *e);
/* Parses a plain decimal "12.5" (at most 6 fraction digits) into an exact ratio. */
int sr_dec_ratio_parse(const char *s, struct sr_ratio *r, struct sr_err *e);
/* floor(v × r) for v >= 0. */
int64_t sr_mul_floor(int64_t v, struct sr_ratio r);
/* Three-way comparison of a and b (exact, 128-bit cross-multiplication). */
int sr_ratio_cmp(struct sr_ratio a, struct sr_ratio b);
/* Writes r as a percentage truncated (never rounded up) to `dec` decimals. */
void sr_ratio_format_pct(struct sr_ratio r, int dec, char *buf, size_t n);
/* Writes r as the shortest exact percentage ("99.975"), or with 10 decimals
 * truncated if it does not terminate. */
void sr_ratio_format_pct_exact(struct sr_ratio r, char *buf, size_t n);

/* m × r rounded half-up to the minor unit (m >= 0). */
sr_money sr_money_mul_half_up(sr_money m, struct sr_ratio r);
/* floor(m × r / price): m in minor units of a currency with `digits` decimals,
 * price = unit / 10^unit_frac in the same currency (unit prices may carry more
 * decimals than the currency: SMS at 0.045). */
int64_t sr_units_floor(sr_money m, int digits, struct sr_ratio r, int64_t unit, int unit_frac);

#endif
