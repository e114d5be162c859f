#!/bin/sh
# Whole-process figures of an allocation-heavy program under pyrite and
# CPython, each with its small-object allocator and with PYTHONMALLOC=malloc:
# best wall time and user time of N runs, and peak RSS.
#
# Usage: benches/alloc_modes.sh [PYRITE] [SCRIPT] [ARG] [N]
#   defaults: target/release/pyrite ../shared/bench/bm_alloc_churn.py 200000 3
set -eu
pyrite=${1:-target/release/pyrite}
script=${2:-../shared/bench/bm_alloc_churn.py}
arg=${3:-200000}
runs=${4:-3}

measure() { # label, then the command
    label=$1
    shift
    best=""
    for _ in $(seq "$runs"); do
        line=$(/usr/bin/time -f "%e %U %M" "$@" 2>&1 >/dev/null | tail -n 1)
        wall=${line%% *}
        if [ -z "$best" ] || [ "$(echo "$wall < ${best%% *}" | bc)" = 1 ]; then
            best=$line
        fi
    done
    set -- $best
    printf '%-34s wall %6ss  user %6ss  max RSS %8s kB\n' "$label" "$1" "$2" "$3"
}

measure "pyrite (pymalloc)" "$pyrite" "$script" "$arg"
measure "pyrite PYTHONMALLOC=malloc" env PYTHONMALLOC=malloc "$pyrite" "$script" "$arg"
measure "python3 (pymalloc)" python3 "$script" "$arg"
measure "python3 PYTHONMALLOC=malloc" env PYTHONMALLOC=malloc python3 "$script" "$arg"
