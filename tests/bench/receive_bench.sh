#!/usr/bin/env bash
# Receive-and-store throughput of `hookbench-cli serve` against nginx answering 204, measured with
# the same wrk settings on the same machine in the same run. Afterwards every acknowledged (2xx)
# request must be in the store with its exact body.
#
#   tests/bench/receive_bench.sh [path/to/hookbench-cli]
#   BENCH_THREADS=1 BENCH_CONNECTIONS=32 BENCH_DURATION=10s BENCH_NGINX_WORKERS=1 (defaults)
#
# Exit status: 0 when every acknowledged request is stored, 1 when one is missing (or a stored body
# differs), 2 when the benchmark could not run. The 0.5x-of-nginx target is reported, not asserted:
# machines vary too much for a throughput number to be a pass/fail test.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="${1:-${HOOKBENCH_CLI:-}}"
threads="${BENCH_THREADS:-1}"
connections="${BENCH_CONNECTIONS:-32}"
duration="${BENCH_DURATION:-10s}"
nginx_workers="${BENCH_NGINX_WORKERS:-1}"
body_template="$here/webhook_body.json"

die() { echo "receive_bench: $*" >&2; exit 2; }

if [[ -z "$cli" ]]; then
    for candidate in "$here/../../build/app/hookbench-cli" "$(command -v hookbench-cli || true)"; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then cli="$candidate"; break; fi
    done
fi
[[ -n "$cli" && -x "$cli" ]] || die "give the path of hookbench-cli (argument or HOOKBENCH_CLI)"
command -v wrk >/dev/null || die "wrk is not installed (Debian: apt-get install wrk)"
nginx="$(command -v nginx || true)"
[[ -n "$nginx" ]] || { [[ -x /usr/sbin/nginx ]] && nginx=/usr/sbin/nginx; } \
    || die "nginx is not installed (Debian: apt-get install nginx-light)"
command -v python3 >/dev/null || die "python3 is needed to check the store"

work="$(mktemp -d "${TMPDIR:-/tmp}/hookbench-bench.XXXXXX")"
nginx_pid=""
server_pid=""
cleanup() {
    # Only the processes this script started, by their pids.
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_port() { # port pid name [log]
    for _ in $(seq 1 200); do
        if ! kill -0 "$2" 2>/dev/null; then
            [[ -n "${4:-}" ]] && cat "$4" >&2
            die "$3 exited during start-up"
        fi
        # A bare connect, no request: nothing gets stored by the probe.
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.05
    done
    die "$3 did not start listening on port $1"
}

run_wrk() { # url name
    wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/webhook_post.lua" "$1" \
        -- "$body_template" >"$work/wrk-$2.txt" 2>&1 || { cat "$work/wrk-$2.txt" >&2; die "wrk failed against $2"; }
    grep '^BENCH ' "$work/wrk-$2.txt" || { cat "$work/wrk-$2.txt" >&2; die "no summary from wrk against $2"; }
}

# CPU time (user + system, all threads) of the given processes, in clock ticks.
cpu_ticks() {
    local total=0 pid
    local -a stat
    for pid in "$@"; do
        read -r -a stat < <(sed 's/.*) //' "/proc/$pid/stat")
        total=$((total + stat[11] + stat[12]))
    done
    echo "$total"
}

field() { # line key
    sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"
}

# nginx: its own prefix and config, in the foreground, on a loopback port; no access log, since
# the point is the cost of answering, and one worker process unless told otherwise.
nginx_port="$(free_port)"
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes $nginx_workers;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/client_body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { return 204; }
    }
}
EOF
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" \
    -g 'daemon off;' &
nginx_pid=$!
wait_for_port "$nginx_port" "$nginx_pid" nginx

server_port="$(free_port)"
database="$work/bench.sqlite"
"$cli" serve --listen "127.0.0.1:$server_port" --db "$database" >"$work/serve.log" 2>&1 &
server_pid=$!
wait_for_port "$server_port" "$server_pid" "hookbench-cli serve" "$work/serve.log"

