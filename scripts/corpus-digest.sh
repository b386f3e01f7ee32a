#!/usr/bin/env bash
# A digest of whosaid's output over the shared corpora, to show that a change
# leaves the annotation as it was (or to describe how it changed).
#
# Builds the release binary, then runs
#   whosaid annotate -j 1 --format jsonl FILES
# from inside ../shared/corpus over the article texts of
#   polnear-train/text, reuters21578, bbc and trnews/text   (*.txt only;
# manifests, gold labels and READMEs are not articles),
# in sorted (C locale) order, with paths relative to ../shared/corpus, so the
# digest does not depend on where the checkout is (meta.source holds the path).
#
# Prints the sha256 of the whole output, and counts of documents, claims,
# speakers and countries. Exit 2 when the corpus is missing.
#
# Usage: scripts/corpus-digest.sh [--no-build] [--keep FILE]
#   --no-build   use target/release/whosaid as it is
#   --keep FILE  also write the whole output to FILE (to diff two runs)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${WHOSAID_CORPUS:-$root/../shared/corpus}"
folders=(polnear-train/text reuters21578 bbc trnews/text)

build=1
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0 ;;
        --keep) keep="$2"; shift ;;
        *) echo "usage: $0 [--no-build] [--keep FILE]" >&2; exit 64 ;;
    esac
    shift
done

if [ ! -d "$corpus" ]; then
    echo "corpus-digest: no corpus at $corpus (expected ../shared/corpus next to the checkout; or set WHOSAID_CORPUS)" >&2
    exit 2
fi
for folder in "${folders[@]}"; do
    if [ ! -d "$corpus/$folder" ]; then
        echo "corpus-digest: $corpus/$folder is missing" >&2
        exit 2
    fi
done
for tool in sha256sum jq; do
    command -v "$tool" >/dev/null || { echo "corpus-digest: needs $tool" >&2; exit 1; }
done

if [ "$build" = 1 ]; then
    (cd "$root" && cargo build --release --quiet --bin whosaid)
fi
bin="$root/target/release/whosaid"

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
cd "$corpus"
mapfile -t files < <(find "${folders[@]}" -maxdepth 1 -type f -name '*.txt' | LC_ALL=C sort)
if [ "${#files[@]}" -eq 0 ]; then
    echo "corpus-digest: no *.txt files under $corpus" >&2
    exit 2
fi
"$bin" annotate -j 1 --format jsonl "${files[@]}" >"$out"

digest="$(sha256sum "$out" | cut -d' ' -f1)"
counts="$(jq -s -r '"documents \(length)  claims \(map(.claims | length) | add)  speakers \(map(.speakers | length) | add)  countries \(map(.countries | length) | add)"' "$out")"
echo "files     ${#files[@]} (${folders[*]})"
echo "sha256    $digest"
echo "counts    $counts"
if [ -n "$keep" ]; then
    cp "$out" "$keep"
    echo "output    $keep"
fi
