#!/usr/bin/env python3
"""Draws an evaluation sample of article ids from the war corpus.

    python3 eval/claims/sample.py ../shared/corpus/ukraine-war-2022-2024/articles.jsonl
        -> the first sample: seed 6, 30 ids (sample-ids.txt)
    python3 eval/claims/sample.py ARTICLES.jsonl --seed 2026 -n 25 \
        --exclude eval/claims/sample-ids.txt
        -> the held-out sample (sample2-ids.txt): ids of earlier samples are
           removed before drawing

Ids are drawn with random.seed(SEED); random.sample(ids, N) and printed sorted.
"""
import argparse
import json
import random

p = argparse.ArgumentParser()
p.add_argument("path", nargs="?", default="../shared/corpus/ukraine-war-2022-2024/articles.jsonl")
p.add_argument("--seed", type=int, default=6)
p.add_argument("-n", type=int, default=30)
p.add_argument("--exclude", action="append", default=[],
               help="file of ids (one a line) not to draw; may be repeated")
a = p.parse_args()

excluded = set()
for f in a.exclude:
    excluded.update(line.strip() for line in open(f, encoding="utf-8") if line.strip())
ids = [json.loads(line)["id"] for line in open(a.path, encoding="utf-8") if line.strip()]
ids = [i for i in ids if i not in excluded]
random.seed(a.seed)
for i in sorted(random.sample(ids, a.n)):
    print(i)