echo "wrk -t$threads -c$connections -d$duration, POST $(wc -c <"$body_template") byte JSON bodies, each with a unique id"
echo "nginx $("$nginx" -v 2>&1 | sed 's/.*nginx\///'): worker_processes $nginx_workers, return 204, access_log off"
echo "hookbench-cli serve: one network thread + one SQLite writer thread, WAL, synchronous=NORMAL, 2xx after commit"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

nginx_pids=("$nginx_pid" $(pgrep -P "$nginx_pid"))
nginx_cpu_before="$(cpu_ticks "${nginx_pids[@]}")"
nginx_line="$(run_wrk "http://127.0.0.1:$nginx_port/hooks/bench" nginx)"
nginx_cpu=$(($(cpu_ticks "${nginx_pids[@]}") - nginx_cpu_before))
kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
ours_cpu_before="$(cpu_ticks "$server_pid")"
ours_line="$(run_wrk "http://127.0.0.1:$server_port/hooks/bench" hookbench)"
ours_cpu=$(($(cpu_ticks "$server_pid") - ours_cpu_before))

# A clean stop; every 2xx was already committed, so this adds nothing the check relies on.
kill -TERM "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

nginx_rps="$(field "$nginx_line" rps)"
ours_rps="$(field "$ours_line" rps)"
ratio="$(python3 -c "print(f'{$ours_rps / $nginx_rps:.2f}' if $nginx_rps > 0 else 'n/a')")"
ms() { python3 -c "print(f'{$1 / 1000:.2f}')"; }

ticks_per_second="$(getconf CLK_TCK)"
# Server CPU per request: when wrk itself is the bottleneck both rates converge, and this column
# still tells how much work each server does for a request.
cpu_per_request() { # ticks requests
    python3 -c "print(f'{$1 / $ticks_per_second * 1e6 / max($2, 1):.0f}')"
}
printf '%-28s %12s %9s %9s %9s %8s %10s\n' "server" "requests/s" "p50 ms" "p99 ms" "2xx" "non-2xx" \
    "CPU us/req"
for name in nginx hookbench; do
    if [[ "$name" == nginx ]]; then
        line="$nginx_line" cpu="$nginx_cpu" label="nginx (204, $nginx_workers worker(s))"
    else
        line="$ours_line" cpu="$ours_cpu" label="hookbench-cli serve"
    fi
    printf '%-28s %12.0f %9s %9s %9s %8s %10s\n' "$label" "$(field "$line" rps)" \
        "$(ms "$(field "$line" p50_us)")" "$(ms "$(field "$line" p99_us)")" \
        "$(field "$line" acknowledged)" "$(field "$line" other)" \
        "$(cpu_per_request "$cpu" "$(field "$line" requests)")"
done
target_met="$(python3 -c "print('met' if $ours_rps >= 0.5 * $nginx_rps else 'NOT met')")"
echo "ratio hookbench/nginx: $ratio (target >= 0.50: $target_met)"
echo

acknowledged="$(field "$ours_line" acknowledged)"
sent="$(field "$ours_line" sent)"
status=0
python3 "$here/verify_store.py" "$database" "$body_template" "$acknowledged" "$sent" || status=1

# The CLI must read the same rows: the newest one, through `list` and `show`.
newest="$("$cli" list --json --limit 1 --db "$database" \
    | python3 -c 'import json, sys; rows = json.load(sys.stdin); print(rows[0]["id"] if rows else "")')"
if [[ -n "$newest" ]]; then
    "$cli" show "$newest" --json --db "$database" | python3 -c '
import base64, json, sys
row = json.load(sys.stdin)
bench_id = next(value for name, value in row["headers"] if name.lower() == "x-bench-id")
expected = open(sys.argv[1], "rb").read().replace(b"{{ID}}", bench_id.encode())
ok = base64.b64decode(row["body_base64"]) == expected
verdict = "matches" if ok else "DIFFERS"
row_id = row["id"]
print(f"CLI show {row_id}: X-Bench-Id {bench_id}, body {verdict} the one sent")
sys.exit(0 if ok else 1)' "$body_template" || status=1
elif [[ "$acknowledged" -gt 0 ]]; then
    echo "CLI list shows no rows although $acknowledged requests were acknowledged"
    status=1
fi
exit "$status"
