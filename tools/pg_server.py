"""A throwaway PostgreSQL server for the tests and the load benchmark.

``throwaway_server(folder)`` runs ``initdb`` into ``folder``, starts ``postgres`` listening
only on 127.0.0.1 on a free port (no Unix socket in a shared place), yields the URL of an
empty database (``postgresql://sapxep@127.0.0.1:PORT/sapxep``), and stops the server after.
As root (CI), the server runs as the ``postgres`` system user, since PostgreSQL refuses root.
``find_binaries()`` says where ``initdb``/``pg_ctl`` are, or None.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

USER = "sapxep"
DATABASE = "sapxep"


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres (PATH first, then Debian's layout)."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if all((Path(folder) / b).exists() for b in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@contextmanager
def throwaway_server(folder: Path, bin_dir: Path | None = None, durable: bool = False) -> Iterator[str]:
    """``durable``: fsync as a real server does (the load benchmark); the tests run without."""
    bin_dir = bin_dir or find_binaries()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    folder = Path(folder)
    data, sockets = folder / "data", folder / "sock"
    folder.mkdir(parents=True, exist_ok=True)
    sockets.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
        os.chmod(folder, 0o755)
    run = lambda *cmd: subprocess.run(_as_server_user([str(c) for c in cmd]), check=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    run(bin_dir / "initdb", "-D", data, "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8")
    port = free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c max_connections=60"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off"
    run(bin_dir / "pg_ctl", "-D", data, "-l", folder / "server.log", "-o", options, "-w", "-t", "60", "start")
    try:
        url = f"postgresql://{USER}@127.0.0.1:{port}"
        _create_database(url, DATABASE)
        yield f"{url}/{DATABASE}"
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _create_database(url: str, name: str) -> None:
    import psycopg
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(f"{url}/postgres", autocommit=True) as conn:
                conn.execute(f'create database "{name}"')
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def fresh_database(url: str, name: str) -> str:
    """Another empty database on the same server (``url`` is one of its databases)."""
    base = url.rsplit("/", 1)[0]
    _create_database(base, name)
    return f"{base}/{name}"
