#!/bin/bash
# bench-startup.sh — cold start to a visible window: Byline against a bare
# AdwApplicationWindow (hello-adw) and GNOME Text Editor, measured the same way.
#
# Usage: bench-startup.sh XMAPWAIT HELLO BYLINE [RUNS]
#
# Each run starts the program as a new process, in a private HOME and XDG
# folders with settings in memory (a new user: no session to restore), and
# xmapwait times it from exec to the first mapped X11 window whose title names
# it, and to the first frame the program draws into that window: the window
# is visible then, not at the map (GTK maps its window first, then lays it out
# and draws it). The programs take turns (A B C, B C A, C A B, …) so that a
# slow moment of the machine falls on all of them; for both ends, medians and
# the median of the rounds' ratios to hello-adw are printed, with the CPU time
# to the first frame, and PASS/FAIL against the goal (Byline's first frame
# ≤ 1.2× hello-adw's); exit 1 on FAIL. hello-adw runs a second time at
# Byline's window size, and Byline's ratio to that is printed beside the goal's.
# Run under xvfb-run and dbus-run-session (build-aux/dev benchmark startup).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

[ $# -ge 3 ] || { echo "usage: $0 XMAPWAIT HELLO BYLINE [RUNS]" >&2; exit 2; }
xmapwait=$1 hello=$2 byline=$3 runs=${4:-15}
goal=1.2

[ -n "${DISPLAY:-}" ] || { echo "bench-startup: no X display (run it under xvfb-run)" >&2; exit 2; }

# hello-adw's window is 800 × 500, Byline's (a new user's) larger: the goal is
# judged against the bare window as it is, and the same bare window at Byline's
# size is measured too, to tell what the larger window costs (more pixels to
# fill and draw) apart from what Byline itself does.
byline_size=$(GSETTINGS_BACKEND=memory gsettings get io.github.bylinenews.Byline window-width)x$(
              GSETTINGS_BACKEND=memory gsettings get io.github.bylinenews.Byline window-height) ||
  { echo "bench-startup: cannot read Byline's window size (GSETTINGS_SCHEMA_DIR?)" >&2; exit 2; }
names=(hello-adw byline "hello-adw ${byline_size}")
titles=(Hello Byline Hello)
commands=("$hello" "$byline" "env BYLINE_BENCH_HELLO_SIZE=$byline_size $hello")
same_size=2
if command -v gnome-text-editor >/dev/null; then
  names+=(gnome-text-editor)
  titles+=("Text Editor")
  commands+=("gnome-text-editor --ignore-session --new-window")
else
  echo "# gnome-text-editor is not installed: measuring without it"
fi
n=${#names[@]}

work=$(mktemp -d "${TMPDIR:-/tmp}/byline-bench-startup-XXXXXX")
trap 'rm -rf "$work"' EXIT
declare -A times drawn cpus paired paired_drawn

# One new user for every run: the warm-up runs leave the caches any user has
# after a first start (fontconfig, Mesa's shaders), and no program keeps
# anything else there that a later run would find (the settings are in memory,
# and the programs are killed, not quit, so they save no session).
home=$work/home
mkdir -p "$home"/{data,config,cache,state,run}
chmod 700 "$home/run"

run_one() { # INDEX: prints "MAP DRAWN CPU" milliseconds, or nothing on a timeout
  local i=$1 out
  # shellcheck disable=SC2086
  out=$(env HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
          XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" XDG_RUNTIME_DIR="$home/run" \
          GDK_BACKEND=x11 GSETTINGS_BACKEND=memory \
          "$xmapwait" 20000 "${titles[$i]}" -- ${commands[$i]} 2>/dev/null | tr '\n' ' ') || true
  [[ $out =~ cpu=([0-9]+)\ ms=([0-9]+)\ drawn=([0-9]+) ]] &&
    echo "${BASH_REMATCH[2]} ${BASH_REMATCH[3]} ${BASH_REMATCH[1]}"
}

# A first start of each warms the page cache, as any start but the first after boot.
for ((i = 0; i < n; i++)); do run_one "$i" >/dev/null || true; done

for ((r = 0; r < runs; r++)); do
  line="run $((r + 1)):"
  for ((k = 0; k < n; k++)); do
    i=$(((r + k) % n))
    if out=$(run_one "$i") && [ -n "$out" ]; then
      read -r ms shown cpu <<<"$out"
      times[$i]+="$ms "
      drawn[$i]+="$shown "
      cpus[$i]+="$cpu "
      paired[$r,$i]=$ms
      paired_drawn[$r,$i]=$shown
      line+=" ${names[$i]}=${ms}/${shown}(cpu ${cpu})"
    else
      line+=" ${names[$i]}=timeout"
    fi
    sleep 0.2
  done
  echo "# $line"
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "NA"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

declare -A med med_drawn medcpu
for ((i = 0; i < n; i++)); do
  med[$i]=$(echo "${times[$i]:-}" | median)
  med_drawn[$i]=$(echo "${drawn[$i]:-}" | median)
  medcpu[$i]=$(echo "${cpus[$i]:-}" | median)
  count=$(echo "${times[$i]:-}" | wc -w)
  [ "$count" -ge $((runs / 2 + 1)) ] || { echo "bench-startup: ${names[$i]} showed no window in most runs" >&2; exit 1; }
done

# The ratio is the median of each round's ratio: the machine's speed drifts
# (the same program can take 280 ms for a minute and 360 ms the next), and
# a round's three starts are seconds apart, so its ratio is what drifts least.
paired_ratio() { # TABLE INDEX [BASELINE INDEX, hello-adw by default]
  local -n table=$1
  local r list="" base=${3:-0}
  for ((r = 0; r < runs; r++)); do
    [ -n "${table[$r,$2]:-}" ] && [ -n "${table[$r,$base]:-}" ] &&
      list+="$(awk -v a="${table[$r,$2]}" -v b="${table[$r,$base]}" 'BEGIN {printf "%.4f", a / b}') "
  done
  echo "$list" | median | awk '{printf "%.2f", $1}'
}

status=0
printf '\n%-22s %10s %12s %10s %12s %9s  %s\n' "cold start" "map, ms" "× hello-adw" "frame, ms" "× hello-adw" "cpu ms" "goal (frame)"
for ((i = 0; i < n; i++)); do
  ratio_map=$(paired_ratio paired "$i")
  ratio=$(paired_ratio paired_drawn "$i")
  verdict=""
  if [ "${names[$i]}" = byline ]; then
    if awk -v r="$ratio" -v g="$goal" 'BEGIN {exit !(r <= g)}'; then verdict="≤ ${goal}×: PASS"
    else verdict="≤ ${goal}×: FAIL"; status=1; fi
  fi
  printf '%-22s %10s %11s× %10s %11s× %9s  %s\n' "${names[$i]}" "${med[$i]}" "$ratio_map" "${med_drawn[$i]}" "$ratio" "${medcpu[$i]}" "$verdict"
done
printf '\nbyline ÷ hello-adw at the same size (%s): %s× to the map, %s× to the first frame\n' \
  "$byline_size" "$(paired_ratio paired 1 "$same_size")" "$(paired_ratio paired_drawn 1 "$same_size")"
echo "($runs interleaved runs each; renderer: ${GSK_RENDERER:-the default}; map: the"
echo " window mapped; frame: its first frame drawn, the window visible; ms: medians;"
echo " × hello-adw: median of the rounds' ratios; cpu ms: time all the program's"
echo " threads ran until the first frame, median)"
exit $status
