#!/usr/bin/env python3
"""Benchmark, not a test: two octavo binaries' rebuilds under `octavo watch`, side by side.

Usage: tests/bench/watch_ab.py [--saves N] [--article FILE] CORPUS OCTAVO_A OCTAVO_B

Each binary watches a copy of CORPUS of its own (for example the bench's 1,000 articles, kept by
`tests/bench/run.sh --keep DIR 1000` in DIR/txt-1000/corpus). Then, N times (default 40), a
sentence is put into the first paragraph of FILE (default: the middle article) of one copy and
the script waits for that process's status line, then the other's; the order alternates (ABBA),
so that each rebuild runs alone and the two meet the machine in the same state. A development VM
drifts by 10-20 % within an hour, more than a step may gain, and a bench row of a few saves
cannot tell 5 ms apart; rebuilds alternated one by one can. Prints, for each binary, the mean and
median time of its status lines (to 10 ms each) and of the processor time its process used for
each rebuild (/proc/PID/stat, to the clock tick), the freeing after the line included.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from ab_corpus import article_to_edit, parse_arguments

args = parse_arguments(__doc__.split("\n\n")[0], "--saves", 40)
article, original = article_to_edit(args.corpus, args.article)
# Two edits in turn, so that every save changes the article.
edits = [original.replace(". ", ". " + added + " ", 1) for added in ("A new sentence here.", "Another one there.")]

tick = os.sysconf("SC_CLK_TCK")
work = tempfile.mkdtemp(prefix="octavo-watch-ab-")
watching = []
try:
    for index, octavo in enumerate(args.octavo):
        folder = os.path.join(work, str(index))
        shutil.copytree(args.corpus, os.path.join(folder, "corpus"))
        process = subprocess.Popen([octavo, "watch", os.path.join(folder, "corpus"), "-o", os.path.join(folder, "out")],
                                   stderr=subprocess.PIPE, text=True)
        watching.append((octavo, folder, process))

    def status_line(process):
        while True:
            line = process.stderr.readline()
            if not line:
                sys.exit("octavo watch stopped")
            if " built in " in line or "rebuilt in " in line or "failed in " in line:
                return line

    def processor_seconds(process):
        fields = open(f"/proc/{process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    for _, _, process in watching:
        status_line(process)
    times = {octavo: ([], []) for octavo, _, _ in watching}
    for save in range(args.saves):
        for octavo, folder, process in watching if save % 2 == 0 else reversed(watching):
            time.sleep(0.25)
            before = processor_seconds(process)
            with open(os.path.join(folder, "corpus", article), "w", encoding="utf-8") as f:
                f.write(edits[save % 2])
            line = status_line(process)
            if "failed" in line:
                sys.exit(line.strip())
            time.sleep(0.15)  # what the build left over is freed after its line
            times[octavo][0].append(float(re.search(r"in ([\d.]+) s", line).group(1)) * 1000)
            times[octavo][1].append((processor_seconds(process) - before) * 1000)
    for octavo, (wall, processor) in times.items():
        print(f"{octavo}: status line mean {statistics.mean(wall):.1f} ms, median {statistics.median(wall):.0f} ms; "
              f"processor time mean {statistics.mean(processor):.1f} ms, median {statistics.median(processor):.0f} ms "
              f"({args.saves} saves)")
finally:
    for _, _, process in watching:
        process.terminate()
        process.wait()
    shutil.rmtree(work, ignore_errors=True)
