#!/usr/bin/env bash
# Annotation time and peak memory on pathological inputs at 1×, 10× and
# 100×: a story (the bundled one repeated), one long paragraph, one-word
# lines, unbalanced quote marks. Inputs are made in a temporary folder and
# deleted afterwards; nothing big is ever committed.
#
#   bash benches/scaling.sh            # builds the release binary first
#
# Prints: shape, size, bytes, seconds, peak RSS (MB), and what the input
# adds to the peak over a one-sentence story's, as a multiple of its size.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/whosaid"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" <<'PY'
import sys
out = sys.argv[1]
story = open("assets/stories/2025-12-16-berlin-security-guarantees.txt", encoding="utf-8").read()
prose = " ".join(p.strip() for p in story.split("\n\n"))
words = ["harbour", "said", "Poland", "“", "minister", "Ana", "ferry", "”"]
marks = ['"', "“", '"', "«"]
def write(name, text):
    with open(f"{out}/{name}.txt", "w", encoding="utf-8") as f:
        f.write(text)
for scale, label in [(1, "1x"), (10, "10x"), (100, "100x")]:
    write(f"story-{label}", "\n\n".join([story] * (1_000_000 * scale // len(story) + 1)))
    write(f"paragraph-{label}", (prose + " ") * (50_000 * scale // len(prose) + 1))
    write(f"lines-{label}", "".join(words[i % 8] + "\n" for i in range(2_000 * scale)))
    write(f"quotes-{label}", "".join(marks[i % 4] + ("We said " if i % 7 == 0 else "word ") for i in range(1_000 * scale)))
PY

# The constant: a one-sentence story, which loads every lexicon and gazetteer.
echo 'The mayor of Lisbon said the ferry would run.' > "$dir/sentence.txt"
/usr/bin/time -f '%M' -o "$dir/time" "$bin" annotate --format jsonl -j 1 "$dir/sentence.txt" > /dev/null
base_kb=$(cat "$dir/time")
printf 'one sentence peaks at %.1f MB\n' "$(awk -v k="$base_kb" 'BEGIN { print k / 1024 }')"
printf '%-10s %-5s %12s %9s %9s %9s\n' shape size bytes seconds peak_MB added/in
for shape in story paragraph lines quotes; do
    for size in 1x 10x 100x; do
        file="$dir/$shape-$size.txt"
        bytes=$(stat -c %s "$file")
        /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" annotate --format jsonl -j 1 "$file" > /dev/null
        read -r seconds kb < "$dir/time"
        awk -v s="$shape" -v z="$size" -v b="$bytes" -v t="$seconds" -v k="$kb" -v base="$base_kb" \
            'BEGIN { printf "%-10s %-5s %12d %9.2f %9.1f %9.2f\n", s, z, b, t, k / 1024, (k - base) * 1024 / b }'
    done
done
