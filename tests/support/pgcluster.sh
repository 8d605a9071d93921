#!/bin/sh
# A throwaway PostgreSQL 15 cluster for the tests labelled `postgres` (the ctest fixture `postgres`):
#   pgcluster.sh start STATEDIR   initdb in a new temporary folder, start it on a free port of 127.0.0.1
#                                 (unix socket in that folder, fsync off), write the server's URL to
#                                 STATEDIR/url (tests read it through ROUNDS_TEST_POSTGRES=STATEDIR/url)
#   pgcluster.sh stop STATEDIR    stop it and remove its folder
# As root the cluster runs as the `postgres` user (PostgreSQL refuses to run as root); otherwise as the
# current user. Every database it holds is thrown away with it.
set -eu
action=${1:-}
state=${2:-}
[ -n "$action" ] && [ -n "$state" ] || { echo "usage: $0 start|stop STATEDIR" >&2; exit 2; }

bindir=""
for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then bindir=$d; break; fi
done

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_cluster() {
    [ -f "$state/dir" ] || return 0
    dir=$(cat "$state/dir")
    if [ -n "$bindir" ] && [ -d "$dir/data" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$dir" in /tmp/rounds-pg.*) rm -rf "$dir" ;; esac
    rm -f "$state/dir" "$state/url"
}

case "$action" in
start)
    if [ -z "$bindir" ]; then
        echo "pgcluster: PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin;" \
             "install postgresql-15 (./rounds.sh deps does)" >&2
        exit 1
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "pgcluster: running as root needs the 'postgres' user (created by the postgresql-15 package)" >&2
        exit 1
    fi
    mkdir -p "$state"
    stop_cluster # a cluster an interrupted run left behind
    dir=$(mktemp -d /tmp/rounds-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    echo "$dir" > "$state/dir"
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U rounds -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        echo "pgcluster: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: ask the kernel, then try the next ones if another process took it meanwhile.
    for attempt in 1 2 3 4 5; do
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        # Through python: its subprocess closes every inherited descriptor, so the server does not hold
        # the caller's (a build lock held around ctest, say) for as long as it runs.
        if as_owner python3 -c 'import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))' "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB" \
            start >/dev/null 2>&1; then
            echo "postgresql://rounds@127.0.0.1:$port" > "$state/url"
            echo "pgcluster: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
            exit 0
        fi
    done
    echo "pgcluster: PostgreSQL did not start:" >&2
    cat "$dir/log" >&2 || true
    exit 1
    ;;
stop)
    stop_cluster
    ;;
*)
    echo "usage: $0 start|stop STATEDIR" >&2
    exit 2
    ;;
esac
