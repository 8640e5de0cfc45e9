#!/usr/bin/env bash
# Opens 1 MB, 10 MB and 50 MB JSON documents with Hookbench's parser and tree view and with
# `jq . > /dev/null`, on the same files in the same run, one process per measurement, and prints
# wall time and peak RSS side by side.
#
#   tests/bench/json_bench.sh path/to/bench_json
#   BENCH_SIZES="1 10 50 50flat" (MB; "flat": one top-level array of numbers)  BENCH_REPEAT=3 (best of, defaults)
#
# Exit status: 0 when it ran, 2 when it could not. The targets (faster than jq, peak memory under
# 3x the payload) are reported, not asserted: machines vary too much for a pass/fail test.
set -euo pipefail

bench="${1:-}"
sizes="${BENCH_SIZES:-1 10 50 50flat}"
repeat="${BENCH_REPEAT:-3}"

die() { echo "json_bench: $*" >&2; exit 2; }

[[ -n "$bench" && -x "$bench" ]] || die "give the path of bench_json (cmake --build <dir> --target bench_json)"
command -v jq >/dev/null || die "jq is not installed (packaging/install-deps.sh --test)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is not installed (Debian: apt-get install time)"

work="$(mktemp -d "${TMPDIR:-/tmp}/hookbench-json-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

# Best (lowest) wall time of $repeat runs and the peak RSS of that run: "seconds kb".
# The first argument is where the command's output goes (jq's goes to /dev/null).
time_of() {
    local best="" line output="$1"
    shift
    for _ in $(seq 1 "$repeat"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$output" 2>"$work/err" \
            || { cat "$work/err" >&2; die "failed: $*"; }
        line="$(tail -n 1 "$work/time")"
        if [[ -z "$best" ]] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best="$line"
            [[ "$output" == /dev/null ]] || cp "$output" "$work/best_out"
        fi
    done
    echo "$best"
}

field() { # key, from the bench_json line in best_out
    sed -n "s/.* $1=\([^ ]*\).*/\1/p; s/^$1=\([^ ]*\).*/\1/p" "$work/best_out" | head -n 1
}

printf '%-9s %8s | %6s %6s %6s %6s %7s | %7s %8s %7s %7s | %7s %7s | %6s %6s %7s %7s %7s\n' \
    size nodes read parse view find open_ms held_MB parse_MB peak_MB proc_ms jq_ms jq_MB \
    open proc held/sz parse/sz peak/sz
for size in $sizes; do
    mb="${size%flat}"
    shape=""
    [[ "$size" == *flat ]] && shape=flat
    file="$work/bench_${size}.json"
    "$bench" generate $((mb * 1000 * 1000)) "$file" $shape || die "could not generate $file"
    bytes=$(stat -c %s "$file")
    jq -e . "$file" >/dev/null || die "jq rejects the generated $file"

    read -r ours_s ours_kb < <(time_of "$work/out" "$bench" measure "$file")
    read -r jq_s jq_kb < <(time_of /dev/null jq . "$file")

    awk -v mb="${mb}MB${shape:+-$shape}" -v nodes="$(field nodes)" -v read_ms="$(field read_ms)" \
        -v parse="$(field parse_ms)" -v view="$(field first_rows_ms)" -v find="$(field find_ms)" \
        -v hkb="$(field held_kb)" -v pkb="$(field parse_peak_kb)" -v os="$ours_s" -v okb="$ours_kb" -v js="$jq_s" \
        -v jkb="$jq_kb" -v bytes="$bytes" 'BEGIN {
        open_ms = read_ms + parse + view
        printf "%-9s %8d | %6d %6d %6d %6d %7d | %7.1f %8.1f %7.1f %7d | %7d %7.1f | %5.1fx %5.1fx %6.2fx %6.2fx %6.2fx\n",
            mb, nodes, read_ms, parse, view, find, open_ms, hkb / 1024, pkb / 1024,
            okb / 1024, os * 1000, js * 1000, jkb / 1024,
            (open_ms > 0 ? js * 1000 / open_ms : 0), (os > 0 ? js / os : 0),
            hkb * 1024 / bytes, pkb * 1024 / bytes, okb * 1024 / bytes
    }'
done
cat <<'NOTE'

read/parse/view/find (ms, measured inside bench_json): read the file, JsonTree::parse, model reset
plus the first screen of a QTreeView rendered offscreen, one find over every key and value.
open_ms = read + parse + view: what a user waits for in the running app. held_MB: what the
inspector keeps for the document (the file's bytes plus JsonTree::memoryUsage()). parse_MB: peak RSS
right after the parse, before Qt's GUI starts (file bytes + tree + process). peak_MB / proc_ms:
the whole bench_json process (also Qt's GUI start-up, about 30 MB, and the find), peak RSS and
wall time from /usr/bin/time. jq_ms / jq_MB: `jq . FILE > /dev/null`, same measure. open and
proc = jq time over ours (above 1: ours is faster); held/sz, parse/sz and peak/sz = those over
the file size (target under 3). MB = MiB. Best of BENCH_REPEAT runs; /usr/bin/time has 10 ms
resolution.
NOTE
