/* make bench: renders N synthetic one-page reports (title, summary, a 20-row
 * resource table, 10 incidents, Chinese text) and prints reports per second
 * and the median size.  Usage: bench [N] [jobs]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "pdf.h"
#include "report.h"

static void fill(struct sr_report *r, struct sr_rpt_product *p, int k)
{
	memset(r, 0, sizeof *r);
	memset(p, 0, sizeof *p);
	snprintf(r->lang, sizeof r->lang, "zh-CN");
	snprintf(r->customer_id, sizeof r->customer_id, "bench-%06d", k);
	snprintf(r->report_id, sizeof r->report_id, "SR-202610-bench-%06d", k);
	/* document metadata as report.c writes it from templates/zh-CN.txt */
	snprintf(r->doc_title, sizeof r->doc_title, "服务等级协议达标报告");
	snprintf(r->doc_subject, sizeof r->doc_subject, "2026年10月 服务等级达标情况与赔偿");
	snprintf(r->doc_keywords, sizeof r->doc_keywords, "SLA, 服务可用性, 赔偿, 2026-10");
	snprintf(r->doc_author, sizeof r->doc_author, "Tencent Cloud");
	snprintf(r->title, sizeof r->title, "服务等级协议（SLA）达标报告");
	snprintf(r->period, sizeof r->period, "服务月度：2026年10月");
	snprintf(r->customer, sizeof r->customer, "客户：华夏物流有限公司第%d分公司（bench-%06d）", k % 97, k);
	snprintf(r->report_line, sizeof r->report_line, "报告编号：SR-202610-bench-%06d", k);
	snprintf(r->provider, sizeof r->provider, "出具方：Tencent Cloud");
	snprintf(r->summary_heading, sizeof r->summary_heading, "概要");
	snprintf(r->summary[0], sizeof r->summary[0], "2026年10月 共有 3 个资源（共 20 个）未达到服务可用性标准。");
	snprintf(r->summary[1], sizeof r->summary[1], "覆盖资源：20 个；未达标：3 个");
	snprintf(r->summary[2], sizeof r->summary[2], "应赔代金券：¥%d,%03d.%02d", k % 9 + 1, k % 1000, k % 100);
	snprintf(r->summary[3], sizeof r->summary[3], "赔偿申请期：2026年11月7日 至 2026年12月30日（含）");
	r->nsummary = 4;
	static const char *const cols[8] = {"资源", "指标", "服务分钟", "不可用分钟", "可用性", "档位", "月度服务费", "赔偿"};
	for (int i = 0; i < 8; i++)
		snprintf(r->col[i], sizeof r->col[i], "%s", cols[i]);
	snprintf(r->incidents_heading, sizeof r->incidents_heading, "未达标资源的故障明细");
	snprintf(r->footer, sizeof r->footer, "第 {page} 页，共 {pages} 页 · 报告 %s · 输入摘要 0123456789ab · slareport 0.1.0", r->report_id);
	snprintf(p->heading, sizeof p->heading, "云服务器服务等级协议");
	snprintf(p->agreement, sizeof p->agreement, "适用协议：云服务器服务等级协议，版本 2024-01-23，自 2024年2月1日 起生效");
	snprintf(p->objectives[0], sizeof p->objectives[0], "承诺标准（单实例服务可用性）：99.975%%");
	p->nobjectives = 1;
	p->rows = calloc(20, sizeof *p->rows);
	p->nrows = 20;
	for (int i = 0; i < 20; i++) {
		struct sr_rpt_row *w = &p->rows[i];
		snprintf(w->resource, sizeof w->resource, "ins-%04d%04d", k % 10000, i);
		snprintf(w->metric, sizeof w->metric, "单实例服务可用性");
		snprintf(w->service, sizeof w->service, "44,640");
		snprintf(w->unavailable, sizeof w->unavailable, "%d", (i * 37 + k) % 500);
		snprintf(w->availability, sizeof w->availability, "99.%04d%%", 9999 - i * 7);
		snprintf(w->band, sizeof w->band, i % 3 ? "达标" : "[99,99.975)");
		snprintf(w->fee, sizeof w->fee, "¥%d,%03d.00", i + 1, (k * 7 + i) % 1000);
		snprintf(w->compensation, sizeof w->compensation, "¥%d.%02d", i * 3, k % 100);
		w->below = i % 3 == 0;
	}
	p->incidents = calloc(10, sizeof *p->incidents);
	p->nincidents = 10;
	for (int i = 0; i < 10; i++) {
		snprintf(p->incidents[i].heading, sizeof p->incidents[i].heading, "ins-%04d%04d（单实例服务可用性）", k % 10000, i);
		snprintf(p->incidents[i].line, sizeof p->incidents[i].line,
			 "2026-10-%02d 10:%02d:00 至 2026-10-%02d 11:%02d:00：持续 1 h 00 min 00 s，计 60 分钟", i + 1, i, i + 1, i);
	}
	r->products = p;
	r->nproducts = 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* Renders reports first..first+n-1; writes their sizes to sizes. */
