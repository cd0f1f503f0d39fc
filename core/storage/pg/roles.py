"""Who may do what on the shared store: three group roles of the server, granted to each person's
login role, and the "submitted" state a lead gives a scenario.

* ``sapxep_DB_viewer`` reads everything (and says which scenario it has open);
* ``sapxep_DB_planner`` also saves, renames, deletes, applies and imports scenarios;
* ``sapxep_DB_lead`` also marks a scenario submitted (``submit``), which makes it read-only for
  everyone but the leads, and opens it again.

(``DB`` is the database's name: roles belong to the whole server, a store to one database.)

Units, boundaries and the tables themselves stay with the role that made the store (the
province's administrator). The server enforces the grants; the tool says what was refused.
"""
from __future__ import annotations

import psycopg

ROLES = ("viewer", "planner", "lead")
GROUPS = dict.fromkeys(ROLES)           # the names a planner gives; groups() has the server's

IS_LEAD = ("select coalesce((select rolsuper from pg_roles where rolname = current_user), false) "
           "or current_user = (select pg_get_userbyid(nspowner)::text from pg_namespace where nspname = 'sapxep') "
           "or case when to_regrole(%(lead)s) is null then false "
           "else pg_has_role(current_user, %(lead)s, 'member') end")


def groups(conn: psycopg.Connection) -> dict[str, str]:
    """role → the server's group role for this database (``sapxep_<db>_<role>``)."""
    db = conn.execute("select current_database()").fetchone()[0]
    safe = "".join(ch if ch.isalnum() else "_" for ch in db.lower())[:40]
    return {role: f"sapxep_{safe}_{role}" for role in ROLES}


def is_lead(conn: psycopg.Connection) -> bool:
    return bool(conn.execute(IS_LEAD, {"lead": groups(conn)["lead"]}).fetchone()[0])


def setup(conn: psycopg.Connection) -> None:
    """Make the three group roles (if missing) and their grants (inside the caller's transaction)."""
    names = groups(conn)
    for group in names.values():
        if conn.execute("select to_regrole(%s) is null", [group]).fetchone()[0]:
            conn.execute(f"create role {group} nologin")
    viewer, planner, lead = names["viewer"], names["planner"], names["lead"]
    conn.execute(f"grant usage on schema sapxep to {viewer}")
    conn.execute(f"grant select on all tables in schema sapxep to {viewer}")
    conn.execute(f"grant insert, update, delete on presence to {viewer}")
    conn.execute(f"grant {viewer} to {planner}")
    conn.execute(f"grant insert, update, delete on scenarios, changes to {planner}")
    conn.execute(f"grant usage on all sequences in schema sapxep to {planner}")
    conn.execute(f"grant {planner} to {lead}")


def grant(conn: psycopg.Connection, login: str, role: str) -> None:
    """Give ``login`` exactly the role ``role`` (viewer, planner or lead) on this store."""
    from psycopg import sql
    setup(conn)
    names = groups(conn)
    for group in names.values():
        conn.execute(sql.SQL("revoke {} from {}").format(sql.Identifier(group), sql.Identifier(login)))
    conn.execute(sql.SQL("grant {} to {}").format(sql.Identifier(names[role]), sql.Identifier(login)))


def members(conn: psycopg.Connection) -> list[tuple[str, str]]:
    """(login, role) for everyone granted one of the three roles, by login."""
    rows = conn.execute(
        "select m.rolname, g.rolname from pg_auth_members a join pg_roles g on g.oid = a.roleid "
        "join pg_roles m on m.oid = a.member where g.rolname = any(%s) and m.rolname <> all(%s) order by 1",
        [list(groups(conn).values()), list(groups(conn).values())]).fetchall()
    by_group = {v: k for k, v in groups(conn).items()}
    return [(login, by_group[group]) for login, group in rows]
