#!/bin/bash
# tests/flatpak/check-flatpak.sh — what a user of the installed Flatpak relies on.
#
# Run by `build-aux/flatpak check` on the host, after it built and installed the
# app (FLATPAK_USER_DIR points at its private installation).  Everything runs in
# a private HOME, on a private Xvfb display and D-Bus session with a throw-away
# keyring and the host's portals, so nothing of the user's is read or written.
#
# Environment: APP_ID, VERSION (the project's), OUT (artifacts: the screenshot).
# Prints TAP lines, then "flatpak: N passed, M failed"; exits 1 if one failed.
set -uo pipefail

: "${APP_ID:?}" "${VERSION:?}" "${OUT:?}"
WINDOW_TITLE=${WINDOW_TITLE:-Byline}

if [ -z "${BYLINE_FLATPAK_CHECK_SESSION:-}" ]; then
  tmp=$(mktemp -d /tmp/byline-flatpak-check.XXXXXX)
  mkdir -p "$tmp/home" "$tmp/run"
  chmod 700 "$tmp/run"
  rc=0
  env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME \
      -u DBUS_SESSION_BUS_ADDRESS -u WAYLAND_DISPLAY -u DISPLAY \
    HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_CURRENT_DESKTOP=GNOME \
    XDG_DATA_DIRS="${FLATPAK_USER_DIR:-$HOME/.local/share/flatpak}/exports/share:/usr/local/share:/usr/share" \
    LANG=C.UTF-8 BYLINE_FLATPAK_CHECK_SESSION=1 \
    timeout 600 xvfb-run -a -s "-screen 0 1280x800x24" \
      dbus-run-session -- bash "$0" "$@" || rc=$?
  # the document portal keeps a FUSE mount in the runtime folder
  fusermount3 -u -z "$tmp/run/doc" 2>/dev/null || true
  rm -rf "$tmp" 2>/dev/null || true
  exit $rc
fi

passed=0 failed=0 n=0
ok() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check() { # check DESCRIPTION CMD...: ok if CMD succeeds
  local d=$1 out; shift
  if out=$("$@" 2>&1); then ok "$d"; else not_ok "$d" "$(printf '%s' "$out" | tail -n 15)"; fi
}
run_in() { flatpak run --command="$1" "$APP_ID" "${@:2}"; }

DATA=$HOME/.var/app/$APP_ID/data
echo "# HOME=$HOME"

# A keyring for the secret portal (gnome-keyring implements it, for GNOME).
echo -n byline-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true

# --- installation and permissions -------------------------------------------
check "the app is installed" flatpak info "$APP_ID"

perms=$(flatpak info --show-permissions "$APP_ID" 2>&1)
items() { sed -n "s/^$1=//p" <<<"$perms" | tr ';' '\n' | sed '/^$/d' | sort | tr '\n' ' '; }
expected_perms() {
  # flatpak writes x11 beside fallback-x11 for its older versions; it is not granted
  # when Wayland is there
  [ "$(items shared)" = "ipc network " ] \
    && [ "$(items sockets)" = "fallback-x11 wayland x11 " ] \
    && [ "$(items devices)" = "dri " ] \
    && ! grep -q '^filesystems=' <<<"$perms" \
    && ! grep -q '^\[.*Bus Policy\]' <<<"$perms"
}
if expected_perms; then ok "least privilege: network, ipc, wayland + fallback-x11, dri; no files, no bus names"
else not_ok "least privilege" "$perms"; fi

loc=$(flatpak info --show-location "$APP_ID" 2>/dev/null)
exported() {
  local f
  for f in share/applications/$APP_ID.desktop share/icons/hicolor/scalable/apps/$APP_ID.svg \
           share/icons/hicolor/symbolic/apps/$APP_ID-symbolic.svg share/dbus-1/services/$APP_ID.service; do
    [ -s "$loc/export/$f" ] || { echo "not exported: $f"; return 1; }
  done
  # flatpak-builder 1.2 moves the metainfo to the old appdata place; 1.4 keeps it
  [ -s "$loc/files/share/metainfo/$APP_ID.metainfo.xml" ] \
    || [ -s "$loc/files/share/appdata/$APP_ID.appdata.xml" ] || { echo "no metainfo"; return 1; }
  zcat "$loc/files/share/app-info/xmls/$APP_ID.xml.gz" | grep -q "<id>$APP_ID</id>" \
    || { echo "no composed AppStream catalog"; return 1; }
}
check "desktop file, icons, D-Bus service, metainfo and AppStream catalog are exported" exported

