/* libFuzzer: one catalog file through the safe XML reader, the schema and the
 * semantic checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "catalog.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static char dir[64];
	static int ready;
	char p[128];
	FILE *f;
	struct sr_catalogs cats;
	struct sr_diags d = {0};

	if (!ready) {
		const char *root = getenv("SR_ROOT") ? getenv("SR_ROOT") : ".";
		char cmd[1200];
		snprintf(dir, sizeof dir, "/tmp/sr-fuzz-cat-%d", (int)getpid());
		mkdir(dir, 0700);
		snprintf(cmd, sizeof cmd, "cp '%s/catalogs/catalog.xsd' %s/", root, dir);
		if (system(cmd) != 0)
			abort();
		ready = 1;
	}
	snprintf(p, sizeof p, "%s/f.xml", dir);
	f = fopen(p, "wb");
	if (f == NULL)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	sr_catalogs_load(dir, &cats, &d);
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	return 0;
}
