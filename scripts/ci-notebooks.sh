#!/usr/bin/env bash
# CI's notebook step (docs/notebooks.md), called by .ci/run and runnable alone:
#   bash scripts/ci-notebooks.sh
# Installs what is missing — Deno from the runtimes directory (scripts/install-runtimes.ts, pinned
# in scripts/runtimes/catalog.ts) and Debian's jupyter-nbconvert (apt-get, as root) — registers
# Deno's Jupyter kernel in a private Jupyter data directory, then executes every notebook and
# compares its outputs with the committed ones (npm run notebooks -- --check --require-tools).
# Exit 1 when a notebook fails or its stored outputs changed. It skips (exit 0) only when an
# install itself fails, and then prints one line saying why.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - started) / 1000000 ))" | sed -E 's/(...)$/.\1/; s/^\./0./'; }
skip() {
  echo "notebooks: skipped, $1"
  exit 0
}

# Deno: the pinned one the runtime tests use; installed here when the installer never ran.
locate_deno() {
  npx --no-install tsx -e "
    import { locate } from './scripts/runtimes/catalog.ts';
    const d = locate('deno');
    console.log('skipped' in d ? (d.installFailed ? 'failed\t' : 'missing\t') + d.skipped : 'ok\t' + d.path);
  "
}
deno_line=$(locate_deno)
if [[ $deno_line == missing* ]]; then
  npx --no-install tsx scripts/install-runtimes.ts >/dev/null || true
  deno_line=$(locate_deno)
fi
[[ $deno_line == ok* ]] || skip "Deno could not be installed: ${deno_line#*$'\t'}"
deno=${deno_line#*$'\t'}

# nbconvert and the Jupyter client it drives kernels with: Debian's packages.
if ! jupyter nbconvert --version >/dev/null 2>&1; then
  command -v apt-get >/dev/null || skip "jupyter-nbconvert is missing and there is no apt-get to install it"
  [ "$(id -u)" = 0 ] || skip "jupyter-nbconvert is missing and apt-get needs root (apt-get install jupyter-nbconvert)"
  log=$(mktemp)
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get -o DPkg::Lock::Timeout=300 update -q &&
    apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends \
      jupyter-nbconvert python3-jupyter-client; } >"$log" 2>&1; then
    why=$(grep -E '^(E|W):' "$log" | head -1)
    rm -f "$log"
    skip "apt-get install jupyter-nbconvert failed: ${why:-no error line in the output of apt-get}"
  fi
  rm -f "$log"
  jupyter nbconvert --version >/dev/null 2>&1 || skip "apt-get installed jupyter-nbconvert, but jupyter nbconvert does not run"
fi

# The kernel, in a Jupyter data directory of this run only: a developer's own kernels stay as they are.
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
# Deno writes the kernelspec under $XDG_DATA_HOME/jupyter, where Jupyter also looks.
export XDG_DATA_HOME="$data" JUPYTER_DATA_DIR="$data/jupyter"
"$deno" jupyter --install --force >/dev/null 2>&1 || skip "deno jupyter --install failed"
[ -f "$data/jupyter/kernels/deno/kernel.json" ] || skip "deno jupyter --install wrote no kernel in $data/jupyter"
echo "notebooks: $("$deno" --version | head -1), nbconvert $(jupyter nbconvert --version) ready in $(elapsed) s"

PATH="$(dirname "$deno"):$PATH" node scripts/notebooks.mjs --check --require-tools
status=$?
echo "notebooks: step took $(elapsed) s in all"
exit $status
