#!/usr/bin/env bash
# The reader on 10,000 stories in a real terminal (tmux 160x45): time to the
# first list frame, time until every story is annotated, and peak memory.
#
# The stories are the shared corpora (/work/shared/corpus), copied round-robin
# into a temporary folder at run time and deleted after; nothing of them is
# kept. Skips when the corpora or tmux are missing.
#
#   cargo build --release && scripts/library-10k.sh [target/release/whosaid]
set -euo pipefail
BIN=$(realpath "${1:-target/release/whosaid}")
CORPUS=${WHOSAID_CORPUS:-/work/shared/corpus}
COUNT=${COUNT:-10000}
if [ ! -d "$CORPUS" ] || ! command -v tmux >/dev/null; then
    echo "skipped: needs $CORPUS and tmux"
    exit 0
fi
WORK=$(mktemp -d)
SOCKET="whosaid-10k-$$"
cleanup() { tmux -L "$SOCKET" kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

mapfile -t FILES < <(find "$CORPUS" -name '*.txt' -type f | sort)
for ((i = 0; i < COUNT; i++)); do
    dir="$WORK/lib/$((i / 1000))"
    mkdir -p "$dir"
    cp "${FILES[i % ${#FILES[@]}]}" "$dir/$i.txt"
done
echo "$COUNT stories, $(du -sh --apparent-size "$WORK/lib" | cut -f1) of text, from ${#FILES[@]} files"

tmux -L "$SOCKET" -f /dev/null new-session -d -x 160 -y 45 -s m sh
sleep 0.3
start=$(date +%s.%N)
tmux -L "$SOCKET" send-keys -t m \
    "WHOSAID_CONFIG_DIR=$WORK/config WHOSAID_STATE_DIR=$WORK/state $BIN $WORK/lib" Enter
first=""
while true; do
    screen=$(tmux -L "$SOCKET" capture-pane -p -t m)
    now=$(date +%s.%N)
    # A story row with the cursor: the list is on screen.
    if [ -z "$first" ] && grep -q '^│▌ ' <<<"$screen"; then
        first=$(echo "$now - $start" | bc)
        echo "first list frame after ${first}s"
    fi
    # The status bar says "N stories" (no more "Annotating") once all are done.
    if grep -qE '^ [0-9,]+ stories ' <<<"$screen"; then
        echo "all annotated after $(echo "$now - $start" | bc)s"
        break
    fi
    if (($(echo "$now - $start > 120" | bc))); then
        echo "timed out"; echo "$screen"; exit 1
    fi
    sleep 0.02
done
pid=$(pgrep -n -f "$BIN $WORK/lib")
grep -E 'VmHWM' "/proc/$pid/status" | sed 's/VmHWM:/peak memory (VmHWM):/'
tmux -L "$SOCKET" send-keys -t m q
sleep 0.5
