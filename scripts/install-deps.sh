#!/bin/sh
# Installs the Debian 12 packages slareport needs to build, test and run.
# Every package the project uses is named here and nowhere else.
# `install-deps.sh font` installs instead what `make font` needs to derive
# fonts/wqy-microhei-256.ttf from Debian's font (scripts/make-font.py).
set -eu
PKGS="gcc make pkg-config libhpdf-dev libxml2-dev libxml2-utils libcsv-dev libcmocka-dev
libharfbuzz-dev libdeflate-dev libssl-dev poppler-utils qpdf icc-profiles-free python3 procps"
[ "${1:-}" = font ] && PKGS="python3 python3-fonttools fonts-wqy-microhei"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
