#!/usr/bin/env python3
"""Scores sitrep's entity stage against the hand-labelled war-news gold set.

    python3 eval/ner/war_eval.py [--split dev|heldout|all] [--errors]
    python3 eval/ner/war_eval.py --pre OUT.tsv   # pre-annotation (the system's spans)

Reads the articles listed in eval/ner/sample-ids.tsv from the corpus (default
../shared/corpus/ukraine-war-2022-2024/articles.jsonl; --corpus), runs
`build/sitrep annotate` on them (--sitrep), and compares the `entities` layer with
eval/ner/war-gold.tsv: exact spans (byte offsets into the clean `text` that annotate
prints), exact type. Prints P/R/F1 per type and for PERSON+ORG+GPE+LOC. When the corpus
is absent it says so and exits 0. The corpus text is never written to the repository;
--errors prints the misses with their text on stdout only.

Mapping of the system's output: MILITARY is scored as ORG. Lowercase definite
descriptions the linker adds ("the ministry", coreference, not names) are left out.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TYPES = ["PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"]
OVERALL = {"PERSON", "ORG", "GPE", "LOC"}


def read_ids(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            i, split = line.split("\t")
            rows.append((i, split))
    return rows


def read_gold(path):
    gold = defaultdict(set)
    if not os.path.exists(path):
        return gold
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        i, s, e, t = line.split("\t")
        gold[i].add((int(s), int(e), t))
    return gold


def annotate(sitrep, articles):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sample.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"text": a["text"], "date": a.get("gdelt_seendate")}) + "\n")
        out = subprocess.run([sitrep, "annotate", "--jobs", "2", path], check=True,
                             stdout=subprocess.PIPE).stdout
    docs = [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]
    if len(docs) != len(articles):
        sys.exit(f"annotate gave {len(docs)} documents for {len(articles)} articles")
    return docs


def system_spans(doc):
    spans = set()
    for e in doc["entities"]:
        t = e["type"]
        if t == "MILITARY":
            t = "ORG"
        if e["text"][:1].islower():
            continue  # "the ministry": a definite description, not a name
        spans.add((e["start"], e["end"], t))
    return spans


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(
        ROOT, "..", "shared", "corpus", "ukraine-war-2022-2024", "articles.jsonl"))
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "build", "sitrep"))
    ap.add_argument("--ids", default=os.path.join(HERE, "sample-ids.tsv"))
    ap.add_argument("--gold", default=os.path.join(HERE, "war-gold.tsv"))
    ap.add_argument("--hashes", default=os.path.join(HERE, "text-sha256.tsv"))
    ap.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    ap.add_argument("--errors", action="store_true", help="print every miss with its text")
    ap.add_argument("--pre", help="write the system's spans as gold-format rows to this file")
    a = ap.parse_args()

    if not os.path.exists(a.corpus):
        print(f"war-news NER eval skipped: corpus {a.corpus} is absent")
        return 0
    rows = [r for r in read_ids(a.ids) if a.split == "all" or r[1] == a.split]
    want = {i for i, _ in rows}
    by_id = {}
    for line in open(a.corpus, encoding="utf-8"):
        if line.strip():
            art = json.loads(line)
            if art["id"] in want:
                by_id[art["id"]] = art
    ids = [i for i, _ in rows if i in by_id]
    docs = annotate(a.sitrep, [by_id[i] for i in ids])

    hashes = {}
    if os.path.exists(a.hashes):
        for line in open(a.hashes, encoding="utf-8"):
            i, h = line.split()
            hashes[i] = h
    for i, d in zip(ids, docs):
        h = hashlib.sha256(d["text"].encode("utf-8")).hexdigest()[:16]
        if i in hashes and hashes[i] != h:
            print(f"warning: clean text of {i} changed since the gold was made; offsets may be off")

    if a.pre:
        with open(a.pre, "w", encoding="utf-8") as f:
            for i, d in zip(ids, docs):
                for s, e, t in sorted(system_spans(d)):
                    f.write(f"{i}\t{s}\t{e}\t{t}\n")
        return 0

    gold = read_gold(a.gold)
    counts = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    for i, d in zip(ids, docs):
        g = gold.get(i, set())
        p = system_spans(d)
        text = d["text"].encode("utf-8")
        for s in p & g:
            counts[s[2]][0] += 1
        for s in p - g:
            counts[s[2]][1] += 1
        for s in g - p:
            counts[s[2]][2] += 1
        if a.errors:
            def show(span):
                return text[span[0]:span[1]].decode("utf-8", "replace")
            for s in sorted((p - g) | (g - p)):
                kind = "FP" if s in p else "FN"
                ctx = text[max(0, s[0] - 40):s[1] + 40].decode("utf-8", "replace").replace("\n", " ")
                print(f"{i}\t{kind}\t{s[0]}\t{s[1]}\t{s[2]}\t{show(s)}\t|{ctx}|")
    print(f"war-news NER, split {a.split}: {len(ids)} articles, exact spans and types")
    print("| type | P | R | F1 | gold |")
    print("|---|---|---|---|---|")
    tot = [0, 0, 0]
    for t in TYPES:
        tp, fp, fn = counts[t]
        if t in OVERALL:
            tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        p, r, f = prf(tp, fp, fn)
        print(f"| {t} | {p:.2f} | {r:.2f} | {f:.2f} | {tp + fn} |")
    p, r, f = prf(*tot)
    print(f"| PERSON+ORG+GPE+LOC | {p:.2f} | {r:.2f} | {f:.2f} | {tot[0] + tot[2]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
