# slareport — GNU Makefile.  `make` builds build/slareport; `make run` and
# `make test` first install any missing Debian package (scripts/install-deps.sh).

CC      ?= cc
PKGS    := libxml-2.0 libcrypto harfbuzz-subset harfbuzz libdeflate
DEPS_OK := $(shell pkg-config --exists $(PKGS) 2>/dev/null && test -f /usr/include/csv.h && echo yes)
PKG_CFLAGS := $(if $(DEPS_OK),$(shell pkg-config --cflags $(PKGS)))
PKG_LIBS   := $(if $(DEPS_OK),$(shell pkg-config --libs $(PKGS)))

WARN    := -Wall -Wextra -Werror -Wno-format-truncation -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
OPT     ?= -O2 -g
SR_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(OPT) -Iinclude $(PKG_CFLAGS) -MMD -MP
SR_LDLIBS  = $(PKG_LIBS) -lcsv -lhpdf

BUILD   ?= build
LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TESTS   := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: all deps run test unit golden asan lint clean index bench fuzz font
all: $(BUILD)/slareport

deps:
	@sh scripts/install-deps.sh

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(SR_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/libslareport.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/slareport: $(BUILD)/obj/main.o $(BUILD)/libslareport.a
	$(CC) $(SR_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(SR_LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libslareport.a
	@mkdir -p $(dir $@)
	$(CC) $(SR_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libslareport.a $(SR_LDLIBS) -lcmocka

# `make run` runs the shipped example month (SPEC §1) into out/, replacing
# whatever an earlier run left there.
run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/slareport run --force

unit: $(TESTS)
	@set -e; for t in $(TESTS); do SR_ROOT=$(CURDIR) $$t; done

golden: $(BUILD)/slareport
	@BIN=$(BUILD)/slareport sh tests/golden/run.sh
	@BIN=$(BUILD)/slareport sh tests/golden/kill-rerun.sh

test: deps
	@$(MAKE) --no-print-directory all unit golden
	@sh tests/bad/run.sh $(BUILD)/slareport

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan \
		OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" all unit golden
	@sh tests/bad/run.sh build-asan/slareport

# Report rendering speed and size (not part of `make test`): BENCH_N reports,
# BENCH_JOBS worker processes.
BENCH_N ?= 3000
BENCH_JOBS ?= 1
$(BUILD)/bench: tests/bench/bench.c $(BUILD)/libslareport.a
	$(CC) $(SR_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libslareport.a $(SR_LDLIBS)

bench: deps
	@$(MAKE) --no-print-directory $(BUILD)/bench
	$(BUILD)/bench $(BENCH_N) $(BENCH_JOBS)

# The report font, derived from Debian's WenQuanYi Micro Hei (see
# fonts/README.md); run by hand, the result is committed.
font:
	@sh scripts/install-deps.sh font
	/usr/bin/python3 scripts/make-font.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc \
		fonts/wqy-microhei-256.ttf

# libFuzzer harnesses (clang) for the CSV reader and exports, the timestamp and
# money parsers, and the catalog loader; each runs FUZZ_SECONDS (not part of
# `make test`).  Crash inputs go to tests/fuzz/crashes/ and then, as regression
# cases, into tests/fuzz/corpus/.
FUZZ_SECONDS ?= 60
FUZZERS := fuzz_csv fuzz_parse fuzz_catalog
FUZZ_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -Wno-unknown-warning-option
build-fuzz/%: tests/fuzz/%.c
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
		OPT="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" build-fuzz/libslareport.a
	clang $(SR_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< build-fuzz/libslareport.a \
		$(SR_LDLIBS)

fuzz: deps $(addprefix build-fuzz/,$(FUZZERS))
	@mkdir -p tests/fuzz/crashes
	@for f in $(FUZZERS); do c=$${f#fuzz_}; \
		echo "fuzz: $$f for $(FUZZ_SECONDS) s"; \
		SR_ROOT=$(CURDIR) build-fuzz/$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-artifact_prefix=tests/fuzz/crashes/$$f- -print_final_stats=1 \
			/tmp/sr-corpus-$$c tests/fuzz/corpus/$$c 2>&1 | tail -12; \
	done

# catalogs/INDEX.md is generated from the catalogs (a golden test checks it).
index: $(BUILD)/slareport
	$(BUILD)/slareport index --catalogs catalogs > catalogs/INDEX.md

lint:
	@! grep -nE '\b(sprintf|strcpy|strcat|strtok|atoi|atol|gets)\s*\(' src/*.c include/*.h || \
		{ echo "lint: banned function"; exit 1; }
	@# no floating point in money, time or percentages; page layout (pdf.c) is in points
	@! grep -nE '\b(float|double)\b' $(filter-out src/pdf.c,$(wildcard src/*.c)) include/*.h || \
		{ echo "lint: floating point"; exit 1; }

clean:
	rm -rf build build-asan build-fuzz

-include $(LIB_OBJ:.o=.d) $(BUILD)/obj/main.d
