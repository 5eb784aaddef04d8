#!/usr/bin/env python3
"""Benchmark, not a test: two octavo binaries' rebuilds (`octavo build` into a warm cache), side by side.

Usage: tests/bench/rebuild_ab.py [--rebuilds N] [--article FILE] CORPUS OCTAVO_A OCTAVO_B

Each binary builds a copy of CORPUS of its own (for example the bench's 1,000 articles, kept by
`tests/bench/run.sh --keep DIR 1000` in DIR/txt-1000/corpus) into an output folder of its own, twice,
so that its build cache is warm. Then, N times (default 40), a sentence is put into the first
paragraph of FILE (default: the middle article) of one copy, or taken out again, and that binary
rebuilds; then the other; the order alternates (ABBA), so that the two meet the machine in the same
state. A development VM drifts by 10-20 % within an hour, more than a step may gain; rebuilds
alternated one by one can still tell a few milliseconds apart. Prints, for each binary, the mean and
median wall time of its rebuilds and of their processor time (user + system, from the children's
resource usage), and in how many pairs B was the faster. Both copies are folders named `corpus`, so
that the books, which name their corpus folder, are alike.
"""
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

from ab_corpus import article_to_edit, parse_arguments

args = parse_arguments(__doc__.split("\n\n")[0], "--rebuilds", 40)
article, original = article_to_edit(args.corpus, args.article)
# The article with and without the sentence in turn, so that every rebuild follows an edit.
edited = original.replace(". ", ". A new sentence here. ", 1)

work = tempfile.mkdtemp(prefix="octavo-rebuild-ab-")
try:
    copies = []
    for index, octavo in enumerate(args.octavo):
        folder = os.path.join(work, str(index))
        shutil.copytree(args.corpus, os.path.join(folder, "corpus"))
        copies.append((octavo, folder))

    def build(octavo, folder):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([octavo, "build", os.path.join(folder, "corpus"), "-o", os.path.join(folder, "out"), "-q"],
                       check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        processor = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return wall * 1000, processor * 1000

    for octavo, folder in copies:
        build(octavo, folder)
        build(octavo, folder)
    times = {index: ([], []) for index in range(len(copies))}
    for rebuild in range(args.rebuilds):
        for index in (0, 1) if rebuild % 2 == 0 else (1, 0):
            octavo, folder = copies[index]
            with open(os.path.join(folder, "corpus", article), "w", encoding="utf-8") as f:
                f.write(edited if rebuild % 2 == 0 else original)
            wall, processor = build(octavo, folder)
            times[index][0].append(wall)
            times[index][1].append(processor)
    for index, (octavo, _) in enumerate(copies):
        wall, processor = times[index]
        print(f"{'AB'[index]} {octavo}: wall mean {statistics.mean(wall):.1f} ms, "
              f"median {statistics.median(wall):.1f} ms; processor time mean {statistics.mean(processor):.1f} ms, "
              f"median {statistics.median(processor):.1f} ms ({args.rebuilds} rebuilds)")
    faster = sum(1 for a, b in zip(times[0][0], times[1][0]) if b < a)
    print(f"B faster in {faster} of {args.rebuilds} pairs (wall)")
finally:
    shutil.rmtree(work, ignore_errors=True)
