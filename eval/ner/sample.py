#!/usr/bin/env python3
"""Draws the articles of the war-news NER gold set and splits them.

    python3 eval/ner/sample.py ../shared/corpus/ukraine-war-2022-2024/articles.jsonl \
        > eval/ner/sample-ids.tsv

Articles of 600 to 3,000 characters of text are kept (hand annotation of the whole text
must fit one session; 254 of the 447 articles), then random.seed(SEED);
random.sample(ids, N) draws N of them; the drawn ids are shuffled again with the same
generator and the first half is 'dev', the second 'heldout'. Output: id TAB split,
sorted by split then id. The split is fixed before any error is looked at.
"""
import argparse
import json
import random

p = argparse.ArgumentParser()
p.add_argument("path", nargs="?", default="../shared/corpus/ukraine-war-2022-2024/articles.jsonl")
p.add_argument("--seed", type=int, default=55)
p.add_argument("-n", type=int, default=16)
p.add_argument("--min-chars", type=int, default=600)
p.add_argument("--max-chars", type=int, default=3000)
a = p.parse_args()

ids = []
for line in open(a.path, encoding="utf-8"):
    if not line.strip():
        continue
    art = json.loads(line)
    if a.min_chars <= len(art["text"]) <= a.max_chars:
        ids.append(art["id"])
random.seed(a.seed)
drawn = random.sample(ids, a.n)
random.shuffle(drawn)
half = a.n // 2
rows = [(i, "dev") for i in sorted(drawn[:half])] + [(i, "heldout") for i in sorted(drawn[half:])]
for i, split in rows:
    print(f"{i}\t{split}")
