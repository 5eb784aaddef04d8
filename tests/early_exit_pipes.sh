#!/usr/bin/env bash
# The end-to-end scripts run under `set -o pipefail` (tests/e2e/lib.sh). There, `A | grep -q B` and
# `A | head` fail at random: the reader exits at its first line, A is killed by SIGPIPE if it is
# still writing, and pipefail turns A's 141 into the pipeline's failure. (CI's sanitize run refused a
# correct build that way: `ldd octavo | grep -q libasan`.) Read A's output whole instead:
# `grep -q B <(A)`, or `grep -m1` as the writer. A line inside `bash -c "…"` is left alone unless it
# sets pipefail there. Fails naming each line. Usage: early_exit_pipes.sh SOURCE_DIR
set -uo pipefail
cd "$1/tests" || exit 2
failures=0
while IFS= read -r hit; do
  line=${hit#*:*:}
  if [[ $line == *'bash -c'* && $line != *pipefail* ]]; then continue; fi
  echo "FAIL: $hit" >&2
  echo "  a reader that exits early under pipefail: read the output whole, e.g. grep -q RE <(COMMAND)" >&2
  failures=$((failures + 1))
done < <(grep -nE '\|[[:space:]]*(grep[[:space:]]+(-[[:alnum:]]*[qm]|--quiet|--max-count)|head\b)' e2e/*.sh bench/*.sh |
  grep -vE '^[^:]+:[0-9]+:[[:space:]]*#')
if [ "$failures" -gt 0 ]; then echo "$failures pipe(s) can fail at random" >&2; exit 1; fi
echo "ok: no pipe in the test scripts ends in a reader that exits early"
