#!/usr/bin/env bash
# Rounds against PouchDB on the same records, in one run (docs/performance.md, "Against PouchDB").
#
#   bench/compare.sh --records N [--json]
#
# 1. rounds-server demo generates about N records (HCPs, institutions, departments, alignments, visits
#    with details, plans, meetings, sales; fixed seed) and `rounds-server export` writes them as JSON lines.
# 2. Ours: `rounds-bench sync` on the same generated data (same seed, same sizes): a real rounds-server
#    on 127.0.0.1, a fresh client store, a first full sync through the real engine.
# 3. PouchDB: bench/peers/pouchdb/peer.js loads the exported lines into an express-pouchdb server (memory
#    adapter) on 127.0.0.1 and replicates them into a fresh memory PouchDB.
# Both rates are records stored on the client per second of the initial sync. The last line is
# `ratio R` (ours ÷ PouchDB), or with --json one JSON object holding both runs and `ratio`.
# On a fresh Debian 12 machine it installs what it needs (cmake/Qt via ./rounds.sh's package list,
# nodejs/npm, `npm ci --ignore-scripts` with the committed lock file) and builds the bench preset.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

records=100000
json=0
while [ $# -gt 0 ]; do
    case "$1" in
    --records) records="$2"; shift 2 ;;
    --json) json=1; shift ;;
    *) echo "usage: bench/compare.sh --records N [--json]" >&2; exit 2 ;;
    esac
done
log() { printf 'compare.sh: %s\n' "$*" >&2; }

# The demo's shape: about 3.5 records per visit at these sizes, one HCP per 10 visits.
visits=$(( records * 2 / 7 ))
[ "$visits" -ge 100 ] || visits=100
hcps=$(( visits / 10 ))
[ "$hcps" -ge 20 ] || hcps=20

# The project's package list (rounds.sh) plus node; only what is missing is installed.
eval "$(sed -n '/^PACKAGES=(/,/^)/p' rounds.sh)"
need_apt=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$p")
done
# node and npm from Debian unless some node is there already (a NodeSource nodejs bundles npm).
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
    sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    log "installing ${need_apt[*]}"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need_apt[@]}" >&2
fi
if [ ! -x build/bench/bin/rounds-bench ] || [ ! -x build/bench/bin/rounds-server ]; then
    log "building the bench preset (Release)"
    [ -f build/bench/CMakeCache.txt ] || cmake --preset bench >&2
    cmake --build --preset bench --target rounds-bench rounds-server >&2
fi
peer="$ROOT/bench/peers/pouchdb"
if [ ! -d "$peer/node_modules/pouchdb-core" ]; then
    log "npm ci --ignore-scripts in bench/peers/pouchdb"
    (cd "$peer" && npm ci --ignore-scripts --no-audit --no-fund >&2)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log "generating ${hcps} HCPs / ${visits} visits (seed 1) and exporting them"
build/bench/bin/rounds-server demo --data "$work/data" --hcps "$hcps" --visits "$visits" --seed 1 >&2
build/bench/bin/rounds-server export --data "$work/data" --out "$work/records.jsonl" >&2

log "Rounds: rounds-bench sync --hcps $hcps --visits $visits --rounds 0"
build/bench/bin/rounds-bench sync --hcps "$hcps" --visits "$visits" --rounds 0 --json | tee "$work/ours.txt" >&2
log "PouchDB: node bench/peers/pouchdb/peer.js"
node "$peer/peer.js" --records "$work/records.jsonl" --json | tee "$work/pouch.txt" >&2

python3 - "$work/ours.txt" "$work/pouch.txt" "$json" <<'PY'
import json, sys
ours = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
pouch = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
ours_rate = ours["rows"] / ours["seconds"]
pouch_rate = pouch["records_per_s"]
ratio = ours_rate / pouch_rate
if sys.argv[3] == "1":
    print(json.dumps({"rounds": {"records": ours["rows"], "seconds": ours["seconds"], "records_per_s": ours_rate,
                                 "peak_rss_mb": ours["peak_rss_mb"]},
                      "pouchdb": {"records": pouch["records"], "seconds": pouch["seconds"], "records_per_s": pouch_rate,
                                  "peak_rss_mb": pouch["peak_rss_mb"]},
                      "ratio": ratio}))
else:
    print(f"Rounds  : {ours['rows']} records in {ours['seconds']:.2f} s = {ours_rate:.0f} records/s")
    print(f"PouchDB : {pouch['records']} records in {pouch['seconds']:.2f} s = {pouch_rate:.0f} records/s")
    print(f"ratio {ratio:.2f}")
PY
