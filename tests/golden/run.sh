#!/bin/sh
# Golden runs of the whole tool: the example months against their expected
# outputs (diff -u), exit codes, held customers, determinism.
# Usage: BIN=build/slareport sh tests/golden/run.sh   (from the repository root)
# UPDATE=1 rewrites the expected files (then review the diff by hand).
set -u
BIN=${BIN:-build/slareport}
G=tests/golden
T=$(mktemp -d /tmp/sr-golden-XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/lib.sh

# expect_exit NAME CODE command...
expect_exit() {
	name=$1 want=$2
	shift 2
	"$@" >"$T/stdout" 2>"$T/stderr"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name (exit $got)"; else
		bad "$name: exit $got, expected $want"; sed 's/^/    /' "$T/stderr"; fi
}

# same NAME expected actual
same() {
	if [ "${UPDATE:-}" = 1 ]; then mkdir -p "$(dirname "$2")"; cp "$3" "$2"; fi
	if diff -u "$2" "$3" >"$T/diff"; then ok "$1"; else
		bad "$1"; head -40 "$T/diff" | sed 's/^/    /'; fi
}

# contains NAME file text
contains() {
	if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: '$3' not in $2"; fi
}

export SOURCE_DATE_EPOCH=1793491200  # 2026-11-01T00:00:00Z

# 1. the example month runs clean and matches its expected outputs
expect_exit "example month" 0 "$BIN" run --period 2026-10 --input examples/2026-10 \
	--catalogs catalogs --out "$T/ex" --no-pdf
for f in ledger.csv manifest.csv rejects.csv; do
	same "example month $f" "$G/2026-10/$f" "$T/ex/$f"
done
contains "run.json counts" "$T/ex/run.json" \
	'"counts": {"customers": 42, "reported": 42, "held": 0, "resources": 151, "ledger_rows": 269, "rejected_rows": 0}'
contains "run.json timestamp from SOURCE_DATE_EPOCH" "$T/ex/run.json" \
	'"report_timestamp": "2026-11-01T00:00:00+00:00"'
for f in accounts.csv resources.csv outages.csv usage.csv; do
	contains "run.json digest of $f" "$T/ex/run.json" \
		"\"file\": \"$f\", \"sha256\": \"$(sha256sum "examples/2026-10/$f" | cut -d' ' -f1)\""
done
contains "run.json digest of cvm.xml" "$T/ex/run.json" \
	"\"sha256\": \"$(sha256sum catalogs/cvm.xml | cut -d' ' -f1)\""

# the independent Python re-implementation agrees with the engine, row for row
if command -v python3 >/dev/null 2>&1; then
	python3 "$G/oracle.py" examples/2026-10 catalogs 2026-10 >"$T/oracle.csv"
	same "oracle.py agrees with ledger.csv" "$T/oracle.csv" "$T/ex/ledger.csv"
else
	echo "skip oracle.py (no python3)"
fi

# 2. determinism: the same inputs give byte-identical outputs
"$BIN" run --period 2026-10 --input examples/2026-10 --catalogs catalogs --out "$T/ex2" \
	--no-pdf 2>/dev/null
for f in ledger.csv manifest.csv rejects.csv; do
	if cmp -s "$T/ex/$f" "$T/ex2/$f"; then ok "rerun identical $f"; else bad "rerun $f differs"; fi
done

# 3. the bad month: one customer held, the others reported, exit 3
expect_exit "bad month" 3 "$BIN" run --period 2026-10 --input examples/2026-10-bad \
	--catalogs catalogs --out "$T/bad" --no-pdf
for f in ledger.csv manifest.csv rejects.csv; do
	same "bad month $f" "$G/2026-10-bad/$f" "$T/bad/$f"
done
contains "held customer in manifest" "$T/bad/manifest.csv" ",held,"

# 4. --customer and --shard select customers; shards partition the month
"$BIN" run --period 2026-10 --input examples/2026-10 --catalogs catalogs --out "$T/s1" \
	--shard 1/2 --no-pdf 2>/dev/null
"$BIN" run --period 2026-10 --input examples/2026-10 --catalogs catalogs --out "$T/s2" \
	--shard 2/2 --no-pdf 2>/dev/null
{ tail -n +2 "$T/s1/manifest.csv"; tail -n +2 "$T/s2/manifest.csv"; } | sort >"$T/shards"
tail -n +2 "$T/ex/manifest.csv" | sort >"$T/all"
same "shards 1/2 + 2/2 = whole month" "$T/all" "$T/shards"
first=$(sed -n 2p "$T/ex/manifest.csv" | cut -d, -f1)
"$BIN" run --period 2026-10 --input examples/2026-10 --catalogs catalogs --out "$T/one" \
	--customer "$first" --no-pdf 2>/dev/null
if [ "$(tail -n +2 "$T/one/manifest.csv" | cut -d, -f1)" = "$first" ]; then
	ok "--customer selects one"; else bad "--customer"; fi

# 4b. --out holds one run: the same run again is fine (and clears a killed run's
# temporary files), a different run is refused unless --force
touch "$T/ex/ledger.csv.tmpAbC123" "$T/ex/reports/x.pdf.tmpZz9999"
expect_exit "same run again in the same --out" 0 "$BIN" run --period 2026-10 \
	--input examples/2026-10 --catalogs catalogs --out "$T/ex" --no-pdf
if [ ! -e "$T/ex/ledger.csv.tmpAbC123" ] && [ ! -e "$T/ex/reports/x.pdf.tmpZz9999" ]; then
	ok "stale temporary files removed"; else bad "stale temporary files left"; fi
same "rerun in place: same ledger" "$G/2026-10/ledger.csv" "$T/ex/ledger.csv"
expect_exit "another run's --out refused" 2 "$BIN" run --period 2026-10 \
	--input examples/2026-10-bad --catalogs catalogs --out "$T/ex" --no-pdf
contains "refusal names --force" "$T/stderr" "--force"
same "refused run left the results alone" "$G/2026-10/ledger.csv" "$T/ex/ledger.csv"
expect_exit "--force replaces them" 3 "$BIN" run --period 2026-10 \
	--input examples/2026-10-bad --catalogs catalogs --out "$T/ex" --no-pdf --force
same "forced run's ledger" "$G/2026-10-bad/ledger.csv" "$T/ex/ledger.csv"
mkdir -p "$T/foreign" && echo x >"$T/foreign/notes.txt"
expect_exit "a directory with other files is refused" 2 "$BIN" run --period 2026-10 \
	--input examples/2026-10 --catalogs catalogs --out "$T/foreign" --no-pdf

# 5. explain prints the computation
expect_exit "explain" 0 "$BIN" explain --period 2026-10 --input examples/2026-10 \
	--catalogs catalogs --customer "$first"
contains "explain shows the total" "$T/stdout" "total: voucher"
expect_exit "explain an outage-length metric" 0 "$BIN" explain --period 2026-10 \
	--input examples/2026-10 --catalogs catalogs --customer initech-labs
contains "explain: total of the long outages only" "$T/stdout" \
	"measured outage minutes: 118 (total of the outages longer than the commitment); longest outage 70 min; all 3 outages 123 min"

# 5b. PDF reports: one per customer, fonts embedded and subset, text that
# extracts, valid structure, digests in the manifest, byte-identical reruns
expect_exit "example month with PDFs" 0 "$BIN" run --period 2026-10 --input examples/2026-10 \
	--catalogs catalogs --out "$T/pdf"
n=$(tail -n +2 "$T/pdf/manifest.csv" | wc -l)
if [ "$(ls "$T/pdf/reports" | grep -c '\.pdf$')" -eq "$n" ]; then ok "a PDF per customer ($n)"; else
	bad "PDF count"; fi
for f in "$T"/pdf/reports/*.pdf; do
	grep -qF "reports/$(basename "$f"),$(sha256sum "$f" | cut -d' ' -f1)," "$T/pdf/manifest.csv" ||
		basename "$f"
done >"$T/badsha"
if [ ! -s "$T/badsha" ]; then ok "manifest sha256 of every PDF"; else bad "sha256 mismatch: $(cat "$T/badsha")"; fi
fonts_ok=1
for f in "$T"/pdf/reports/*.pdf; do
	pdffonts "$f" 2>/dev/null | tail -n +3 | awk '$(NF-4) != "yes" || $(NF-3) != "yes" {exit 1}' || fonts_ok=0
	qpdf --check "$f" >/dev/null 2>&1 || { fonts_ok=0; echo "    qpdf --check fails: $f"; }
done
if [ "$fonts_ok" = 1 ]; then ok "fonts embedded and subset; qpdf --check passes"; else bad "fonts or structure"; fi
# PDF/A-1b: 1.4 header, XMP claiming part 1 / B and saying what Info says
# (xmpcheck.py), sRGB output intent in the catalog, a CIDSet for the font, a
# trailer /ID
pdfa_ok=1
for f in "$T"/pdf/reports/*.pdf; do
	why=""
	[ "$(head -c 8 "$f")" = "%PDF-1.4" ] || why="header"
	pdfinfo -meta "$f" 2>/dev/null >"$T/xmp"
	pdfinfo -isodates "$f" 2>/dev/null >"$T/info"
	python3 tests/golden/xmpcheck.py "$T/xmp" "$T/info" >"$T/xmpwhy" || why="$why XMP: $(cat "$T/xmpwhy")"
	qpdf --show-object=trailer "$f" >"$T/trailer" 2>/dev/null
	grep -q '/ID \[ <' "$T/trailer" || why="$why /ID"
	root=$(sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p' "$T/trailer")
	qpdf --show-object="$root" "$f" 2>/dev/null >"$T/root"
	grep -q '/OutputIntents \[ << .*/S /GTS_PDFA1' "$T/root" || why="$why OutputIntents"
	# the profile, stored through a predictor, decodes to Debian's sRGB.icc byte for byte
	icc=$(sed -n 's/.*\/DestOutputProfile \([0-9]*\) 0 R.*/\1/p' "$T/root")
	qpdf --show-object="${icc:-0}" --filtered-stream-data "$f" 2>/dev/null |
		cmp -s - /usr/share/color/icc/sRGB.icc || why="$why sRGB-profile"
	grep -aq '/CIDSet [0-9]* 0 R' "$f" || why="$why CIDSet"
	[ -z "$why" ] || { pdfa_ok=0; echo "    PDF/A-1b:$why: $f"; }
done
if [ "$pdfa_ok" = 1 ]; then ok "PDF/A-1b: header 1.4, XMP pdfaid 1/B and = Info, OutputIntents GTS_PDFA1 with sRGB.icc, CIDSet, /ID"
else bad "PDF/A-1b markers"; fi
zhf=$(tail -n +2 "$T/pdf/manifest.csv" | awk -F, '$4 == "zh-CN" && $10 != "0.00" {print $1; exit}')
zhn=$(awk -F, -v id="$zhf" '$1 == id {print $2}' "$T/pdf/manifest.csv")
zhv=$(awk -F, -v id="$zhf" '$1 == id {print $10}' "$T/pdf/manifest.csv")
pdftotext "$T/pdf/reports/$zhf.pdf" "$T/zh.txt" 2>/dev/null
contains "report text has the customer's name" "$T/zh.txt" "$zhn"
contains "report text has the customer id" "$T/zh.txt" "$zhf"
# the amount as the report prints it: ¥ and thousands separators
zhp=$(printf '%s' "$zhv" | awk -F. '{ s = $1; o = ""; while (length(s) > 3) {
	o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print "¥" s o "." $2 }')
contains "report text has the voucher total ($zhp)" "$T/zh.txt" "$zhp"
# the document's author is who issues it, as the title block names it, without its label
zha=$(pdfinfo "$T/pdf/reports/$zhf.pdf" 2>/dev/null | sed -n 's/^Author: *//p')
contains "report author is the issuer ($zha)" "$T/zh.txt" "出具方：${zha:-(no Author)}"
# a catalog note longer than 1 KB (ES minute-units) is printed whole, to its last words
pdftotext "$T/pdf/reports/globex-cloud.pdf" - 2>/dev/null | tr '\n' ' ' >"$T/globex.txt"
contains "a long catalog note is printed whole" "$T/globex.txt" \
	"outages.csv takes no counted (provider) event for these metrics."
"$BIN" run --period 2026-10 --input examples/2026-10 --catalogs catalogs --out "$T/pdf2" 2>/dev/null
if diff -r "$T/pdf/reports" "$T/pdf2/reports" >/dev/null; then ok "PDFs byte-identical on a rerun"; else
	bad "PDFs differ between runs"; fi

# 6. fatal problems and the command line
mkdir -p "$T/nocol"
cp examples/2026-10/*.csv "$T/nocol/"
sed -i '1s/,currency//' "$T/nocol/accounts.csv"
expect_exit "missing column is fatal" 2 "$BIN" run --period 2026-10 --input "$T/nocol" \
	--catalogs catalogs --out "$T/nocol-out" --no-pdf
contains "missing column named" "$T/stderr" "'currency'"
expect_exit "missing input dir" 2 "$BIN" run --period 2026-10 --input "$T/none" \
	--catalogs catalogs --out "$T/x" --no-pdf
expect_exit "bad period" 64 "$BIN" run --period 2026-13 --input examples/2026-10 \
	--catalogs catalogs --out "$T/x" --no-pdf
expect_exit "unknown option" 64 "$BIN" run --bogus
expect_exit "no command" 64 "$BIN"
expect_exit "version" 0 "$BIN" --version
contains "version printed" "$T/stdout" "slareport "
expect_exit "validate" 0 "$BIN" validate --catalogs catalogs
contains "validate summary" "$T/stdout" "0 errors"

# 7. catalogs/INDEX.md is generated from the catalogs and up to date; every SLA
# document of the seeds has a catalog (the seeds live in ../shared beside a clone)
"$BIN" index --catalogs catalogs >"$T/INDEX.md"
same "catalogs/INDEX.md up to date (make index)" catalogs/INDEX.md "$T/INDEX.md"
if [ -f ../shared/seeds/INDEX.md ]; then
	if sh tests/catalogs/coverage.sh catalogs/INDEX.md ../shared/seeds >"$T/cov"; then
		ok "$(tail -1 "$T/cov")"; else bad "agreements without a catalog:"; sed 's/^/    /' "$T/cov"; fi
else
	echo "skip coverage against the seed index (../shared/seeds not found)"
fi

summary golden
