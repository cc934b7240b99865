#!/usr/bin/env bash
# run-with-peer.sh PROGRAM [ARGS…] — runs a test program against a real WordPress
#
# Starts wordpress-peer.sh in a new temporary state dir, runs PROGRAM with
# WP_PEER_CREDENTIALS pointing at the peer's credentials.env, and stops the
# peer (MariaDB, PHP) whatever happens: success, failure, abort, or meson's
# SIGTERM at a timeout.  PROGRAM's exit status is this script's.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=$(mktemp -d "${TMPDIR:-/tmp}/byline-wp.XXXXXX") || exit 1
rmdir "$state"
export WP_PEER_STATE_DIR=$state
log=$(mktemp "${TMPDIR:-/tmp}/byline-wp-start.XXXXXX")
child=

stop() {
  [[ -n $child ]] && kill -TERM "$child" 2>/dev/null
  "$here/wordpress-peer.sh" stop >/dev/null 2>&1 || rm -rf -- "$state"
  rm -f -- "$log"
}
trap stop EXIT
trap 'exit 143' TERM INT HUP

started=$(date +%s%N)
if ! "$here/wordpress-peer.sh" start >/dev/null 2>"$log"; then
  cat "$log" >&2
  echo "1..1"
  echo "not ok 1 - the WordPress peer started (see its log on stderr)"
  exit 1
fi
echo "WordPress peer ready in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
export WP_PEER_CREDENTIALS=$state/credentials.env

"$@" &
child=$!
wait "$child"
status=$?
child=
exit "$status"
