#include "harness.h"
#include "csvread.h"

struct seen {
	int rows;
	long lines[16];
	char vals[16][3][64];
	char codes[16][32];
	char cols[16][64];
};

static int on_row(void *ctx, const struct sr_csv_row *row)
{
	struct seen *s = ctx;
	int i = s->rows++;

	if (i >= 16)
		return 0;
	s->lines[i] = row->line;
	for (size_t c = 0; c < 3 && c < row->ncols; c++)
		snprintf(s->vals[i][c], 64, "%s", row->field[c]);
	snprintf(s->codes[i], 32, "%s", row->err.code);
	snprintf(s->cols[i], 64, "%s", row->err.column);
	return 0;
}

static const struct sr_csv_col cols[] = {{"a", 1}, {"b", 1}, {"c", 0}};

static int read_text(const char *text, struct seen *s, struct sr_err *e)
{
	char *d = temp_dir(), path[1024];
	int rc;

	write_file(d, "t.csv", text);
	snprintf(path, sizeof path, "%s/t.csv", d);
	memset(s, 0, sizeof *s);
	sr_err_clear(e);
	rc = sr_csv_read(path, "t.csv", cols, 3, on_row, s, e);
	remove_dir(d);
	return rc;
}

static void test_bom_crlf_order(void **st)
{
	struct seen s;
	struct sr_err e;

	(void)st;
	/* BOM, CRLF, columns in another order, an unknown extra column */
	assert_int_equal(read_text("\xef\xbb\xbf" "b,x,a\r\n2,zz,1\r\n4,,3\r\n", &s, &e), 0);
	assert_int_equal(s.rows, 2);
	assert_string_equal(s.vals[0][0], "1");
	assert_string_equal(s.vals[0][1], "2");
	assert_string_equal(s.vals[0][2], "");   /* optional c absent */
	assert_int_equal(s.lines[1], 3);
}

static void test_quoted_newlines_lines(void **st)
{
	struct seen s;
	struct sr_err e;

	(void)st;
	assert_int_equal(read_text("a,b,c\n\"x,1\",\"two\nlines\",\"say \"\"hi\"\"\"\nq,r,s\n",
				   &s, &e), 0);
	assert_int_equal(s.rows, 2);
	assert_string_equal(s.vals[0][0], "x,1");
	assert_string_equal(s.vals[0][1], "two\nlines");
	assert_string_equal(s.vals[0][2], "say \"hi\"");
	assert_int_equal(s.lines[0], 2);
	assert_int_equal(s.lines[1], 4);   /* the quoted newline took a line */
}

static void test_row_problems(void **st)
{
	struct seen s;
	struct sr_err e;

	(void)st;
	assert_int_equal(read_text("a,b\n1,2,3\nok,\xff\n5,6\n1,\"bad\"x\n7,8\n", &s, &e), 0);
	assert_int_equal(s.rows, 5);
	assert_string_equal(s.codes[0], "field-count");
	assert_int_equal(s.lines[0], 2);
	assert_string_equal(s.codes[1], "bad-utf8");
	assert_string_equal(s.cols[1], "b");
	assert_int_equal(s.lines[1], 3);
	assert_string_equal(s.codes[2], "");
	assert_string_equal(s.codes[3], "csv-syntax");
	assert_int_equal(s.lines[3], 5);
	assert_string_equal(s.codes[4], "");     /* reading goes on after a syntax error */
	assert_string_equal(s.vals[4][0], "7");
}

static void test_unterminated_quote(void **st)
{
	struct seen s;
	struct sr_err e;

	(void)st;
	assert_int_equal(read_text("a,b\n1,2\n3,\"open\n4,5\n", &s, &e), 0);
	assert_int_equal(s.rows, 2);
	assert_string_equal(s.codes[1], "csv-syntax");
	assert_int_equal(s.lines[1], 3);
}

static void test_fatal_header(void **st)
{
	struct seen s;
	struct sr_err e;

	(void)st;
	assert_int_equal(read_text("a,c\n1,2\n", &s, &e), -1);
	assert_string_equal(e.code, "missing-column");
	assert_non_null(strstr(e.msg, "'b'"));
	assert_int_equal(read_text("a,b,a\n", &s, &e), -1);
	assert_string_equal(e.code, "duplicate-column");
	assert_int_equal(read_text("", &s, &e), -1);
	assert_string_equal(e.code, "empty-file");
	assert_int_equal(read_text("a,b\n", &s, &e), 0);   /* header only: no rows */
	assert_int_equal(s.rows, 0);
}

static void test_nul_byte(void **st)
{
	struct seen s;
	struct sr_err e;
	char *d = temp_dir(), path[1024];
	FILE *f;

	(void)st;
	snprintf(path, sizeof path, "%s/t.csv", d);
	f = fopen(path, "wb");
	fwrite("a,b\n1,x\0y\n", 1, 10, f);
	fclose(f);
	memset(&s, 0, sizeof s);
	assert_int_equal(sr_csv_read(path, "t.csv", cols, 3, on_row, &s, &e), 0);
	assert_int_equal(s.rows, 1);
	assert_string_equal(s.codes[0], "nul-byte");
	remove_dir(d);
}

static void test_utf8(void **st)
{
	size_t bad;

	(void)st;
	assert_true(sr_utf8_valid("腾讯云 ok", strlen("腾讯云 ok"), &bad));
	assert_false(sr_utf8_valid("\xc0\xaf", 2, &bad));          /* overlong */
	assert_false(sr_utf8_valid("\xed\xa0\x80", 3, &bad));     /* surrogate */
	assert_false(sr_utf8_valid("ab\xe8\x85", 4, &bad));        /* truncated */
	assert_int_equal(bad, 2);
	assert_false(sr_utf8_valid("a\x01", 2, &bad));             /* control */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_crlf_order),
		cmocka_unit_test(test_quoted_newlines_lines),
		cmocka_unit_test(test_row_problems),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_fatal_header),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_utf8),
	};

	return cmocka_run_group_tests_name("csvread", tests, NULL, NULL);
}
