# Shared by the shell test scripts (sourced from the repository root): the
# pass/fail counters, a verdict line per check, and the closing summary.
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
# summary NAME: prints the counts; false if a check failed or none ran
summary() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
}
