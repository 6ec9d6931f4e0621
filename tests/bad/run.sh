#!/bin/sh
# The bad-input corpus: every tests/bad/NNN-*/ directory is one input month
# (accounts.csv, resources.csv, outages.csv, usage.csv) with an `expect` file
# (format in tests/bad/README.md).  Each case is run with --no-pdf; its exit
# code, rejects.csv rows (file,line,column,code; messages are not compared),
# held customers (manifest.csv) and any extra checks are compared with the
# expectation.  One line per case, a summary, exit 1 on any mismatch.
# Usage: sh tests/bad/run.sh [BINARY]     (from the repository root; default
# build/slareport).  CASES="012 047" runs only the cases whose name starts so.
set -u
BIN=${1:-${BIN:-build/slareport}}
D=tests/bad
T=$(mktemp -d /tmp/sr-bad-XXXXXX)
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1793491200 LC_ALL=C
. tests/lib.sh

# One awk program for both readers below: splits CSV records (fields
# unquoted; a record may span lines inside quotes), skips the header, and prints
# either the first `want` fields joined by commas or, with held=1, the ids of
# the manifest's held customers.
CSV_AWK='
function split_rec(rec,    i, c, f, inq, n) {
	n = 0; f = ""; inq = 0
	for (i = 1; i <= length(rec); i++) {
		c = substr(rec, i, 1)
		if (inq) {
			if (c == "\"") {
				if (substr(rec, i + 1, 1) == "\"") { f = f c; i++ }
				else inq = 0
			} else f = f c
		} else if (c == "\"") inq = 1
		else if (c == ",") { F[++n] = f; f = "" }
		else f = f c
	}
	F[++n] = f
	return n
}
{
	rec = pending ? rec "\n" $0 : $0
	q = rec; if (gsub(/"/, "", q) % 2) { pending = 1; next }
	pending = 0
	if (++nr == 1) next          # header
	split_rec(rec)
	if (held) { if (F[5] == "held") print F[1]; next }
	out = ""
	for (i = 1; i <= want + 0; i++) out = out (i > 1 ? "," : "") F[i]
	print out
}'

# CSV file -> one line per record: its first N fields joined by commas
csv_fields() { awk -v want="$2" -v held=0 "$CSV_AWK" "$1"; }

# manifest.csv -> the ids of held customers, one per line
held_of() { awk -v held=1 "$CSV_AWK" "$1"; }

for dir in "$D"/[0-9]*/; do
	dir=${dir%/}
	name=${dir##*/}
	if [ -n "${CASES:-}" ]; then
		sel=0
		for c in $CASES; do case $name in "$c"*) sel=1 ;; esac; done
		[ "$sel" = 1 ] || continue
	fi
	exp="$dir/expect"
	out="$T/$name"
	if [ ! -f "$exp" ]; then
		bad "$name: no expect file"; continue
	fi
	period=$(sed -n 's/^period  *//p' "$exp" | head -1)
	"$BIN" run --period "${period:-2026-10}" --input "$dir" --catalogs catalogs \
		--out "$out" --no-pdf >"$T/stdout" 2>"$T/stderr"
	code=$?

	# what happened, in the expect file's own terms
	{
		echo "exit $code"
		if [ -f "$out/rejects.csv" ]; then
			csv_fields "$out/rejects.csv" 4 | sed 's/^/reject /'
		else
			echo "no-rejects-file"
		fi
		if [ -f "$out/manifest.csv" ]; then held_of "$out/manifest.csv" | sort | sed 's/^/held /'; fi
	} >"$T/got"
	{
		grep -E '^(exit|reject|no-rejects-file)( |$)' "$exp"
		grep -E '^held ' "$exp" | sort
	} >"$T/want"

	why=""
	if ! diff "$T/want" "$T/got" >"$T/diff"; then
		why="outcome differs (< expected, > actual)"
	fi
	# a fatal run publishes nothing but rejects.csv
	if [ "$code" = 2 ] && { [ -e "$out/ledger.csv" ] || [ -e "$out/manifest.csv" ]; }; then
		why="${why:+$why; }exit 2 but ledger.csv or manifest.csv was written"
	fi
	if [ "$code" = 0 ] || [ "$code" = 3 ]; then
		for f in ledger.csv manifest.csv rejects.csv run.json; do
			[ -f "$out/$f" ] || why="${why:+$why; }$f missing"
		done
	fi
	# sanitizer reports fail the case even when the outcome is right
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$T/stderr"; then
		why="${why:+$why; }sanitizer report on stderr"
	fi
	# extra checks: `stderr-has TEXT`, `has FILE TEXT`, `lacks FILE TEXT`
	while IFS= read -r l; do
		case $l in
		"stderr-has "*)
			txt=${l#stderr-has }
			grep -qF -- "$txt" "$T/stderr" || why="${why:+$why; }stderr lacks '$txt'" ;;
		"has "*)
			rest=${l#has }; f=${rest%% *}; txt=${rest#* }
			grep -qF -- "$txt" "$out/$f" 2>/dev/null || why="${why:+$why; }$f lacks '$txt'" ;;
		"lacks "*)
			rest=${l#lacks }; f=${rest%% *}; txt=${rest#* }
			if grep -qF -- "$txt" "$out/$f" 2>/dev/null; then
				why="${why:+$why; }$f has '$txt'"; fi ;;
		esac
	done <"$exp"

	if [ -z "$why" ]; then
		ok "$name (exit $code)"
	else
		bad "$name: $why"
		sed 's/^/    /' "$T/diff"
		sed -n '1,5s/^/    stderr: /p' "$T/stderr"
	fi
done

summary "bad inputs"