# --- the command-line tool --------------------------------------------------
cli_version() {
  local out
  out=$(run_in byline-cli --version) || return 1
  echo "$out"
  grep -qF "$VERSION" <<<"$out"
}
check "byline-cli --version runs in the sandbox and says $VERSION" cli_version

# --- drafts land in the app's own data folder -----------------------------
HEADLINE='Nậm Nhùn: mưa lũ gây sạt lở nhiều tuyến đường'
draft_saved() {
  run_in byline-cli new --headline "$HEADLINE" || return 1
  local f
  f=$(grep -rlF --include=draft.json "$HEADLINE" "$DATA/byline/drafts" 2>/dev/null | head -1)
  [ -n "$f" ] || { echo "no draft with the headline under $DATA/byline/drafts"; ls -R "$DATA" 2>&1 | head -20; return 1; }
  echo "saved: $f"
  [ ! -e "$HOME/.local/share/byline" ] || { echo "something wrote to the host's ~/.local/share/byline"; return 1; }
  run_in byline-cli list | grep -qF "$HEADLINE" || { echo "byline-cli list does not show it"; return 1; }
}
check "a draft saved in the sandbox lands in ~/.var/app/$APP_ID/data/byline/drafts" draft_saved

# --- files only through portals ---------------------------------------------
SECRET_TEXT='notes the app was never given'
printf '%s\n' "$SECRET_TEXT" > "$HOME/private-notes.txt"
home_hidden() {
  # the app's own way in: importing the file as a draft
  if run_in byline-cli import "$HOME/private-notes.txt" 2>&1; then
    echo "byline-cli imported ~/private-notes.txt"; return 1
  fi
  if run_in byline-cli list | grep -qF "$SECRET_TEXT"; then echo "a draft holds it"; return 1; fi
  if run_in cat "$HOME/private-notes.txt" 2>&1; then echo "the sandbox read ~/private-notes.txt"; return 1; fi
  # shellcheck disable=SC2016
  if run_in sh -c 'ls -A "$HOME"; ls -A /root /home 2>/dev/null' | grep -q private-notes; then
    echo "the sandbox sees ~/private-notes.txt"; return 1
  fi
  return 0
}
check "a file in \$HOME not handed over by a portal cannot be read" home_hidden

through_portal() {
  local doc id
  doc=$(flatpak document-export --app="$APP_ID" "$HOME/private-notes.txt") || return 1
  id=$(basename "$(dirname "$doc")")
  run_in cat "/run/flatpak/doc/$id/private-notes.txt" | grep -qxF "$SECRET_TEXT" || return 1
  # and the app imports it from there (a text file: its first line is the headline)
  run_in byline-cli import "/run/flatpak/doc/$id/private-notes.txt" || return 1
  run_in byline-cli list | grep -qF "$SECRET_TEXT" || { echo "no draft from the file"; return 1; }
}
check "the same file handed over by the document portal can be read and imported" through_portal

