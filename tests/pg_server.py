"""A throw-away PostgreSQL server for store tests, on a Unix socket only.

Uses the machine's ``initdb``/``pg_ctl`` (Debian's postgresql package); tests
that need it are skipped with a clear reason when they are not installed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

SEARCH_DIRS = ("/usr/local/bin", "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
               "/usr/lib/postgresql/15/bin")


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    return next((str(Path(d) / name) for d in SEARCH_DIRS if (Path(d) / name).is_file()), None)


@dataclass
class PostgresServer:
    socket_dir: Path
    data_dir: Path
    run_as: list[str]

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://geo@/{database}?host={self.socket_dir}"

    def new_database(self) -> str:
        import psycopg

        name = f"geo_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(host=str(self.socket_dir), user="geo", dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def start() -> PostgresServer | None:
    """Start a server, or return None when PostgreSQL is not installed."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not (initdb and pg_ctl):
        return None
    base = Path(tempfile.mkdtemp(prefix="geo-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        run_as = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres")
    data = base / "data"
    subprocess.run(run_as + [initdb, "-D", str(data), "-U", "geo", "--auth=trust", "-E", "UTF8"],
                   check=True, capture_output=True)
    options = f"-k {base} -c listen_addresses='' -c fsync=off"
    subprocess.run(run_as + [pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(base / "log"), "start"],
                   check=True, capture_output=True)
    return PostgresServer(base, data, run_as)


def stop(server: PostgresServer) -> None:
    subprocess.run(server.run_as + [_binary("pg_ctl"), "-D", str(server.data_dir), "-m", "immediate", "stop"],
                   capture_output=True)
    shutil.rmtree(server.socket_dir, ignore_errors=True)
