#!/bin/sh
# Screenshots of the rep's Materials view (docs/downloads.md), English and Chinese, 1366×768 offscreen:
#
#   tools/materials-screenshots.sh [OUT_DIR] [BIN_DIR]     (defaults: docs/screenshots and build/dev/bin)
#
# A small demo organisation on 127.0.0.1:$ROUNDS_SCREENSHOT_PORT (default 18061); the admin uploads and
# publishes a few materials over HTTP (random files and PNG thumbnails drawn by python3): two
# presentable, one not valid yet, one withdrawn, one expired; rep.sh01 signs in with rounds-cli in a
# private D-Bus session with its own gnome-keyring, syncs and downloads (rounds-cli files --download),
# and the client renders OUT_DIR/materials-LANG.png. Everything it starts stops when it ends.
set -eu

if [ -z "${ROUNDS_SCREENSHOTS_INNER:-}" ]; then
    work=$(mktemp -d)
    mkdir -p "$work/home"
    status=0
    ROUNDS_SCREENSHOTS_INNER="$work" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
        XDG_DATA_HOME="$work/home/.local/share" XDG_RUNTIME_DIR="$work" \
        dbus-run-session -- sh -c 'echo screenshots | gnome-keyring-daemon --unlock >/dev/null 2>&1; exec sh "$0" "$@"' \
        "$0" "$@" || status=$?
    rm -rf "$work"
    exit $status
fi

work=$ROUNDS_SCREENSHOTS_INNER
out=${1:-docs/screenshots}
bin=${2:-build/dev/bin}
port=${ROUNDS_SCREENSHOT_PORT:-18061}
password=demo-pass-1
url="http://127.0.0.1:$port"
export ASAN_OPTIONS=detect_leaks=0

"$bin/rounds-server" demo --data "$work/server" --hcps 60 --visits 100 --seed 7 >/dev/null
"$bin/rounds-server" serve --data "$work/server" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT INT TERM
tries=0
until echo "$password" | "$bin/rounds-cli" --db "$work/rep.db" login "$url" rep.sh01 >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ $tries -lt 50 ] || { echo "screenshots: the server did not start (see $work/server.log)" >&2; exit 1; }
    sleep 0.2
done

token=$(curl -s -H 'Content-Type: application/json' "$url/api/v1/auth/login" \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
products=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$url/api/v1/sync/pull" \
    -d '{"cursors":{},"limit":5000}' | python3 -c 'import json, sys
for c in json.load(sys.stdin)["changes"]:
    if c["entity"] == "product": print(c["record"]["id"])')
p1=$(echo "$products" | sed -n 1p)
p2=$(echo "$products" | sed -n 2p)
[ -n "$p2" ] || p2=$p1

upload() { # FILE -> sha256
    sha=$(sha256sum "$1" | cut -d' ' -f1)
    curl -s -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' \
        --data-binary "@$1" "$url/api/v1/files/$sha"
    echo "$sha"
}
# A 160×120 PNG of one colour with a lighter band (python3's zlib; no image library needed).
png() { # #RRGGBB FILE
    python3 - "$1" "$2" <<'PY'
import struct, sys, zlib
c = bytes.fromhex(sys.argv[1][1:]); light = bytes(min(255, v + 90) for v in c)
rows = b''.join(b'\0' + (light if 40 <= y < 70 else c) * 160 for y in range(120))
chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[2], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 160, 120, 8, 2, 0, 0, 0))
                              + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
PY
}
n=0
publish() { # PRODUCT TITLE LANGUAGE VERSION STATUS VALID_TO COLOUR
    n=$((n + 1))
    head -c $((300000 + n * 170000)) /dev/urandom >"$work/m$n.pdf"
    png "$7" "$work/t$n.png"
    file=$(upload "$work/m$n.pdf")
    thumb=$(upload "$work/t$n.png")
    id=$(cat /proc/sys/kernel/random/uuid)
    valid=
    [ -z "$6" ] || valid=",\"valid_to\":\"$6\""
    curl -s -o "$work/push.json" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$url/api/v1/sync/push" \
        -d "{\"mutations\":[{\"mutation_id\":\"$(cat /proc/sys/kernel/random/uuid)\",\"entity\":\"material\",\"id\":\"$id\",\"op\":\"upsert\",\"base_version\":0,\"set\":{\"title\":\"$2\",\"product_id\":\"$1\",\"language\":\"$3\",\"material_version\":$4,\"status\":\"$5\",\"file\":\"sha256:$file:m$n.pdf\",\"file_size\":$(stat -c %s "$work/m$n.pdf"),\"thumbnail\":\"sha256:$thumb\"$valid}}]}"
    grep -q '"applied"' "$work/push.json" || { echo "screenshots: publishing $2 failed: $(cat "$work/push.json")" >&2; exit 1; }
}
days() { date -u -d "$1 days" +%Y-%m-%d; }
publish "$p1" "心血管风险管理 · 医生手册" zh_CN 3 approved "$(days 90)" '#1f6feb'
publish "$p1" "Clinical study summary 2026" en 1 approved "$(days 30)" '#2da44e'
publish "$p1" "旧版产品单页" zh_CN 1 withdrawn "" '#8b949e'
publish "$p2" "学术会议幻灯片" zh_CN 2 approved "$(days -5)" '#bf8700'
publish "$p2" "Dosing guide for nurses" en 1 approved "" '#8250df'

"$bin/rounds-cli" --db "$work/rep.db" sync >/dev/null
"$bin/rounds-cli" --db "$work/rep.db" files --download >/dev/null 2>&1 || true

printf '{"screens":[{"name":"s","x":0,"y":0,"width":1366,"height":768,"logicalDpi":96,"logicalBaseDpi":96,"dpr":1}]}' \
    >"$work/1366x768.json"
mkdir -p "$out"
for lang in en zh_CN; do
    QT_QPA_PLATFORM="offscreen:configfile=$work/1366x768.json" "$bin/rounds" --db "$work/rep.db" \
        --screenshot "$out/materials-$lang.png" --size 1366x768 --language "$lang" --view materials \
        >"$work/shot.log" 2>&1 || { cat "$work/shot.log" >&2; exit 1; }
    echo "$out/materials-$lang.png"
done
