#!/bin/sh
# A run killed with SIGKILL midway and run again yields the same outputs, byte
# for byte, as a run never interrupted (the example month scaled to 5 copies of
# each customer, with PDFs).  run.json's elapsed_ms is the one field that may
# differ and is left out of the comparison.
# Usage: BIN=build/slareport sh tests/golden/kill-rerun.sh   (from the repository root)
set -u
BIN=${BIN:-build/slareport}
COPIES=${COPIES:-5}
T=$(mktemp -d /tmp/sr-kill-XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/lib.sh
export SOURCE_DATE_EPOCH=1793491200

# the scaled month: every customer (and event id) copied with a suffix -kN
python3 - examples/2026-10 "$T/in" "$COPIES" <<'EOF'
import csv, os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst)
for name in ("accounts.csv", "resources.csv", "outages.csv", "usage.csv"):
    with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    with open(os.path.join(dst, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(head)
        for k in range(n):
            for r in body:
                r = list(r)
                for col in ("customer_id", "event_id"):
                    if col in head:
                        r[head.index(col)] += "-k%d" % k
                w.writerow(r)
EOF

run() { "$BIN" run --period 2026-10 --input "$T/in" --catalogs catalogs --out "$T/out" \
	--jobs 2 >"$T/stdout" 2>"$T/stderr"; }

# the reference: a run never interrupted
run
rc=$?
if [ "$rc" -eq 0 ]; then ok "reference run (exit 0)"; else bad "reference run: exit $rc"; fi
mv "$T/out" "$T/ref"
sed -i '/"elapsed_ms"/d' "$T/ref/run.json"
total=$(ls "$T/ref/reports" | wc -l)

interrupted=0
# kill when this many reports exist (0: at once), then run again in place
for at in 0 1 $((total / 3)) $((total * 2 / 3)) $((total - 1)); do
	rm -rf "$T/out"
	"$BIN" run --period 2026-10 --input "$T/in" --catalogs catalogs --out "$T/out" \
		--jobs 2 >/dev/null 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		n=$(ls "$T/out/reports" 2>/dev/null | grep -c '\.pdf$')
		[ "$n" -ge "$at" ] && break
		sleep 0.005
	done
	if kill -KILL "$pid" 2>/dev/null; then interrupted=$((interrupted + 1)); fi
	# the worker processes die with their parent's pipe; make sure of it
	pkill -KILL -f "$T/out" 2>/dev/null
	wait "$pid" 2>/dev/null
	run
	rc=$?
	sed -i '/"elapsed_ms"/d' "$T/out/run.json" 2>/dev/null
	if [ "$rc" -eq 0 ] && diff -r "$T/ref" "$T/out" >"$T/diff"; then
		ok "killed at $at of $total reports, rerun: identical outputs"
	else
		bad "killed at $at of $total reports, rerun: exit $rc"
		head -20 "$T/diff" | sed 's/^/    /'
		sed 's/^/    /' "$T/stderr"
	fi
done
if [ "$interrupted" -ge 3 ]; then ok "$interrupted of 5 runs were killed midway"; else
	bad "only $interrupted of 5 runs were killed midway (too fast to test)"; fi

summary kill-rerun
