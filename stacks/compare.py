#!/usr/bin/env python3
"""Fails when a stack's answers differ from the committed fixture.

Usage: compare.py COMMITTED.json.gz FRESH.json.gz
Compares whether each stack accepted each chain on each side (the error texts carry the
current time in some stacks, so they are shown but not compared); a changed stack version
is reported.
"""
import gzip
import json
import sys


def main():
    old = json.load(gzip.open(sys.argv[1]))["stacks"]
    new = json.load(gzip.open(sys.argv[2]))["stacks"]
    differences = 0
    for stack in sorted(set(old) | set(new)):
        if stack not in old or stack not in new:
            print(f"{stack}: only in {'the fixture' if stack in old else 'this run'}")
            differences += 1
            continue
        if old[stack]["version"] != new[stack]["version"]:
            print(f"{stack}: version {old[stack]['version']} in the fixture, {new[stack]['version']} installed")
        for cid in sorted(set(old[stack]["answers"]) | set(new[stack]["answers"])):
            a = old[stack]["answers"].get(cid, {})
            b = new[stack]["answers"].get(cid, {})
            for side in sorted(set(a) | set(b)):
                if side not in a or side not in b or a[side][0] != b[side][0]:
                    differences += 1
                    print(f"{stack} {cid} {side}: fixture {a.get(side)}, installed {b.get(side)}")
    if differences:
        raise SystemExit(f"{differences} answers differ from tests/data/stacks/results.json.gz")
    print("every stack's answers match tests/data/stacks/results.json.gz")


if __name__ == "__main__":
    main()
