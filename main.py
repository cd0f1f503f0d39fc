"""Start the planning tool: the window, or a headless command.

    python main.py                 # the application
    python main.py check "Phương án 2019" --json
"""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from core.cli.run import COMMANDS
    if any(a in COMMANDS or a in ("-h", "--help") for a in argv):
        from core.cli.run import main as cli_main
        return cli_main(argv)
    from gui.launch import launch
    return launch(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
