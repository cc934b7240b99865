#!/bin/sh
# check-po.sh SRCDIR — the translations are complete
#
# 1. Every source file with user-visible strings (_(), N_(), C_(), ngettext,
#    g_dngettext, translatable="yes") is listed in po/POTFILES.in.
# 2. A template extracted from POTFILES.in as `meson compile byline-pot` does
#    (the glib preset) has no message that a language of po/LINGUAS lacks, and
#    those catalogs have no fuzzy or untranslated message and pass msgfmt --check.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

cd "$src"
grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d' | sort > "$tmp/listed"
{
  grep -lE '(^|[^a-zA-Z_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2) *\(' \
    src/byline/*.c src/libbyline/*.c src/cli/*.c 2>/dev/null || true
  grep -l 'translatable="yes"' src/byline/*.ui 2>/dev/null || true
} | sort -u > "$tmp/with-strings"
missing=$(comm -23 "$tmp/with-strings" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "not in po/POTFILES.in, but with translatable strings:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
for f in $(cat "$tmp/listed"); do
  [ -e "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done

xgettext --package-name=byline --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  -D "$src" -f po/POTFILES.in -o "$tmp/byline.pot" 2> "$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log"; exit 1; }

for lang in $(grep -v '^#' po/LINGUAS); do
  po=po/$lang.po
  if ! msgcmp "$po" "$tmp/byline.pot" 2> "$tmp/msgcmp.log"; then
    echo "$po lacks messages of the sources:"
    sed 's/^/  /' "$tmp/msgcmp.log" | head -40
    status=1
  fi
  msgfmt --check --statistics -o /dev/null "$po" 2> "$tmp/stats" || { cat "$tmp/stats"; status=1; }
  echo "$po: $(cat "$tmp/stats")"
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when anything is left.
  if [ "$fuzzy" -gt 0 ] || [ "$untranslated" -gt 0 ]; then
    echo "$po: fuzzy or untranslated messages:"
    { msgattrib --only-fuzzy --no-obsolete "$po"; msgattrib --untranslated --no-obsolete "$po"; } \
      | grep -A1 '^msgid ' | grep -v '^msgid ""$' | head -40 | sed 's/^/  /'
    status=1
  fi
done
exit $status
