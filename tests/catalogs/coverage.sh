#!/bin/sh
# Compares catalogs/INDEX.md with the seed index: every SLA document of the seeds
# (titles with 服务等级协议 in 001_*.txt, plus the four small seed files) must have
# a catalog.  Prints each agreement without one; exits 1 if any.
# Usage: sh tests/catalogs/coverage.sh catalogs/INDEX.md ../shared/seeds
set -u
index=$1
seeds=$2
T=$(mktemp)
trap 'rm -f "$T"' EXIT
# catalogs: "seed line" pairs from the generated index (columns 8 and 9)
awk -F'|' 'NR > 5 && NF >= 10 { gsub(/ /, "", $8); gsub(/ /, "", $9); print $8, $9 }' \
	"$index" | sort -u >"$T"
missing=0
total=0
# the SLA documents of 001: "| line | title | updated |" rows whose title has 服务等级协议
big=$(ls "$seeds"/001_*.txt | xargs -n1 basename)
while IFS='|' read -r _ line title _; do
	line=$(echo "$line" | tr -d ' ')
	case "$title" in *服务等级协议*) ;; *) continue ;; esac
	total=$((total + 1))
	if ! grep -q "^$big $line\$" "$T"; then
		echo "no catalog: $big line $line:$title"
		missing=$((missing + 1))
	fi
done <"$seeds/INDEX.md"
for f in "$seeds"/000_*.txt "$seeds"/002_*.txt "$seeds"/003_*.txt "$seeds"/004_*.txt; do
	b=$(basename "$f")
	total=$((total + 1))
	if ! grep -q "^$b " "$T"; then
		echo "no catalog: $b"
		missing=$((missing + 1))
	fi
done
echo "coverage: $((total - missing)) of $total SLA documents have a catalog"
[ "$missing" -eq 0 ]
