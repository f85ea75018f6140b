#!/usr/bin/env python3
"""Rewrites the totals table of fuzz/LOG.md from its run rows: per target, the runs, seconds
and executions in all, and the executions since the last finding. `run.sh` calls it after
every run."""

import pathlib
import re

LOG = pathlib.Path(__file__).resolve().parent / "LOG.md"
START, END = "<!-- totals -->", "<!-- /totals -->"
ROW = re.compile(r"^\| (\d{4}-[^|]+) \| ([\w-]+) \| (\d+) \| (\d+) \| (.+) \|$")


def main():
    text = LOG.read_text()
    totals = {}
    for line in text.splitlines():
        match = ROW.match(line)
        if not match:
            continue
        _, target, seconds, executions, findings = match.groups()
        entry = totals.setdefault(target, {"runs": 0, "seconds": 0, "executions": 0, "clean": 0})
        entry["runs"] += 1
        entry["seconds"] += int(seconds)
        entry["executions"] += int(executions)
        if findings.strip() == "0":
            entry["clean"] += int(executions)
        else:
            entry["clean"] = 0
    table = [
        "| target | runs | seconds | executions | executions since the last finding |",
        "|---|---|---|---|---|",
    ]
    for target, e in sorted(totals.items()):
        table.append(
            f"| {target} | {e['runs']} | {e['seconds']} | {e['executions']:,} | {e['clean']:,} |"
        )
    block = START + "\n" + "\n".join(table) + "\n" + END
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.replace("| date (UTC) |", block + "\n\n## Runs\n\n| date (UTC) |", 1)
    LOG.write_text(text)


if __name__ == "__main__":
    main()
