#!/bin/sh
# Screenshots of every main view and dialog, in English and Chinese, on the screens the issue names:
#
#   tools/screenshots.sh [OUT_DIR] [BIN_DIR]      (defaults: screenshots/ and build/dev/bin)
#
# It creates a small demo organisation (rounds-server demo --hcps 300 --visits 800 --seed 7), serves it on
# 127.0.0.1:$ROUNDS_SCREENSHOT_PORT (default 18060), signs in rep.sh01, manager.sh, sfe and admin (password
# demo-pass-1) with rounds-cli in a private D-Bus session with its own gnome-keyring, syncs each, and
# renders with the offscreen platform (no X server needed) into
#
#   OUT_DIR/1366x768/LANG/USER-VIEW.png       a 1366×768 screen at 100 % (light)
#   OUT_DIR/1920x1080-150/LANG/USER-VIEW.png  a 1920×1080 screen at QT_SCALE_FACTOR=1.5: 1280×720 logical,
#                                             PNGs of 1920×1080 pixels
#   OUT_DIR/dark/LANG/USER-VIEW.png           1366×768 at 100 % with --theme dark
#
# ROUNDS_SCREENSHOT_USERS="admin sfe" takes only those users' pictures. LANG is en and zh_CN. Everything it starts (the server, the D-Bus session) stops when it ends, and the
# temporary data is removed. Needs dbus-run-session and gnome-keyring (see /work/shared/TESTING.md).
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
out=${1:-screenshots}
bin=${2:-build/dev/bin}
port=${ROUNDS_SCREENSHOT_PORT:-18060}
password=demo-pass-1

"$bin/rounds-server" demo --data "$work/server" --hcps 300 --visits 800 --seed 7 >/dev/null
"$bin/rounds-server" serve --data "$work/server" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT INT TERM
tries=0
until echo "$password" | "$bin/rounds-cli" --db "$work/probe.db" login "http://127.0.0.1:$port" rep.sh01 >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ $tries -lt 50 ] || { echo "screenshots: the server did not start (see $work/server.log)" >&2; exit 1; }
    sleep 0.2
done

# Offscreen screens: 1366×768, and 1920×1080 (scaled 1.5 by QT_SCALE_FACTOR).
printf '{"screens":[{"name":"s","x":0,"y":0,"width":1366,"height":768,"logicalDpi":96,"logicalBaseDpi":96,"dpr":1}]}' \
    >"$work/1366x768.json"
printf '{"screens":[{"name":"s","x":0,"y":0,"width":1920,"height":1080,"logicalDpi":96,"logicalBaseDpi":96,"dpr":1}]}' \
    >"$work/1920x1080.json"

# USER: the views (VIEW or VIEW+DIALOG) that make that user's pictures.
views_for() {
    case $1 in
    rep.sh01) echo "today hcps hcp plan visits meetings conflicts hcps+visit meetings+meeting hcp+history" \
        "hcps+settings hcps+compliance hcps+about hcps+signin" ;;
    manager.sh) echo "dashboard today meetings hcps+settings" ;;
    sfe) echo "territories alignment masterdata duplicates changerequests hcp hcp+erase" ;;
    admin) echo "users company users+newuser library library+newmaterial" ;;
    esac
}

shoot() { # SET LANG USER VIEW[+DIALOG]
    set_name=$1 lang=$2 user=$3 what=$4
    view=${what%%+*}
    dialog=
    [ "$view" = "$what" ] || dialog=${what#*+}
    dir="$out/$set_name/$lang"
    mkdir -p "$dir"
    file="$dir/$user-$(echo "$what" | tr + -).png"
    case $set_name in
    1366x768) env="QT_QPA_PLATFORM=offscreen:configfile=$work/1366x768.json" size=1366x768 theme=light ;;
    1920x1080-150) env="QT_QPA_PLATFORM=offscreen:configfile=$work/1920x1080.json QT_SCALE_FACTOR=1.5" size=1280x720 theme=light ;;
    dark) env="QT_QPA_PLATFORM=offscreen:configfile=$work/1366x768.json" size=1366x768 theme=dark ;;
    esac
    # shellcheck disable=SC2086 # env holds several assignments
    if ! env $env ASAN_OPTIONS=detect_leaks=0 "$bin/rounds" --db "$work/$user.db" --screenshot "$file" \
        --size "$size" --theme "$theme" --language "$lang" --view "$view" ${dialog:+--dialog "$dialog"} \
        >"$work/shot.log" 2>&1; then
        echo "screenshots: $file failed:" >&2
        cat "$work/shot.log" >&2
        return 1
    fi
    echo "$file"
}

# Laptops for the admin's Users page: two of rep.sh01 (one revoked, as if lost) and one of manager.sh,
# signed in over HTTP with device ids of their own (every rounds-cli here shares this machine's id).
login_device() { # USER DEVICE_ID DEVICE_NAME
    curl -s -o /dev/null -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/auth/login" \
        -d "{\"username\":\"$1\",\"password\":\"$password\",\"device_id\":\"$2\",\"device_name\":\"$3\",\"client_version\":\"0.9.0\"}"
}
login_device rep.sh01 demo-laptop-zhang-1 ZHANGWEI-T14
login_device rep.sh01 demo-laptop-zhang-2 ZHANGWEI-X1
login_device manager.sh demo-laptop-wang WANGJG-MBP
"$bin/rounds-server" device revoke --data "$work/server" demo-laptop-zhang-1 \
    --reason "reported lost on 3 December" >/dev/null 2>&1

users=${ROUNDS_SCREENSHOT_USERS:-rep.sh01 manager.sh sfe admin}
for user in $users; do
    echo "$password" | "$bin/rounds-cli" --db "$work/$user.db" login "http://127.0.0.1:$port" "$user" >/dev/null
    "$bin/rounds-cli" --db "$work/$user.db" sync >/dev/null
done

failed=0
for set_name in 1366x768 1920x1080-150 dark; do
    for lang in en zh_CN; do
        for user in $users; do
            for what in $(views_for $user); do
                shoot "$set_name" "$lang" "$user" "$what" || failed=$((failed + 1))
            done
        done
    done
done
[ $failed -eq 0 ] || { echo "screenshots: $failed pictures failed" >&2; exit 1; }
