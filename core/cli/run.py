"""The command line: ``python main.py [--db FILE] [--lang vi|en] <command> …``. Uses core only;
never starts Qt.

The language is read first (``--lang``, anywhere on the line), so that the help, argparse's
own words, every printed line and every refusal are in it. A command the tool does not know
is refused with the list of commands (exit 2); ``python main.py`` with no command at all is
the window's (``main.py`` asks ``wants_window``).
"""
from __future__ import annotations

import argparse
import difflib
import sqlite3
import sys

from core.cli.argparse_words import in_language
from core.cli.output import line
from core.cli.parser import LANGS, build_parser
from core.common.errors import CoreError
from core.common.messages import current_language, say, set_language

EXIT_REFUSED = 2          # bad input or a refusal: nothing was changed
EXIT_FAILED = 1           # an unexpected failure, named in words


def _globals(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The global options (--db, --lang) wherever they are, and the rest of the line."""
    pre = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    pre.add_argument("--db")
    pre.add_argument("--lang")
    try:
        return pre.parse_known_args(argv)
    except argparse.ArgumentError:
        return argparse.Namespace(db=None, lang=None), list(argv)


def wants_window(argv: list[str]) -> bool:
    """True when the line names no command (only --db, --lang): the application window."""
    return not _globals(argv)[1]


def language_of(argv: list[str]) -> str:
    lang = _globals(argv)[0].lang
    return lang if lang in LANGS else "vi"


def _err(code: str, /, **params: object) -> None:
    print(say(code, **params), file=sys.stderr)


def _unknown_command(rest: list[str], names: list[str]) -> bool:
    """Refuse a misspelt or unknown command in words, with the commands there are."""
    first = rest[0] if rest else ""
    if not first or first.startswith("-") or first in names:
        return False
    like = difflib.get_close_matches(first, names, n=1)
    if like:
        _err("cli.unknown_command_like", command=first, like=like[0], commands=names)
    else:
        _err("cli.unknown_command", command=first, commands=names)
    return True


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language_of(argv)
    before = current_language()
    set_language(lang)
    try:
        with in_language(lang):
            parser = build_parser(lang)
            if _unknown_command(_globals(argv)[1], parser.command_names):
                return EXIT_REFUSED
            try:
                args = parser.parse_args(argv)
            except SystemExit as exc:          # --help (0) or a refusal argparse has worded (2)
                return int(exc.code or 0)
        return _run(args)
    except BrokenPipeError:                    # piped into a program that stopped reading
        return 0
    finally:
        set_language(before)                   # called in-process (tests), leave the language as it was


def _run(args: argparse.Namespace) -> int:
    from core.storage.connect import open_project
    from core.storage.store import storage_failure
    try:
        if not args.project:
            args.func(args)
            return 0
        project = open_project(args.db, author=getattr(args, "author", None))
        try:
            try:
                args.func(args, project)
            except sqlite3.Error as exc:
                raise storage_failure(project.path, exc) from exc
        finally:
            project.close()
        return 0
    except CoreError as exc:
        _err("cli.error", text=exc.text())
        return EXIT_REFUSED
    except FileNotFoundError as exc:
        _err("cli.error", text=say("cli.no_such_file", file=exc.filename or str(exc)))
        return EXIT_REFUSED
    except BrokenPipeError:
        raise
    except OSError as exc:
        _err("cli.error", text=say("cli.os_error", file=exc.filename or "", reason=exc.strerror or str(exc)))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        line("cli.interrupted")
        return 130
    except Exception as exc:               # never a traceback: what failed, in words
        _err("cli.unexpected", kind=type(exc).__name__, reason=str(exc))
        return EXIT_FAILED