static int worker(const struct sr_font *font, int first, int n, size_t *sizes, int *pages_out)
{
	struct sr_pdf_env env = {font, "/tmp", 1793491200};

	for (int k = 0; k < n; k++) {
		struct sr_report r;
		struct sr_rpt_product p;
		struct sr_err e;
		unsigned char *pdf;
		size_t len;
		int pages;

		fill(&r, &p, first + k);
		if (sr_pdf_render(&r, &env, &pdf, &len, &pages, &e)) {
			fprintf(stderr, "bench: %s\n", e.msg);
			return 1;
		}
		sizes[k] = len;
		if (k == 0 && pages_out) {
			/* BENCH_OUT=file keeps the first report to look at */
			const char *keep = getenv("BENCH_OUT");
			FILE *f = keep ? fopen(keep, "wb") : NULL;
			*pages_out = pages;
			if (f != NULL && (fwrite(pdf, 1, len, f) != len || fclose(f) != 0))
				fprintf(stderr, "bench: cannot write %s\n", keep);
			else if (f == NULL && keep != NULL)
				fprintf(stderr, "bench: cannot write %s\n", keep);
		}
		free(pdf);
		free(p.rows);
		free(p.incidents);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2000, jobs = argc > 2 ? atoi(argv[2]) : 1, pages = 0;
	size_t *sizes = calloc((size_t)n, sizeof *sizes);
	struct sr_err e;
	struct sr_font *font = sr_font_open("fonts/wqy-microhei-256.ttf", 0, &e);
	double t0, dt;

	if (font == NULL || sizes == NULL) {
		fprintf(stderr, "bench: %s\n", font ? "out of memory" : e.msg);
		return 1;
	}
	worker(font, 0, 5, sizes, &pages);   /* warm up */
	t0 = now();
	if (jobs <= 1) {
		if (worker(font, 0, n, sizes, NULL))
			return 1;
	} else {
		int per = (n + jobs - 1) / jobs;
		for (int j = 0; j < jobs; j++) {
			int first = j * per, cnt = first + per > n ? n - first : per;
			if (fork() == 0)
				_exit(worker(font, first, cnt, sizes + first, NULL));
		}
		for (int j = 0; j < jobs; j++) {
			int st = 0;
			if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
				fprintf(stderr, "bench: a worker failed\n");
				return 1;
			}
		}
	}
	dt = now() - t0;
	if (jobs > 1)  /* the workers' sizes stay in their processes: a sample */
		worker(font, 0, n < 200 ? n : 200, sizes, NULL);
	qsort(sizes, (size_t)(jobs <= 1 ? n : (n < 200 ? n : 200)), sizeof *sizes, by_size);
	size_t median = sizes[(jobs <= 1 ? n : (n < 200 ? n : 200)) / 2];
	printf("bench: %d reports (%d page%s each) in %.2f s with %d job%s: %.0f reports/s, "
	       "median size %.1f KB (%zu bytes)\n", n, pages, pages == 1 ? "" : "s", dt, jobs,
	       jobs == 1 ? "" : "s", n / dt, median / 1024.0, median);
	sr_font_close(font);
	free(sizes);
	return 0;
}
