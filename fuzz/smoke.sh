#!/usr/bin/env bash
# A short run of each fuzz target (30 s by default; FUZZ_SECONDS=n to
# change), from the committed seeds, in a throwaway corpus. `.ci/run` calls
# it. Skips cleanly when `cargo fuzz` is not installed or the toolchain
# does not accept the unstable flags it needs (it runs on stable with
# RUSTC_BOOTSTRAP=1); fails on a crash, a leak or a timeout.
#
# Long runs: RUSTC_BOOTSTRAP=1 cargo fuzz run -O <target> corpus/<target> seeds/<target> -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-30}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    # CI installs it (.ci/run): there a missing cargo fuzz is a failure.
    if [ -n "${CI:-}" ]; then
        echo "fuzz smoke: cargo fuzz is not installed (cargo install cargo-fuzz)"
        exit 1
    fi
    echo "fuzz smoke: skipped (cargo fuzz is not installed: cargo install cargo-fuzz)"
    exit 0
fi
export RUSTC_BOOTSTRAP=1
if ! rustc -Z unstable-options --print sysroot >/dev/null 2>&1; then
    echo "fuzz smoke: skipped (this toolchain refuses -Z flags)"
    exit 0
fi

log="$(mktemp)"
trap 'rm -rf "$log" "${corpus:-}"' EXIT
echo "fuzz smoke: building the targets"
cargo fuzz build -O >"$log" 2>&1 || { cat "$log"; exit 1; }
for target in load_annotate reader state_file; do
    corpus="$(mktemp -d)"
    if ! cargo fuzz run -O "$target" "$corpus" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1; then
        grep -v '^#[0-9]' "$log" | tail -60
        echo "fuzz smoke: $target FAILED (the input is in fuzz/artifacts/$target)"
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz smoke: $target: $runs runs in ${seconds} s ($rate/s), no crash"
    rm -rf "$corpus"
done
