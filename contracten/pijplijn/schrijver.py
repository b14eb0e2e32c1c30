"""Writing a group of documents' files on a thread of the process that makes them, while it
makes the next (issue 31). Creating a file can wait on the disk for a millisecond and more (the
file system reading its own records while other files are written and removed); a run makes two
files per document, thousands in all, and that waiting was time the process rendered nothing.
The thread waits instead. At the end of a group (`Achtergrond.wacht`) every file is written and
the first error is raised, as the write itself would have raised it: what a group made is on
disk before anyone is told it was made. At most a group's files are in flight, and they are
`bytes`: nothing can change them while they wait."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path


class Achtergrond:
    """One process's writing thread, started with its first file."""

    def __init__(self) -> None:
        self._draad: ThreadPoolExecutor | None = None
        self._bezig: list[Future[int]] = []

    def schrijf(self, plek: Path, data: bytes) -> None:
        """Write `data` to `plek` (a new file in an existing folder) on the thread."""
        if self._draad is None:
            self._draad = ThreadPoolExecutor(1, thread_name_prefix="contracten-schrijven")
        self._bezig.append(self._draad.submit(plek.write_bytes, data))

    def wacht(self, *, stil: bool = False) -> None:
        """Until every file handed over is written; then the first error is raised (not
        `stil`: after another error). Interrupted while it waits (Ctrl-C, SIGTERM), it stops
        the thread first: once it returns or raises, nothing more is written."""
        try:
            fouten = [f.exception() for f in self._bezig]  # each, also after an error
        except BaseException:
            self.stop()
            raise
        self._bezig = []
        fout = next((e for e in fouten if e is not None), None)
        if fout is not None and not stil:
            raise fout

    def stop(self) -> None:
        """Write no more: what has not begun is not written, what is being written ends."""
        if self._draad is not None:
            self._draad.shutdown(wait=True, cancel_futures=True)
            self._draad = None
        self._bezig = []
