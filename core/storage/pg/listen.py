"""Live updates from the shared store: each committed change is announced (``NOTIFY``) on one
channel, and a ``ChangeListener`` hears them.

    listener = ChangeListener(url)
    for notice in listener.poll(timeout=1.0):     # or watch listener.fileno() in an event loop
        print(notice.author, notice.action, notice.name, notice.version)

A window watches ``fileno()`` (``QSocketNotifier``) and calls ``poll()`` when it is readable;
``notice.pid`` is the server process that made the change (``PgProject.backend_pids`` tells a
window's own changes from its colleagues').
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from core.storage.changelog import now_utc
from core.storage.pg.failures import connect, location, worded

CHANNEL = "sapxep_changes"


def payload(scenario_id: str, name: str, action: str, version: int, author: str) -> str:
    return json.dumps({"id": scenario_id, "name": name[:200], "action": action, "version": version,
                       "author": author[:200], "at": now_utc()}, ensure_ascii=False)


@dataclass(frozen=True)
class Notice:
    scenario_id: str
    name: str
    action: str
    version: int
    author: str
    at: str
    pid: int


class ChangeListener:
    def __init__(self, url: str) -> None:
        self.url, self.location = url, location(url)
        self.conn = connect(url)
        with worded(self.location):
            self.conn.execute(f"listen {CHANNEL}")

    def fileno(self) -> int:
        return self.conn.fileno()

    def poll(self, timeout: float = 0.0) -> list[Notice]:
        """The changes announced since the last call (waiting up to ``timeout`` seconds for one)."""
        found = []
        with worded(self.location):
            for n in self.conn.notifies(timeout=timeout, stop_after=None if timeout == 0 else 1):
                found.append(n)
            if found:                                   # and whatever came with it
                found += list(self.conn.notifies(timeout=0))
        out = []
        for n in found:
            try:
                d = json.loads(n.payload)
                out.append(Notice(d["id"], d["name"], d["action"], int(d["version"]), d["author"], d["at"], n.pid))
            except (ValueError, KeyError, TypeError):
                continue
        return out

    def close(self) -> None:
        self.conn.close()


def notice_message(notice: Notice):
    """What a colleague's change says to a planner who has that scenario open, in words."""
    from core.common.messages import Message
    from core.storage.changelog import when_text
    code = "notice.deleted" if notice.action == "delete" else "notice.changed"
    return Message(code, name=notice.name, author=notice.author, at=when_text(notice.at), version=notice.version,
                   action=notice.action)


def presence_message(authors: list[str]):
    from core.common.messages import Message
    return Message("notice.open_by", authors=authors) if authors else None
