"""``python -m geo SUBCOMMAND``: places, extract, ingest, events, export, import.

Each subcommand lives in its own ``geo/cli_*.py`` module exposing
``register(subparsers)``; its handler returns an exit code.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from geo.errors import GeoError

SUBCOMMAND_MODULES = ("geo.cli_places", "geo.cli_extract", "geo.cli_store")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in SUBCOMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
