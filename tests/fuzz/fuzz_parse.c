/* libFuzzer: timestamps, dates, offsets, money and percentages. */
#include <stdlib.h>
#include <string.h>
#include "civil.h"
#include "money.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char s[256];
	sr_time t;
	int64_t v, d;
	struct sr_ratio r;
	struct sr_err e;
	char out[64];

	if (size >= sizeof s)
		size = sizeof s - 1;
	memcpy(s, data, size);
	s[size] = '\0';
	if (sr_parse_time(s, strlen(s), 8 * 3600, &t, &e) == 0) {
		/* a parsed instant formats and parses back to itself */
		sr_format_iso(t, 0, out, sizeof out);
		if (sr_parse_time(out, strlen(out), 0, &d, &e) != 0 || d != t)
			abort();
	}
	sr_parse_date(s, strlen(s), &d, &e);
	for (int frac = 0; frac <= 6; frac++)
		if (sr_decimal_parse(s, strlen(s), frac, &v, &e) == 0) {
			sr_decimal_format(v, frac, out, sizeof out);
			if (sr_decimal_parse(out, strlen(out), frac, &d, &e) != 0 || d != v)
				abort();
			(void)sr_money_mul_half_up(v, (struct sr_ratio){1, 3});
		}
	if (sr_pct_parse(s, &r, &e) == 0) {
		sr_ratio_format_pct(r, 4, out, sizeof out);
		sr_ratio_format_pct_exact(r, out, sizeof out);
	}
	return 0;
}
