#!/bin/sh
# check-no-gtk.sh LIBBYLINE.a PROGRAM... — the core library stays GTK-free:
# it refers to no GTK, GDK or libadwaita symbol, its headers include none of
# them, and the programs built on it alone (tests, CLI) do not load them.
set -eu
lib=$1; shift
srcdir=$(dirname "$0")/../src/libbyline
status=0

if nm -u "$lib" | grep -E ' (gtk|gdk|adw|gsk)_' >/dev/null; then
  echo "FAIL: $lib refers to GTK symbols:"; nm -u "$lib" | grep -E ' (gtk|gdk|adw|gsk)_' | head
  status=1
fi
if grep -lE '#include *<(gtk|gdk|adwaita)' "$srcdir"/*.c "$srcdir"/*.h; then
  echo "FAIL: the files above include GTK headers"; status=1
fi
for prog in "$@"; do
  if ldd "$prog" | grep -E 'lib(gtk|gdk|adwaita)' >/dev/null; then
    echo "FAIL: $prog loads GTK:"; ldd "$prog" | grep -E 'lib(gtk|gdk|adwaita)'
    status=1
  fi
done
[ $status -eq 0 ] && echo "ok: libbyline and $# programs built on it are GTK-free"
exit $status
