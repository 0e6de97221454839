#!/usr/bin/env bash
# The test command's body (run through `make test`, which sets up first): notebooks clean and in sync with the
# library and README, every notebook's inline tests, then pytest over tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH" MPLBACKEND=Agg PYTHONWARNINGS=ignore
snapshot() { find nbs solar_nb -name '*.ipynb' -o -name '*.py' | grep -v -e '/_proc/' -e '\.ipynb_checkpoints' | sort | xargs sha1sum; }

echo "== notebooks clean (nbdev_clean) and library in sync (nbdev_export)"
before=$(snapshot)
nbdev_clean >/dev/null
nbdev_export
after=$(snapshot)
if [[ "$before" != "$after" ]]; then
  echo "FAILED: nbdev_clean/nbdev_export changed these files; commit the cleaned, exported versions:"
  diff <(echo "$before") <(echo "$after") | grep '^>' | awk '{print "  " $3}'
  exit 1
fi
python -c 'import sys, solar_nb.site as s; sys.exit(s.main(["--check-readme"]))'

echo "== nbdev_test (inline notebook tests)"
nbdev_test --n_workers 2 --timing

echo "== pytest tests/"
python -m pytest -q tests
