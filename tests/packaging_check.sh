#!/usr/bin/env bash
# ctest check: builds the two Debian packages from this build tree and checks what a fresh Debian 12
# machine relies on: dependencies by package name, the files where the desktop and systemd look for
# them, valid desktop and AppStream files, the server's maintainer scripts.
#   packaging_check.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"; src="$2"
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
fail() { echo "packaging: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; fail "cpack failed"; }
client=$(ls "$out"/rounds_*.deb 2>/dev/null | head -1); server=$(ls "$out"/rounds-server_*.deb 2>/dev/null | head -1)
[ -f "$client" ] || fail "no rounds_*.deb"; [ -f "$server" ] || fail "no rounds-server_*.deb"

depends=$(dpkg-deb -f "$client" Depends)
for lib in libqt6widgets6 libqt6network6 libqt6keychain1 libqt6svg6 libicu72; do
    grep -q "$lib" <<<"$depends" || fail "rounds does not depend on $lib: $depends"
done
sdepends=$(dpkg-deb -f "$server" Depends)
for lib in libqt6httpserver6 adduser; do
    grep -q "$lib" <<<"$sdepends" || fail "rounds-server does not depend on $lib: $sdepends"
done
grep -q libqt6widgets6 <<<"$sdepends" && fail "rounds-server must not need Qt Widgets: $sdepends"
# SQLite (SQLite3 Multiple Ciphers, cmake/SQLite3MultipleCiphers.cmake) is built into the programs: one
# SQLite in each process, never Debian's beside it.
grep -q libsqlite3 <<<"$depends" && fail "rounds must not load Debian's libsqlite3: $depends"
grep -q libsqlite3 <<<"$sdepends" && fail "rounds-server must not load Debian's libsqlite3: $sdepends"

files=$(dpkg-deb -c "$client")
for f in ./usr/bin/rounds ./usr/bin/rounds-cli ./usr/share/applications/rounds.desktop \
         ./usr/share/metainfo/io.github.rounds.Rounds.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/rounds.svg; do
    grep -q " $f\$" <<<"$files" || fail "rounds lacks $f"
done
sfiles=$(dpkg-deb -c "$server")
for f in ./usr/bin/rounds-server ./usr/lib/systemd/system/rounds-server.service; do
    grep -q " $f\$" <<<"$sfiles" || fail "rounds-server lacks $f"
done
dpkg-deb -e "$server" "$out/control"
[ -x "$out/control/postinst" ] || fail "rounds-server has no executable postinst"
grep -q "adduser --system" "$out/control/postinst" || fail "postinst does not create the rounds user"

desktop-file-validate "$src/resources/linux/rounds.desktop" || fail "rounds.desktop is not valid"
appstreamcli validate --no-net --pedantic "$src/resources/linux/io.github.rounds.Rounds.metainfo.xml" >"$out/as.log" 2>&1 \
    || { cat "$out/as.log"; fail "metainfo is not valid"; }
systemd-analyze verify "$src/resources/linux/rounds-server.service" 2>&1 | grep -v -e "rounds-server.db" -e "/usr/bin/rounds-server" -e "^$" \
    | grep -i -e error -e invalid && fail "rounds-server.service does not verify"
echo "packaging: rounds and rounds-server packages are complete ($(basename "$client"), $(basename "$server"))"
