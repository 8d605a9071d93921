#!/usr/bin/env bash
# Rounds: the two commands a new machine needs.
#   ./rounds.sh demo   install what is missing, build (release), start a demo server, open the client
#   ./rounds.sh test   install what is missing, build (dev: Debug + ASan/UBSan), run every test
#   ./rounds.sh fuzz [seconds]   libFuzzer on each fuzz target (docs/reliability.md)
#   ./rounds.sh soak [minutes]   the server under load with clients killed at random (docs/reliability.md)
# Both work from nothing on Debian 12 (as root, or with sudo) and are quick when nothing changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

DEMO_DIR="$ROOT/.demo"
DEMO_LISTEN="${ROUNDS_DEMO_LISTEN:-127.0.0.1:8421}"

# Debian packages the build, the tests and the demo need (see ../shared/TESTING.md).
PACKAGES=(
    build-essential cmake ninja-build pkg-config git curl ca-certificates
    qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n libqt6svg6
    libqt6sql6-sqlite libqt6sql6-psql libpq-dev libargon2-dev zlib1g-dev libicu-dev
    postgresql-15 openssl dpkg-dev desktop-file-utils appstream systemd
    xvfb xauth dbus-x11 gnome-keyring libsecret-tools fonts-wqy-microhei poppler-utils
    clang libclang-rt-14-dev
    qt6-pdf-dev
)

log() { printf 'rounds.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

ensure_packages() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "need root or sudo to install: ${missing[*]}"
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq >&2 || die "apt-get update failed"
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2 || die "apt-get install failed"
}

build() {
    local preset="$1"
    if [ ! -f "build/$preset/CMakeCache.txt" ]; then
        cmake --preset "$preset" >&2 || die "cmake configure ($preset) failed"
    fi
    cmake --build --preset "$preset" >&2 || die "build ($preset) failed"
}

server_healthy() {
    curl -fsS --max-time 2 "http://$DEMO_LISTEN/api/v1/health" 2>/dev/null | grep -q '"status":"ok"'
}

start_demo_server() {
    local server="$ROOT/build/release/bin/rounds-server"
    mkdir -p "$DEMO_DIR"
    if [ ! -d "$DEMO_DIR/data" ]; then
        log "creating the demo organisation in $DEMO_DIR/data"
        "$server" demo --data "$DEMO_DIR/data.tmp" && mv "$DEMO_DIR/data.tmp" "$DEMO_DIR/data" \
            || { rm -rf "$DEMO_DIR/data.tmp"; die "could not create demo data"; }
    fi
    if server_healthy; then
        log "a server already answers on http://$DEMO_LISTEN"
        return 0
    fi
    log "starting rounds-server on http://$DEMO_LISTEN (log: $DEMO_DIR/server.log)"
    nohup "$server" serve --data "$DEMO_DIR/data" --listen "$DEMO_LISTEN" >>"$DEMO_DIR/server.log" 2>&1 &
    echo $! >"$DEMO_DIR/server.pid"
    for _ in $(seq 1 50); do
        server_healthy && return 0
        kill -0 "$(cat "$DEMO_DIR/server.pid")" 2>/dev/null || die "rounds-server stopped; see $DEMO_DIR/server.log"
        sleep 0.2
    done
    die "rounds-server did not answer on http://$DEMO_LISTEN; see $DEMO_DIR/server.log"
}

cmd_demo() {
    ensure_packages
    build release
    start_demo_server
    cat >&2 <<INFO

Rounds demo server: http://$DEMO_LISTEN   (stop it with: kill \$(cat $DEMO_DIR/server.pid))
Accounts, all with the password demo-pass-1:
  rep.sh01 rep.sh02 rep.hz01 rep.hz02   field reps
  manager.sh manager.hz                 district managers
  sfe                                   sales force effectiveness
  admin                                 administrator
INFO
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        log "no display (DISPLAY and WAYLAND_DISPLAY are unset): not opening the client; the server keeps running."
        log "on a desktop, run: $ROOT/build/release/bin/rounds --server http://$DEMO_LISTEN"
        return 0
    fi
    exec "$ROOT/build/release/bin/rounds" --server "http://$DEMO_LISTEN"
}

cmd_test() {
    ensure_packages
    build dev
    # The keychain tests need a Secret Service: a private D-Bus session with an unlocked keyring, in a
    # throwaway HOME so nothing of the developer's own keyring is touched.
    TEST_HOME="$(mktemp -d)"
    mkdir -p "$TEST_HOME/run" && chmod 700 "$TEST_HOME/run"
    trap 'rm -rf "$TEST_HOME"' EXIT
    HOME="$TEST_HOME" XDG_DATA_HOME="$TEST_HOME/.local/share" XDG_CONFIG_HOME="$TEST_HOME/.config" \
    XDG_RUNTIME_DIR="$TEST_HOME/run" ROUNDS_TEST_KEYRING=1 \
        dbus-run-session -- sh -c '
            echo rounds-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
            exec ctest --preset dev "$@"' sh "$@"
}

# ./rounds.sh fuzz [seconds]: libFuzzer on every target of fuzz/ (build/fuzz, clang), each for `seconds`
# (default 60). New inputs go to build/fuzz/corpus/<target>, crashes to build/fuzz/artifacts/.
cmd_fuzz() {
    local seconds="${1:-60}" t status=0
    ensure_packages
    [ -f build/fuzz/CMakeCache.txt ] || cmake --preset fuzz >&2 || die "cmake configure (fuzz) failed"
    local targets=(pullpage pushbody csvimport migrations)
    cmake --build --preset fuzz --target "${targets[@]/#/fuzz_}" >&2 || die "build (fuzz) failed"
    mkdir -p build/fuzz/artifacts
    for t in "${targets[@]}"; do
        mkdir -p "build/fuzz/corpus/$t"
        log "fuzzing $t for ${seconds}s"
        ASAN_OPTIONS=detect_leaks=0 "build/fuzz/fuzz/fuzz_$t" -max_total_time="$seconds" -print_final_stats=1 \
            -artifact_prefix="build/fuzz/artifacts/$t-" "build/fuzz/corpus/$t" "fuzz/corpus/$t" >&2 \
            || { log "fuzz_$t found a crash: see build/fuzz/artifacts/"; status=1; }
    done
    return $status
}

# ./rounds.sh soak [minutes]: the server under rounds-bench server-like load with clients killed and
# restarted at random (default 10 minutes), then the convergence and exactly-once checks.
cmd_soak() {
    local minutes="${1:-10}"
    ensure_packages
    [ -f build/bench/CMakeCache.txt ] || cmake --preset bench >&2 || die "cmake configure (bench) failed"
    cmake --build --preset bench --target rounds-bench >&2 || die "build (bench) failed"
    build/bench/bin/rounds-bench soak --minutes "$minutes"
}

case "${1:-}" in
demo) shift; cmd_demo "$@" ;;
test) shift; cmd_test "$@" ;;
fuzz) shift; cmd_fuzz "$@" ;;
soak) shift; cmd_soak "$@" ;;
*)
    echo "usage: ./rounds.sh demo | test [ctest arguments] | fuzz [seconds] | soak [minutes]" >&2
    exit 2
    ;;
esac
