"""The shared store: the same project on a PostgreSQL server, for a team (``PgProject``).

``core.storage.connect.open_project`` opens it when the project is named by a URL
(``postgresql://USER@HOST:PORT/DB``); everything above storage sees the same methods as
``core.storage.store.Project``. Tables live in the schema ``sapxep`` of that database.
"""
