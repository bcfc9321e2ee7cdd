"""A throwaway PostgreSQL cluster for the tests, from the installed binaries.

``$DATELINE_TEST_PG`` (a postgresql:// URL of a database the tests may
create tables in) points the tests at an existing server instead. Started
here, the cluster lives in a temp folder on a free port and is stopped
and removed when the test session ends. Running as root (as CI does), the
server runs as the unprivileged ``postgres`` user, which PostgreSQL demands.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


@dataclass
class Cluster:
    url: str
    folder: Path | None
    stop_argv: list[str]
    restart_argv: list[str] | None = None

    def restart(self) -> bool:
        """Restart the server, if it is ours; False for a server given."""
        if self.restart_argv is None:
            return False
        subprocess.run(self.restart_argv, check=True, capture_output=True, timeout=120)
        return True

    def stop(self) -> None:
        if self.folder is None:
            return
        subprocess.run(self.stop_argv, check=False, capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", SUPERUSER, "--", *argv]
    return ["su", SUPERUSER, "-c", " ".join(argv)]


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    raise RuntimeError(
        f"PostgreSQL's {name} was not found, so the PostgreSQL tests cannot start "
        "a server. Install PostgreSQL 15 (initdb, pg_ctl), or point the tests at "
        "a server with DATELINE_TEST_PG=postgresql://user@host/dbname."
    )


def start() -> Cluster:
    given = os.environ.get("DATELINE_TEST_PG")
    if given:
        return Cluster(given, None, [])
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    folder = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    os.chmod(folder, 0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, user=SUPERUSER)
    data = folder / "data"
    port = _free_port()
    subprocess.run(
        _as_server_user(
            [initdb, "-D", str(data), "-A", "trust", "-U", SUPERUSER, "--no-sync"]
        ),
        check=True,
        capture_output=True,
        timeout=120,
    )
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c max_connections=100"
    )
    subprocess.run(
        _as_server_user(
            [
                pg_ctl,
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
        timeout=120,
    )
    stop = _as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"])
    log = str(folder / "log")
    restart = _as_server_user(
        [
            pg_ctl,
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            log,
            "-m",
            "fast",
            "-w",
            "restart",
        ]
    )
    return Cluster(
        f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres", folder, stop, restart
    )
