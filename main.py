"""Start the planning tool: the window, or a headless command.

    python main.py                 # the application window (optionally --db FILE, --lang vi|en)
    python main.py check "Phương án 2019" --json
    python main.py --lang en --help

Only a line with no command opens the window; an unknown command is refused (exit 2).
"""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from core.cli.run import main as cli_main
    from core.cli.run import wants_window
    if wants_window(argv):
        from gui.launch import launch
        return launch(argv)
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
