#!/usr/bin/env bash
# CI's PostgreSQL step, called by .ci/run and runnable alone: bash scripts/ci-postgres.sh
# The SLA service's tests (examples/sla-service) start a throwaway server from Debian's
# `postgresql` package (initdb, pg_ctl). Installs it with apt-get, as root, when initdb cannot be
# found; when the install fails, prints one line saying why and exits 0: the tests then skip, and
# say so.
set -uo pipefail
found() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null || [ -x "${PG_BIN:-/nonexistent}/initdb" ]
}
found && exit 0
skip() {
  echo "postgresql: not installed, the SLA service tests will skip: $1"
  exit 0
}
command -v apt-get >/dev/null || skip "initdb is missing and there is no apt-get to install postgresql"
[ "$(id -u)" = 0 ] || skip "initdb is missing and apt-get needs root (apt-get install postgresql)"
log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get -o DPkg::Lock::Timeout=300 update -q &&
  apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends postgresql; } >"$log" 2>&1; then
  why=$(grep -E '^(E|W):' "$log" | head -1)
  rm -f "$log"
  skip "apt-get install postgresql failed: ${why:-no error line in the output of apt-get}"
fi
rm -f "$log"
found || skip "apt-get installed postgresql, but initdb is still not found"
echo "postgresql: installed $(ls /usr/lib/postgresql 2>/dev/null | tr '\n' ' ')for the SLA service tests"
