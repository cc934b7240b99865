#!/bin/bash
# check-install.sh BUILDDIR PREFIX APP_ID VERSION
#
# `meson install` of the build into a temporary folder, then: every file a
# desktop needs is there and valid, and the installed programs run from there —
# byline-cli answers, and byline opens its window on the (Xvfb) display, with
# only the installed data (schemas, icons) to go by.
set -uo pipefail
build=$1 prefix=$2 app_id=$3 version=$4

if [ -z "${DISPLAY:-}" ]; then # run by hand, outside build-aux/dev test
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-install.XXXXXX")
session_pid=
cleanup() {
  # end the app, so that its dbus-run-session ends its bus daemon too
  [ -s "$tmp/app.pid" ] && kill "$(cat "$tmp/app.pid")" 2>/dev/null
  [ -n "$session_pid" ] && wait "$session_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

failed=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failed=1; }

if ! meson install -C "$build" --destdir "$tmp/dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  echo "FAIL meson install --destdir"
  exit 1
fi
ok "meson install --destdir"
root=$tmp/dest$prefix
share=$root/share

for f in bin/byline bin/byline-cli \
         share/applications/$app_id.desktop \
         share/metainfo/$app_id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$app_id.svg \
         share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
         share/glib-2.0/schemas/$app_id.gschema.xml \
         share/dbus-1/services/$app_id.service; do
  if [ -s "$root/$f" ]; then ok "installed $f"; else fail "not installed: $f"; fi
done

if desktop-file-validate "$share/applications/$app_id.desktop"; then
  ok "the installed desktop file is valid"
else
  fail "desktop-file-validate"
fi
if appstreamcli validate --no-net --explain "$share/metainfo/$app_id.metainfo.xml" >"$tmp/as.log" 2>&1; then
  ok "the installed metainfo is valid"
else
  cat "$tmp/as.log"; fail "appstreamcli validate"
fi
# D-Bus activation starts the installed program, by the application id
service=$share/dbus-1/services/$app_id.service
if grep -qx "Name=$app_id" "$service" 2>/dev/null \
   && grep -q "^Exec=$prefix/bin/byline" "$service"; then
  ok "the D-Bus service starts $prefix/bin/byline as $app_id"
else
  fail "D-Bus service file: $(cat "$service" 2>&1)"
fi

# Installing with a DESTDIR skips the schema compilation, as packagers expect.
if glib-compile-schemas --strict "$share/glib-2.0/schemas"; then
  ok "the installed schemas compile"
else
  fail "glib-compile-schemas --strict"
fi

out=$("$root/bin/byline-cli" --version 2>&1)
if grep -qF "$version" <<<"$out"; then ok "installed byline-cli --version: $out"; else fail "byline-cli --version: $out"; fi

# The installed app, in a private home and D-Bus session (another instance on the
# test session's bus would take the activation), must map its window.
mkdir -p "$tmp/home"
HOME=$tmp/home XDG_DATA_HOME=$tmp/home/.local/share XDG_CONFIG_HOME=$tmp/home/.config \
XDG_CACHE_HOME=$tmp/home/.cache XDG_STATE_HOME=$tmp/home/.local/state \
XDG_DATA_DIRS=$share:/usr/local/share:/usr/share \
GSETTINGS_SCHEMA_DIR=$share/glib-2.0/schemas GSETTINGS_BACKEND=memory GTK_A11Y=none \
  dbus-run-session -- sh -c 'echo $$ > "$1"; exec "$2"' app "$tmp/app.pid" "$root/bin/byline" \
  >"$tmp/app.log" 2>&1 &
session_pid=$!

wid=
for _ in $(seq 1 60); do
  if [ -s "$tmp/app.pid" ]; then
    wid=$(xdotool search --onlyvisible --pid "$(cat "$tmp/app.pid")" 2>/dev/null | head -1)
    [ -n "$wid" ] && break
  fi
  kill -0 "$session_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -n "$wid" ]; then
  ok "the installed byline mapped its window '$(xdotool getwindowname "$wid")'"
else
  cat "$tmp/app.log"; fail "the installed byline showed no window within 30 s"
fi

exit $failed
