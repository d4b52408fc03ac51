"""``python -m stripper``: the same as the ``stripper`` command."""

from .cli import run_main

if __name__ == "__main__":
    run_main()
