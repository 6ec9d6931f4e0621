/* libFuzzer: the CSV reader and the exports checks on an arbitrary outages.csv
 * (with fixed accounts and resources). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "exports.h"

static struct sr_catalogs cats;
static char dir[64];

static void put(const char *name, const void *data, size_t n)
{
	char p[128];
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, name);
	f = fopen(p, "wb");
	if (f == NULL)
		abort();
	fwrite(data, 1, n, f);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static int ready;
	struct sr_exports x;
	struct sr_err e;

	if (!ready) {
		struct sr_diags d = {0};
		const char *root = getenv("SR_ROOT") ? getenv("SR_ROOT") : ".";
		char p[1024];
		snprintf(dir, sizeof dir, "/tmp/sr-fuzz-csv-%d", (int)getpid());
		mkdir(dir, 0700);
		snprintf(p, sizeof p, "%s/catalogs", root);
		sr_catalogs_load(p, &cats, &d);
		sr_diags_free(&d);
		{
			const char *a = "customer_id,name,email,locale,currency\nc1,A,a@b.c,en,CNY\n";
			put("accounts.csv", a, strlen(a));
		}
		{
			const char *r = "customer_id,product,resource_id,region,zone,service_start,"
					"service_end,monthly_fee,unit_price\nc1,cvm,r1,,,,,1.00,\n";
			put("resources.csv", r, strlen(r));
		}
		ready = 1;
	}
	/* the input alternately feeds outages.csv and usage.csv */
	put("outages.csv", data, size);
	put("usage.csv", data, size);
	if (sr_exports_read(dir, 2026, 10, &cats, "en", &x, &e) == 0 && x.naccounts > 1)
		abort();  /* accounts.csv holds one customer */
	sr_exports_free(&x);
	return 0;
}
