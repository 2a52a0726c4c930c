#!/usr/bin/env python3
"""Draws the evaluation sample: 30 article ids from the war corpus, seed 6.

    python3 eval/claims/sample.py ../shared/corpus/ukraine-war-2022-2024/articles.jsonl
"""
import json
import random
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/ukraine-war-2022-2024/articles.jsonl"
ids = [json.loads(line)["id"] for line in open(path, encoding="utf-8") if line.strip()]
random.seed(6)
for i in sorted(random.sample(ids, 30)):
    print(i)
