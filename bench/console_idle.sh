#!/usr/bin/env bash
# Measures the real console: time from launch to the first complete frame, and the CPU an idle console
# uses over a period (default 60 s). Runs the binary in tmux with its own state folder.
#   bench/console_idle.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
drc=$PWD/build/tui/drconsole
[[ -x "$drc" ]] || { echo "build first: cmake --build build" >&2; exit 2; }
state=$(mktemp -d)
sock=drc-bench-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$state"' EXIT
XDG_STATE_HOME=$state USER=bench "$drc" declare examples/runbooks/payments-db-failover.md -s 1 -e prod >/dev/null 2>&1

start=$(date +%s%N)
tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 \
  "env XDG_STATE_HOME=$state USER=bench $drc run --incident primary"
until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q "q quit"; do sleep 0.002; done
first=$(( ($(date +%s%N) - start) / 1000000 ))
echo "launch to first complete frame: ${first} ms (includes tmux start and 2 ms polling)"

pid=$(tmux -L "$sock" list-panes -F '#{pane_pid}')
ticks=$(getconf CLK_TCK)
read_cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=$(read_cpu "$pid")
sleep "$seconds"
after=$(read_cpu "$pid")
used=$(( after - before ))
awk -v t="$used" -v hz="$ticks" -v s="$seconds" \
  'BEGIN { printf "idle console over %d s: %.2f s CPU (%.3f %% of one core)\n", s, t/hz, 100*t/hz/s }'
