"""End to end in a real terminal: tmux runs `dateline`, keys are typed, the
TinyDB file is read afterwards. tmux is part of this project's machine image."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateline.tui.cli.demo import make_demo
from tinydb import TinyDB

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed on this machine"
)


class Terminal:
    def __init__(self, socket: str, command: list[str]) -> None:
        self.socket = socket
        self._tmux(
            "new-session", "-d", "-s", "t", "-x", "120", "-y", "35",
            " ".join(command),
        )  # fmt: skip

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "t", *keys)
        # A person pauses between keys; tmux would otherwise deliver the next
        # text before the app has moved focus for a tab.
        time.sleep(0.3)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", text)
        time.sleep(0.3)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.screen()}")

    def alive(self) -> bool:
        return "t" in self._tmux("list-sessions", "-F", "#{session_name}").split()

    def close(self) -> None:
        self._tmux("kill-server")


def _last_friday(today: date) -> date:
    back = (today.weekday() - 4) % 7 or 7
    return today - timedelta(days=back)


def test_add_an_event_by_hand_in_a_real_terminal(tmp_path: Path) -> None:
    path = make_demo(tmp_path)
    command = [sys.executable, "-m", "dateline", "--db", str(path)]
    term = Terminal(f"dateline-test-{os.getpid()}", command)
    try:
        term.wait_for("8 of 8 events")
        today = date.today()
        term.keys("a")
        term.wait_for("Add event")
        term.type("last Friday")
        term.wait_for("· day")
        term.keys("Enter")
        term.type("Phone call typed in tmux")
        term.keys("Enter")  # to the summary
        term.keys("Tab")  # to the actors
        term.type("trump, Petro")
        term.wait_for("Gustavo Petro")  # the names resolve live
        term.keys("C-s")
        term.wait_for("9 of 9 events")
        term.keys("q")
        deadline = time.monotonic() + 10
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not term.alive(), "the app did not quit on q"
    finally:
        term.close()
    with TinyDB(path, access_mode="r") as db:
        events = db.table("events").all()
        actors = {a["id"]: a["name"] for a in db.table("actors").all()}
    [added] = [e for e in events if e["title"] == "Phone call typed in tmux"]
    friday = _last_friday(today).isoformat()
    assert added["when"]["start"] == added["when"]["end"] == friday
    assert [actors[a["actor"]] for a in added["actors"]] == [
        "Donald Trump",
        "Gustavo Petro",
    ]
    assert len(actors) == 5, "no duplicate actor was created"
