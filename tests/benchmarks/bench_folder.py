"""Benchmark: the folder format (one file per record) out and back in.

    python -m tests.benchmarks.bench_folder            # 10k events
    python -m tests.benchmarks.bench_folder 1000 10000 # chosen sizes

For each size it builds a synthetic timeline (tests/benchmarks/synth.py) in a
temporary folder (removed afterwards) and times: a first export, an export
that changes nothing (each file read and compared, none written), an import
into an empty timeline, and the same import again (every record already up
to date). Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from dateline.store.formats.folder import write_folder
from dateline.store.formats.registry import import_file
from dateline.store.timeline import Timeline

from tests.benchmarks.synth import build


def measure(count: int) -> str:
    folder = Path(tempfile.mkdtemp(prefix="dateline-bench-folder-"))
    try:
        source = Timeline.open(build(folder / "source.json", count))
        share = folder / "share"
        start = time.perf_counter()
        written = write_folder(source, share)
        first = time.perf_counter() - start
        start = time.perf_counter()
        write_folder(source, share)
        again = time.perf_counter() - start
        target = Timeline.open(folder / "target.json")
        start = time.perf_counter()
        import_file(target, share)
        into_empty = time.perf_counter() - start
        start = time.perf_counter()
        report = import_file(target, share)
        reimport = time.perf_counter() - start
        return (
            f"{count:,} events ({written:,} files): export {first:.1f} s, "
            f"export with nothing changed {again:.1f} s, import into an empty "
            f"timeline {into_empty:.1f} s, the same import again {reimport:.1f} s "
            f"({report.same:,} records up to date)"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> None:
    for count in [int(a) for a in argv] or [10_000]:
        print(measure(count), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
