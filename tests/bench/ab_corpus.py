"""What tests/bench/rebuild_ab.py and tests/bench/watch_ab.py share: their arguments (a count of
rebuilds, the article to edit, a corpus and two octavo binaries) and the article each edits."""
import argparse
import os
import sys


def parse_arguments(description, count_option, count_default):
    """The command line: `count_option` (such as "--saves") with `count_default`, --article, CORPUS
    and two binaries."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(count_option, type=int, default=count_default)
    parser.add_argument("--article")
    parser.add_argument("corpus")
    parser.add_argument("octavo", nargs=2)
    return parser.parse_args()


def article_to_edit(corpus, chosen):
    """The article to edit, `chosen` or else the middle one of CORPUS's .txt and .md files, and its
    text; exits when the text has no sentence end to add a sentence after."""
    articles = sorted(f for f in os.listdir(corpus) if f.endswith((".txt", ".md")))
    article = chosen or articles[len(articles) // 2]
    with open(os.path.join(corpus, article), encoding="utf-8") as f:
        text = f.read()
    if ". " not in text:
        sys.exit(f"{article}: no sentence end to add a sentence after")
    return article, text
