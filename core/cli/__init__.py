"""The command line (``python main.py <command>``): core only, never Qt."""
