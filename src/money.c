#include <stdio.h>
#include <string.h>
#include "money.h"

typedef __int128 i128;  /* exact products of two int64 values */

static const struct {
	const char code[4];
	int digits;
} currencies[] = {
	{"AUD", 2}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CNY", 2}, {"EUR", 2},
	{"GBP", 2}, {"HKD", 2}, {"IDR", 2}, {"INR", 2}, {"JPY", 0}, {"KRW", 0},
	{"MOP", 2}, {"MYR", 2}, {"PHP", 2}, {"SGD", 2}, {"THB", 2}, {"TWD", 2},
	{"USD", 2}, {"VND", 0},
};

int sr_currency_digits(const char *code)
{
	for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
		if (strcmp(code, currencies[i].code) == 0)
			return currencies[i].digits;
	return -1;
}

int sr_decimal_parse(const char *s, size_t len, int max_frac, int64_t *out, struct sr_err *e)
{
	int64_t v = 0;
	size_t i = 0, intd = 0;
	size_t max_int = max_frac >= 3 ? (size_t)(18 - max_frac) : 15;
	int frac = 0;

	if (len == 0)
		return sr_err_set(e, "bad-number", "empty number");
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, intd++) {
		if (intd >= max_int)
			return sr_err_set(e, "bad-number", "'%.*s' is too large (at most %zu digits "
					  "before the decimal point)", (int)len, s, max_int);
		v = v * 10 + (s[i] - '0');
	}
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			if (++frac > max_frac)
				return sr_err_set(e, "too-many-decimals",
						  "'%.*s' has more than %d fraction digits",
						  (int)len, s, max_frac);
			v = v * 10 + (s[i] - '0');
		}
		if (frac == 0)
			intd = 0;  /* "1." is not a plain decimal */
	}
	if (i != len || intd == 0) {
		if (len > 0 && s[0] == '-')
			return sr_err_set(e, "negative", "'%.*s' is negative", (int)len, s);
		return sr_err_set(e, "bad-number", "'%.*s' is not a plain decimal number "
				  "(digits, optionally '.' and digits)", (int)len, s);
	}
	for (; frac < max_frac; frac++)
		v *= 10;
	*out = v;
	return 0;
}

void sr_decimal_format(int64_t v, int frac, char *buf, size_t n)
{
	int64_t p = 1;
	const char *sign = v < 0 ? "-" : "";

	for (int i = 0; i < frac; i++)
		p *= 10;
	if (v < 0)
		v = -v;
	if (frac == 0)
		snprintf(buf, n, "%s%lld", sign, (long long)v);
	else
		snprintf(buf, n, "%s%lld.%0*lld", sign, (long long)(v / p), frac,
			 (long long)(v % p));
}

int sr_pct_parse(const char *s, struct sr_ratio *r, struct sr_err *e)
{
	int64_t v;
	const int frac = 10;

	if (sr_decimal_parse(s, strlen(s), frac, &v, e))
		return -1;
	if (v > (int64_t)100 * 10000000000LL)
		return sr_err_set(e, "bad-percent", "percentage '%s' is above 100", s);
	r->num = v;
	r->den = (int64_t)100 * 10000000000LL;
	/* Reduce by common powers of ten so printed fractions stay small. */
	while (r->den > 1 && r->num % 10 == 0 && r->den % 10 == 0) {
		r->num /= 10;
		r->den /= 10;
	}
	return 0;
}

int sr_dec_ratio_parse(const char *s, struct sr_ratio *r, struct sr_err *e)
{
	int64_t v;

	if (sr_decimal_parse(s, strlen(s), 6, &v, e))
		return -1;
	r->num = v;
	r->den = 1000000;
	while (r->den > 1 && r->num % 10 == 0) {
		r->num /= 10;
		r->den /= 10;
	}
	return 0;
}

int64_t sr_mul_floor(int64_t v, struct sr_ratio r)
{
	return (int64_t)((i128)v * r.num / r.den);
}

int sr_ratio_cmp(struct sr_ratio a, struct sr_ratio b)
{
	i128 l = (i128)a.num * b.den, rr = (i128)b.num * a.den;

	return (l > rr) - (l < rr);
}

void sr_ratio_format_pct(struct sr_ratio r, int dec, char *buf, size_t n)
{
	int64_t p = 100;

	for (int i = 0; i < dec; i++)
		p *= 10;
	/* floor(num * 100 * 10^dec / den): truncation, never rounded up */
	sr_decimal_format((int64_t)((i128)r.num * p / r.den), dec, buf, n);
}

void sr_ratio_format_pct_exact(struct sr_ratio r, char *buf, size_t n)
{
	int dec;
	i128 scaled = 0;

	for (dec = 0; dec <= 10; dec++) {
		i128 p = 100;
		for (int i = 0; i < dec; i++)
			p *= 10;
		scaled = (i128)r.num * p;
		if (scaled % r.den == 0)
			break;
	}
	if (dec > 10)
		dec = 10;
	sr_ratio_format_pct(r, dec, buf, n);
}

sr_money sr_money_mul_half_up(sr_money m, struct sr_ratio r)
{
	i128 x = (i128)m * r.num;

	return (sr_money)((2 * x + r.den) / (2 * (i128)r.den));
}

int64_t sr_units_floor(sr_money m, int digits, struct sr_ratio r, int64_t unit, int unit_frac)
{
	i128 num = (i128)m * r.num, den = (i128)r.den * unit;

	if (unit <= 0)
		return 0;
	/* m / 10^digits × r / (unit / 10^unit_frac) */
	for (int i = 0; i < unit_frac; i++)
		num *= 10;
	for (int i = 0; i < digits; i++)
		den *= 10;
	return (int64_t)(num / den);
}
