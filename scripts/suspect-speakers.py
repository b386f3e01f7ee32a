#!/usr/bin/env python3
"""Counts speakers of kind `person` whose name cannot be a person's name.

Runs `whosaid annotate --format jsonl` over the .txt files of the folders
given, then flags each person speaker whose name holds:

  pronoun      a personal pronoun ("He Said", "Officials Told Him")
  contraction  a contraction ("Don't", "It's")
  gerund       a word ending in -ing that starts the name ("Looking Ahead")
  lower        a lower-case word that is not a name particle ("Maria said")
  verb         a cue verb of saying ("Ruiz Says")
  place        a country, capital or other gazetteer name ("Danish Industry")
  org          an institution's head noun ("Riverton Council")

A name made only of titles, places and institutions ("Treasury Secretary",
"Scottish Finance Minister") names a person by role, not by name: such
speakers are counted apart, as "role only".

The vocabularies are the project's own (assets/lexicon, assets/gazetteer),
so the script checks the annotator against its own word lists. Prints the
count per reason and, with --show N, N flagged names per reason.

Usage: scripts/suspect-speakers.py [--binary PATH] [--show N] FOLDER...
Example (from the repository root):
  scripts/suspect-speakers.py ../shared/corpus/bbc ../shared/corpus/reuters21578
"""

import argparse
import collections
import glob
import json
import os
import re
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRONOUNS = {"i", "me", "he", "him", "she", "her", "we", "us", "they", "them", "it", "you"}


def rows(path):
    """The first column of a TSV list, comment lines skipped."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def vocabulary():
    lexicon = os.path.join(ROOT, "assets", "lexicon")
    gazetteer = os.path.join(ROOT, "assets", "gazetteer")
    particles = {r[0] for r in rows(os.path.join(lexicon, "name_particles.tsv"))}
    suffixes = {r[0].lower() for r in rows(os.path.join(lexicon, "name_suffixes.tsv"))}
    cues = {r[0] for r in rows(os.path.join(lexicon, "cue_verbs.tsv")) if " " not in r[0]}
    heads = {
        r[0]
        for r in rows(os.path.join(lexicon, "organizations.tsv"))
        if len(r) > 1 and r[1] == "head"
    }
    # Every capitalized field of the gazetteer's lists of countries, other
    # names, seats and demonyms (codes and flags are short or lower case).
    places = set()
    for name in ("countries.tsv", "names.tsv", "seats.tsv", "demonyms.tsv"):
        for r in rows(os.path.join(gazetteer, name)):
            places.update(f for f in r if len(f) > 3 and f[0].isupper())
    # Titles and their modifiers ("Prime", "Deputy"), lower case.
    titles = {r[0].lower() for r in rows(os.path.join(lexicon, "titles.tsv")) if r[1] != "honorific"}
    return particles, suffixes, cues, heads, places, titles


def reasons(name, vocab):
    particles, suffixes, cues, heads, places, titles = vocab
    words = re.findall(r"[\w'’.-]+", name)
    role_words = titles | heads | {p.lower() for p in places} | {"of", "the", "and"}
    if words and all(w.lower() in role_words or w.lower().split("-")[-1] in role_words for w in words):
        return ["role only"]
    found = []
    lowers = [w.lower() for w in words]
    if any(w in PRONOUNS for w in lowers):
        found.append("pronoun")
    if any(re.search(r"(n[’']t|[’'](re|ll|ve|d|m))$", w.lower()) for w in words):
        found.append("contraction")
    if words and words[0].lower().endswith("ing") and len(words[0]) > 5:
        found.append("gerund")
    # "al-Sabah": a particle joined to a name by a hyphen is a name.
    def particle(w):
        return w.lower() in particles or w.split("-")[0].lower() in particles

    if any(w[0].islower() and not particle(w) and w.lower() not in suffixes for w in words if w[0].isalpha()):
        found.append("lower")
    if any(w in cues for w in lowers[1:]):
        found.append("verb")
    # "Pablo de la Madrid": a place's name after a particle is a surname.
    phrases = {
        " ".join(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, min(i + 4, len(words)) + 1)
        if not (i > 0 and particle(words[i - 1]))
    }
    if phrases & places:
        found.append("place")
    if any(w in heads for w in lowers):
        found.append("org")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "whosaid"))
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    files = sorted(
        f
        for d in args.folders
        for f in glob.glob(os.path.join(d, "*.txt"))
        if os.path.basename(f) != "README.txt"
    )
    if not files:
        sys.exit("no .txt files in " + " ".join(args.folders))
    out = subprocess.run(
        [args.binary, "annotate", "--format", "jsonl", *files],
        check=False,
        capture_output=True,
        text=True,
    ).stdout
    vocab = vocabulary()
    people = 0
    flagged = collections.defaultdict(list)
    for line in out.splitlines():
        document = json.loads(line)
        for speaker in document.get("speakers", []):
            if speaker["kind"] != "person":
                continue
            people += 1
            for reason in reasons(speaker["name"], vocab):
                flagged[reason].append(speaker["name"])
    names = {n for reason, found in flagged.items() if reason != "role only" for n in found}
    print(f"documents {len(out.splitlines())}  person speakers {people}  suspect {len(names)}")
    for reason in ("pronoun", "contraction", "gerund", "lower", "verb", "place", "org", "role only"):
        print(f"  {reason:12} {len(flagged[reason])}")
        for name in flagged[reason][: args.show]:
            print(f"      {name}")


if __name__ == "__main__":
    # Quietly stop when the reader of the output does (`| head`).
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    main()
