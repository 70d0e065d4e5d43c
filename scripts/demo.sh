#!/usr/bin/env bash
# The quick-start demo: import the sample resumes, ingest the sample jobs, and
# print the top 3 candidates for every job, on the local backend, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
export TALENT_DATA_DIR="${TALENT_DATA_DIR:-$PWD/.talent-demo}"
rm -rf "$TALENT_DATA_DIR"
talent() { node bin/talent.js "$@"; }

talent import samples/resumes
talent jobs ingest samples/jobs.jsonl
for job in $(node -e 'for (const l of require("fs").readFileSync("samples/jobs.jsonl","utf8").split("\n")) if (l.trim()) console.log(JSON.parse(l).id)'); do
  echo
  talent match --job "$job" --top 3
done
