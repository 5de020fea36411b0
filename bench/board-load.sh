#!/usr/bin/env bash
# The board under load: the figures of README "Performance", measured again.
#   bench/board-load.sh [ORDERS] [SECONDS]     (defaults: 500 orders, 60 s; PORT=7990 to change the port;
#                                              PHASES=screen measures only the board on screen)
# It builds release binaries, starts `ordertop sandbox serve --access-log` and `ordertop sandbox simulate`, then
#   1. runs `ordertop board` in tmux at 200x60 and reads its CPU time and RSS from /proc over SECONDS;
#   2. runs `ordertop board --json` against the same orders and reports, from the sandbox's access log and the
#      board's events, the most requests in any one second and the delay from a state change to the board showing it.
# Each board first waits WARMUP seconds (default: ORDERS/10 + 15), the time its tokens take at 10 requests a second.
# The JSON board then runs TAIL more seconds (default 150) so that state changes made near the end of the window
# are still seen: with 500 orders each order is read about every 80-100 s.
set -euo pipefail
orders=${1:-500}
seconds=${2:-60}
port=${PORT:-7990}
warmup=${WARMUP:-$((orders / 10 + 15))}
tail=${TAIL:-150}
cd "$(dirname "$0")/.."
swift build -c release --product ordertop >/dev/null
swift build -c release --product ordertop-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
echo "work files: $work"
cleanup() {
    tmux kill-session -t ordertop-load 2>/dev/null || true
    kill $(jobs -p) 2>/dev/null || true
}
trap cleanup EXIT
base=http://127.0.0.1:$port
"$bin/ordertop" sandbox serve --port "$port" --access-log "$work/access.log" >"$work/serve.out" 2>&1 &
for _ in $(seq 100); do grep -q "127.0.0.1:$port" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
"$bin/ordertop" sandbox simulate --base-url "$base" --orders "$orders" --speed 1 --orders-file "$work/orders.txt" >"$work/simulate.out" 2>&1 &
for _ in $(seq 600); do
    placed=$(grep -c . "$work/orders.txt" 2>/dev/null || true)
    [ "${placed:-0}" -ge "$orders" ] && break
    sleep 0.5
done
echo "$orders orders placed"

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }

# 1. The board on screen.
tmux new-session -d -s ordertop-load -x 200 -y 60 "$bin/ordertop board --base-url $base --orders $work/orders.txt --log-file $work/board.log"
sleep 1
# The board itself, not the shell tmux started it with.
pid=""
for _ in $(seq 50); do
    for candidate in $(pgrep -f "ordertop board --base-url $base --orders $work/orders.txt --log-file"); do
        [ "$(cat "/proc/$candidate/comm" 2>/dev/null)" = ordertop ] && pid=$candidate
    done
    [ -n "$pid" ] && break
    sleep 0.1
done
[ -n "$pid" ] || { echo "the board did not start"; exit 1; }
sleep "$warmup"
t0=$(ticks "$pid"); s0=$(date +%s.%N)
peak=0
for _ in $(seq "$seconds"); do sleep 1; r=$(rss "$pid"); [ "$r" -gt "$peak" ] && peak=$r; done
t1=$(ticks "$pid"); s1=$(date +%s.%N)
hz=$(getconf CLK_TCK)
awk -v t="$((t1 - t0))" -v hz="$hz" -v s0="$s0" -v s1="$s1" -v peak="$peak" 'BEGIN {
    printf "board on screen: CPU %.2f%% of one core over %.0f s, peak RSS %.1f MB\n", 100 * t / hz / (s1 - s0), s1 - s0, peak / 1024 }'
tmux send-keys -t ordertop-load q
sleep 1
tmux kill-session -t ordertop-load 2>/dev/null || true

[ "${PHASES:-both}" = screen ] && exit 0

# 2. The same board as JSON events, for the requests and the delay.
"$bin/ordertop" board --base-url "$base" --orders "$work/orders.txt" --json >"$work/events.jsonl" 2>"$work/board-json.err" &
json=$!
sleep "$warmup"
from=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
sleep "$seconds"
to=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
sleep "$tail"
kill "$json" 2>/dev/null || true
wait "$json" 2>/dev/null || true
"$bin/ordertop-bench" load-report --access-log "$work/access.log" --events "$work/events.jsonl" --from "$from" --to "$to"
