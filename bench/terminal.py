"""A program in a pseudo-terminal, driven and timed as a user at a real terminal would.

The bench is the terminal: it starts the program on a pty of a fixed size,
reads everything it draws, answers the queries a terminal answers, types keys
and notes when each byte arrived. Textual asks whether the terminal supports
synchronized output and, told yes, wraps every frame in begin/end markers; so
"the last byte of a frame" is the moment that frame's end marker arrived.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import resource
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass, field

from figures import Run

SIZE = (40, 120)
"""Rows, columns."""
FRAME_END = b"\x1b[?2026l"
# Terminal control sequences (CSI, OSC, DCS, ...): stripped so a marker split by styles is found.
ESCAPES = re.compile(
    rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)
ANSWERS = {
    b"\x1b[?2026$p": b"\x1b[?2026;2$y",  # synchronized output: supported, off
    b"\x1b[6n": b"\x1b[1;1R",  # cursor position
    b"\x1b[c": b"\x1b[?62;22c",  # device attributes
}


class Timeout(Exception):
    """The program did not draw what was waited for in time."""


@dataclass
class Chunk:
    """Bytes read from the terminal at one moment (perf_counter seconds)."""

    at: float
    data: bytes


@dataclass
class Terminal:
    """A running program on a pty; use `Terminal.start` and `close`."""

    pid: int
    fd: int
    started: float
    chunks: list[Chunk] = field(default_factory=list)
    rusage: resource.struct_rusage | None = None

    @classmethod
    def start(
        cls, command: list[str], env: dict[str, str], size: tuple[int, int] = SIZE
    ) -> Terminal:
        import pty

        started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the command
            try:
                os.execvpe(command[0], command, env)
            finally:
                os._exit(127)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        return cls(pid, fd, started)

    def read(self, wait_s: float) -> bool:
        """Read what is there within `wait_s`; False once the program closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], wait_s)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        if not data:
            return False
        self.chunks.append(Chunk(time.perf_counter(), data))
        for query, answer in ANSWERS.items():
            if query in data:
                os.write(self.fd, answer)
        return True

    def text_since(self, index: int) -> bytes:
        """What was drawn from chunk `index` on, escape sequences removed."""
        return ESCAPES.sub(b"", b"".join(c.data for c in self.chunks[index:]))

    def wait_for(self, markers: list[str], timeout_s: float, since: int = 0) -> float:
        """Read until every marker was drawn (from chunk `since` on); when the last one arrived.

        A marker counts once it is on screen whole; which chunk completed it is
        found by looking again with each new chunk.
        """
        needles = [m.encode() for m in markers]
        deadline = time.perf_counter() + timeout_s
        while time.perf_counter() < deadline:
            count = len(self.chunks)
            if not self.read(0.05):
                break
            if len(self.chunks) > count:
                text = self.text_since(since)
                if all(needle in text for needle in needles):
                    return self.chunks[-1].at
        seen = self.text_since(since)
        missing = [m for m, n in zip(markers, needles, strict=True) if n not in seen]
        raise Timeout(f"not drawn within {timeout_s:.0f} s: {missing}")

    def press(self, keys: bytes) -> float:
        """Type `keys`; the moment they were sent."""
        os.write(self.fd, keys)
        return time.perf_counter()

    def frames_until_quiet(self, quiet_s: float, limit_s: float = 5.0) -> list[float]:
        """Read until a frame ended and nothing more arrived for `quiet_s`; when each frame ended.

        Waiting for the first frame (up to `limit_s`) before counting quiet
        keeps a key that is slow to draw from being charged to the next one.
        """
        index = len(self.chunks)
        deadline = time.perf_counter() + limit_s
        last = time.perf_counter()
        while time.perf_counter() < deadline:
            count = len(self.chunks)
            if not self.read(quiet_s / 4):
                break
            if len(self.chunks) > count:
                last = self.chunks[-1].at
            elif time.perf_counter() - last >= quiet_s and self.frame_ends(index):
                break
        return self.frame_ends(index)

    def frame_ends(self, index: int) -> list[float]:
        """When each frame ended, from chunk `index` on (a marker may straddle two reads).

        A marker counts for the chunk its last byte arrived in: one that ended the
        previous chunk whole is that chunk's, not this one's too.
        """
        ends = []
        for number in range(index, len(self.chunks)):
            tail = self.chunks[number - 1].data[-len(FRAME_END) :] if number else b""
            joined = tail + self.chunks[number].data
            if joined.find(FRAME_END, max(0, len(tail) - len(FRAME_END) + 1)) >= 0:
                ends.append(self.chunks[number].at)
        return ends

    def result(self, seconds: float) -> Run:
        """A finished run: `seconds` as measured, CPU and peak memory from the closed program."""
        assert self.rusage is not None, "close() first"
        cpu = self.rusage.ru_utime + self.rusage.ru_stime
        return Run(seconds, cpu, self.rusage.ru_maxrss / 1024, 0)

    def close(self, quit_keys: bytes = b"\x11", timeout_s: float = 10.0) -> None:
        """Quit with `quit_keys` (ctrl+q); kill if it does not exit in time. Keeps its rusage."""
        with contextlib.suppress(OSError):
            os.write(self.fd, quit_keys)
        deadline = time.perf_counter() + timeout_s
        while time.perf_counter() < deadline:
            done, _status, usage = os.wait4(self.pid, os.WNOHANG)
            if done:
                self.rusage = usage
                break
            self.read(0.02)  # keep draining, or the program blocks writing its last frame
        else:
            os.kill(self.pid, signal.SIGKILL)
            _, _, self.rusage = os.wait4(self.pid, 0)
        os.close(self.fd)
