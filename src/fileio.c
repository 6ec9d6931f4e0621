#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fileio.h"

int sr_read_file(const char *path, size_t max, char **buf, size_t *len, struct sr_err *e)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	size_t n = 0, cap = 0, got;
	int rc = -1;

	*buf = NULL;
	*len = 0;
	if (f == NULL)
		return sr_err_set(e, "unreadable", "%s: cannot open: %s", path, strerror(errno));
	for (;;) {
		if (cap - n < 65536) {
			char *nb;
			if (cap > max + 65536) {
				sr_err_set(e, "too-large", "%s: larger than the limit of %zu bytes",
					   path, max);
				goto out;
			}
			cap = cap ? cap * 2 : 65536 * 2;
			nb = realloc(b, cap + 1);
			if (nb == NULL) {
				sr_err_set(e, "no-memory", "out of memory reading %s", path);
				goto out;
			}
			b = nb;
		}
		got = fread(b + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		sr_err_set(e, "io", "%s: read error", path);
		goto out;
	}
	if (n > max) {
		sr_err_set(e, "too-large", "%s: larger than the limit of %zu bytes", path, max);
		goto out;
	}
	if (b == NULL && (b = malloc(1)) == NULL) {
		sr_err_set(e, "no-memory", "out of memory reading %s", path);
		goto out;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	b = NULL;
	rc = 0;
out:
	free(b);
	fclose(f);
	return rc;
}

static void hex(const unsigned char *d, unsigned n, char *out)
{
	static const char x[] = "0123456789abcdef";

	for (unsigned i = 0; i < n; i++) {
		out[2 * i] = x[d[i] >> 4];
		out[2 * i + 1] = x[d[i] & 15];
	}
	out[2 * n] = '\0';
}

void sr_sha256_hex(const void *buf, size_t len, char out[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n = 0;

	EVP_Digest(buf, len, d, &n, EVP_sha256(), NULL);
	hex(d, n, out);
}

int sr_sha256_file(const char *path, char out[65], struct sr_err *e)
{
	FILE *f = fopen(path, "rb");
	EVP_MD_CTX *c;
	unsigned char buf[65536], d[EVP_MAX_MD_SIZE];
	unsigned n = 0;
	size_t got;
	int rc = 0;

	if (f == NULL)
		return sr_err_set(e, "unreadable", "%s: cannot open: %s", path, strerror(errno));
	c = EVP_MD_CTX_new();
	if (c == NULL || !EVP_DigestInit_ex(c, EVP_sha256(), NULL)) {
		rc = sr_err_set(e, "no-memory", "cannot start SHA-256");
		goto out;
	}
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		EVP_DigestUpdate(c, buf, got);
	if (ferror(f)) {
		rc = sr_err_set(e, "io", "%s: read error", path);
		goto out;
	}
	EVP_DigestFinal_ex(c, d, &n);
	hex(d, n, out);
out:
	EVP_MD_CTX_free(c);
	fclose(f);
	return rc;
}

int sr_mkdirs(const char *path, struct sr_err *e)
{
	char p[1024];
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof p)
		return sr_err_set(e, "bad-path", "path '%s' is empty or too long", path);
	memcpy(p, path, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			return sr_err_set(e, "io", "cannot create directory %s: %s", p,
					  strerror(errno));
		p[i] = i < n ? '/' : '\0';
	}
	return 0;
}

int sr_out_open(struct sr_out *o, const char *path, struct sr_err *e)
{
	int fd;

	memset(o, 0, sizeof o[0]);
	if (strlen(path) >= sizeof o->path)
		return sr_err_set(e, "bad-path", "output path too long: %s", path);
	snprintf(o->path, sizeof o->path, "%s", path);
	snprintf(o->tmp, sizeof o->tmp, "%s.tmpXXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		o->tmp[0] = '\0';
		return sr_err_set(e, "io", "cannot create a temporary file for %s: %s", path,
				  strerror(errno));
	}
	fchmod(fd, 0644);
	o->f = fdopen(fd, "wb");
	if (o->f == NULL) {
		close(fd);
		sr_out_abort(o);
		return sr_err_set(e, "io", "cannot open %s: %s", path, strerror(errno));
	}
	return 0;
}

static int fsync_dir_of(const char *path)
{
	char d[1024];
	int fd, rc;

	snprintf(d, sizeof d, "%s", path);
	fd = open(dirname(d), O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int sr_out_commit(struct sr_out *o, struct sr_err *e)
{
	int bad = 0;

	if (o->f == NULL)
		return sr_err_set(e, "io", "%s: not open", o->path);
	bad |= fflush(o->f) != 0;
	bad |= ferror(o->f) != 0;
	bad |= fsync(fileno(o->f)) != 0;
	bad |= fclose(o->f) != 0;
	o->f = NULL;
	if (bad) {
		sr_out_abort(o);
		return sr_err_set(e, "io", "writing %s failed: %s", o->path, strerror(errno));
	}
	if (rename(o->tmp, o->path) != 0) {
		sr_out_abort(o);
		return sr_err_set(e, "io", "cannot rename into %s: %s", o->path, strerror(errno));
	}
	o->tmp[0] = '\0';
	if (fsync_dir_of(o->path) != 0)
		return sr_err_set(e, "io", "cannot sync the directory of %s", o->path);
	return 0;
}

void sr_out_abort(struct sr_out *o)
{
	if (o->f != NULL) {
		fclose(o->f);
		o->f = NULL;
	}
	if (o->tmp[0])
		unlink(o->tmp);
	o->tmp[0] = '\0';
}

void sr_csv_put(FILE *f, const char *s, int first)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL || (s[0] && strchr("=+-@", s[0]) != NULL);

	if (!first)
		fputc(',', f);
	if (!quote) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}