# Export of a story with pictures.  The file chooser portal hands over a file
# alone, and then the pictures' folder beside it cannot be made: the window
# asks for a folder instead (byline-window-actions.c).  Here a folder is handed
# over as that portal hands it (the document portal's AddFull with
# export-directory), and the export the window and byline-cli share writes the
# page and its pictures into it.
portal_folder() { # portal_folder DIR: the document id of DIR, exported to the app
  /usr/bin/python3 - "$1" "$APP_ID" <<'EOF'
import os, sys
import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib
path, app = sys.argv[1], sys.argv[2]
bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
fds = Gio.UnixFDList.new_from_array([os.open(path, os.O_PATH | os.O_CLOEXEC)])
REUSE_EXISTING, EXPORT_DIRECTORY = 1, 8
reply, _ = bus.call_with_unix_fd_list_sync(
    "org.freedesktop.portal.Documents", "/org/freedesktop/portal/documents",
    "org.freedesktop.portal.Documents", "AddFull",
    GLib.Variant("(ahusas)", ([0], REUSE_EXISTING | EXPORT_DIRECTORY, app, ["read", "write"])),
    GLib.VariantType("(asa{sv})"), Gio.DBusCallFlags.NONE, -1, fds, None)
print(reply.unpack()[0][0])
EOF
}
export_to_folder() {
  local story=$HOME/.var/app/$APP_ID/cache/check-story out=$HOME/Stories id doc page
  mkdir -p "$story" "$out"
  cp -r "$(dirname "$0")/../data/cli/story/." "$story/"
  id=$(run_in byline-cli import --json "$story/story.html" | sed -n 's/^ *"id" *: *"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || { echo "the story with a picture was not imported"; return 1; }
  doc=$(portal_folder "$out") || return 1
  page=/run/flatpak/doc/$doc/Stories/sat-lo.html
  # a file alone from the portal: the pictures' folder cannot be made
  run_in byline-cli export -f html -o "$page" "$id" || return 1
  [ -s "$out/sat-lo.html" ] || { echo "no page in the folder"; ls -la "$out"; return 1; }
  ls "$out/sat-lo-media" | grep -q '^[0-9a-f]\{64\}\.png$' \
    || { echo "no picture in sat-lo-media/"; ls -laR "$out"; return 1; }
  grep -q 'src="sat-lo-media/[0-9a-f]\{64\}\.png"' "$out/sat-lo.html" \
    || { echo "the page does not refer to its picture"; return 1; }
  echo "written: $(cd "$out" && find . -type f | sort | tr '\n' ' ')"
}
check "a story with a picture exports into a folder handed over by the document portal" export_to_folder

# Vietnamese text saved before Unicode is read through iconv (Windows-1258),
# which must be in the runtime; a Rich Text story opens.
old_texts() {
  local dir=$HOME/.var/app/$APP_ID/cache/check-old-texts data
  data=$(dirname "$0")/../data
  mkdir -p "$dir"
  cp "$data/cli/windows-1258.txt" "$data/rtf/cho-phien.rtf" "$dir/"
  run_in byline-cli show "$dir/windows-1258.txt" | grep -qF 'Mưa lớn kéo dài ở Lai Châu' \
    || { echo "windows-1258.txt is not read as Vietnamese"; run_in byline-cli show "$dir/windows-1258.txt"; return 1; }
  run_in byline-cli show "$dir/cho-phien.rtf" | grep -qF 'Chợ phiên' \
    || { echo "cho-phien.rtf is not read"; run_in byline-cli show "$dir/cho-phien.rtf"; return 1; }
}
check "Vietnamese saved in Windows-1258 (iconv in the runtime) and a Rich Text story open in the sandbox" old_texts

# An iPhone's photo (HEIC) in a story becomes a JPEG: libheif and its HEVC
# decoder must be in the runtime.
iphone_photo() {
  local dir=$HOME/.var/app/$APP_ID/cache/check-iphone shown
  mkdir -p "$dir"
  cp "$(dirname "$0")/../data/heif/portrait.heic" "$dir/IMG_0413.HEIC"
  printf '<h1>Ảnh iPhone</h1><p>(BLC) - Ảnh chụp bằng iPhone.</p><figure><img src="IMG_0413.HEIC">%s\n' \
    '<figcaption>Nhà sàn.</figcaption></figure>' > "$dir/story.html"
  shown=$(run_in byline-cli --json show "$dir/story.html") || return 1
  printf '%s' "$shown" | grep -q '"filename" *: *"IMG_0413.jpg"' \
    && printf '%s' "$shown" | grep -q '"media_type" *: *"image/jpeg"' \
    && printf '%s' "$shown" | grep -q '"height" *: *60' \
    || { echo "the iPhone photo is not a JPEG, turned"; printf '%s\n' "$shown"; return 1; }
}
check "an iPhone photo (HEIC) in a story becomes a JPEG in the sandbox" iphone_photo

# --- secrets through libsecret and the secret portal -------------------------
# libsecret's own code path inside the sandbox: the Sdk (--devel) has Python and
# the typelib, the sandbox and its portals are the app's.
SECRET_VALUE='mật-khẩu-ứng-dụng 9Fq2'
keyring() {
  flatpak run --devel --command=python3 "$APP_ID" - "$SECRET_VALUE" <<'EOF' || return 1
import sys, gi
gi.require_version("Secret", "1")
from gi.repository import Secret
schema = Secret.Schema.new("io.github.bylinenews.Byline.Check", Secret.SchemaFlags.NONE,
                           {"account": Secret.SchemaAttributeType.STRING})
assert Secret.password_store_sync(schema, {"account": "check"}, Secret.COLLECTION_DEFAULT,
                                  "Byline check", sys.argv[1], None)
got = Secret.password_lookup_sync(schema, {"account": "check"}, None)
assert got == sys.argv[1], got
print("stored and read back")
EOF
  local file=$DATA/keyrings/default.keyring
  [ -s "$file" ] || { echo "no encrypted keyring at $file: the secret portal was not used"; return 1; }
  if grep -qaF "$SECRET_VALUE" "$file"; then echo "the secret is in clear in $file"; return 1; fi
}
check "libsecret stores and reads a secret in the sandbox through the secret portal, encrypted" keyring

# --- Vietnamese spelling -------------------------------------------------------
# The dictionary the manifest ships in /app/share/hunspell, found by Enchant in
# the sandbox (the Sdk has Enchant's command-line tools).
spelling() {
  local dicts bad
  dicts=$(flatpak run --devel --command=enchant-lsmod-2 "$APP_ID" -list-dicts) || return 1
  grep -q '^vi_VN ' <<<"$dicts" || { echo "Enchant has no vi_VN: $dicts"; return 1; }
  run_in sh -c 'test -s /app/share/hunspell/vi_VN.dic' || { echo "not shipped in /app"; return 1; }
  bad=$(printf '%s\n' 'Mưa lũ gây sạt lở nhiều tuyến đường' | flatpak run --devel \
        --command=enchant-2 "$APP_ID" -d vi_VN -l) || return 1
  [ -z "$bad" ] || { echo "correct Vietnamese flagged: $bad"; return 1; }
  bad=$(printf '%s\n' 'Mưa lũ gây sạt lở nhìu tuyếng đường' | flatpak run --devel \
        --command=enchant-2 "$APP_ID" -d vi_VN -l) || return 1
  [ "$(echo $bad)" = "nhìu tuyếng" ] || { echo "misspellings not found: '$bad'"; return 1; }
}
check "Enchant in the sandbox spells Vietnamese with the dictionary the app ships" spelling

# --- the window -------------------------------------------------------------
wait_window() { # wait_window PID: prints the id of the app's visible window
  local wid i
  for i in $(seq 1 60); do
    wid=$(xdotool search --onlyvisible --name "$WINDOW_TITLE" 2>/dev/null | head -1)
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

window_shows() {
  local pid wid geometry
  flatpak run "$APP_ID" >"$OUT/app-run.log" 2>&1 &
  pid=$!
  if ! wid=$(wait_window $pid); then
    echo "no visible window named '$WINDOW_TITLE' within 30 s"; cat "$OUT/app-run.log"
    flatpak kill "$APP_ID" 2>/dev/null; return 1
  fi
  sleep 3 # let it draw
  geometry=$(xwininfo -id "$wid" | awk '/Width:/{w=$2} /Height:/{h=$2} END{print w "x" h}')
  echo "window $wid '$(xdotool getwindowname "$wid")' $geometry"
  import -window "$wid" "$OUT/screenshot.png"
  flatpak kill "$APP_ID" 2>/dev/null || kill $pid 2>/dev/null
  wait $pid 2>/dev/null
  [ "${geometry%x*}" -ge 360 ] && [ "${geometry#*x}" -ge 200 ] || { echo "window too small"; return 1; }
  # a drawn window, not a blank surface: its pixels vary
  local sd
  sd=$(identify -colorspace gray -format '%[fx:standard_deviation]' "$OUT/screenshot.png")
  echo "screenshot $OUT/screenshot.png, grey level deviation $sd"
  awk -v s="$sd" 'BEGIN { exit !(s > 0.05) }'
}
check "the window appears under Xvfb (screenshot kept)" window_shows

# D-Bus activation, as GNOME Shell starts a DBusActivatable app: the session bus
# runs the service file flatpak exported, and the app shows its window.
activation() {
  local wid
  gdbus call --session --dest "$APP_ID" --object-path "/${APP_ID//.//}" \
    --method org.freedesktop.Application.Activate '{}' || return 1
  if ! wid=$(wait_window $$); then echo "no window after Activate"; return 1; fi
  echo "window $wid '$(xdotool getwindowname "$wid")'"
  flatpak kill "$APP_ID" 2>/dev/null
  return 0
}
check "D-Bus activation starts the app in its sandbox and shows the window" activation

echo "flatpak: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
