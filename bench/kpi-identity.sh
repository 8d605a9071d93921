#!/usr/bin/env bash
# bench/kpi-identity.sh CLI OUT_DIR STORE.db...
# Writes `rounds-cli kpis --json` for a month, a quarter and a cycle, each for everything, a district,
# a territory and a rep, of every store given, into OUT_DIR (one file per case, with the exit code).
# Run it with the CLI of two builds on copies of the same stores and `diff -r` the two folders: a
# refactor of the KPI engine must leave every byte as it was (docs/performance.md).
set -euo pipefail
cli="$1"; out="$2"; shift 2
mkdir -p "$out"
periods=("${KPI_MONTH:-2026-11}" "${KPI_QUARTER:-2026-Q3}" "${KPI_CYCLE:-2026-09-01..2026-11-30}")
scopes=(all SH SH-01 rep.sh01)
for db in "$@"; do
    tmp="$(mktemp -d)"; cp "$db" "$tmp/store.db" # a copy: kpis never writes, but nothing should touch the original
    for p in "${periods[@]}"; do
        for s in "${scopes[@]}"; do
            args=(--db "$tmp/store.db" kpis --period "$p" --json)
            [ "$s" = all ] || args+=(--scope "$s")
            f="$out/$(basename "$db" .db)_${p//[^0-9A-Za-z-]/_}_$s.json"
            rc=0; "$cli" "${args[@]}" >"$f" 2>"$f.err" || rc=$?
            echo "exit $rc" >>"$f.err"
        done
    done
    rm -rf "$tmp"
done
echo "$(ls "$out" | grep -c '\.json$') cases in $out"
