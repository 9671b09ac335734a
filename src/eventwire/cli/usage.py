"""Usage errors of the command line as one line on stderr, exit code 2: a wrong option value that the
parser catches (`--format xml`, `--limit abc`) reads like one the commands catch (`--type FOO`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup


def usage_line(exc: typer.TyperException, args: Sequence[str] = ()) -> str:
    """The parser's message on one line, with the value given (when an option's value is at fault) and
    where to read more."""
    format_message = getattr(exc, "format_message", None)
    message = " ".join((format_message() if callable(format_message) else str(exc)).split())
    message = message.replace("Value error, ", "")
    param = getattr(exc, "param", None)
    given = _given(list(getattr(param, "opts", ()) or ()), list(args))
    if given is not None and repr(given) not in message:
        message = message.rstrip(".") + f"; got {given!r}"
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see {ctx.command_path} --help)"
    return message


def _given(opts: list[str], args: list[str]) -> str | None:
    """The value last given on the command line for one of an option's names."""
    found = None
    for i, arg in enumerate(args):
        for opt in opts:
            if arg == opt and i + 1 < len(args):
                found = args[i + 1]
            elif opt.startswith("--") and arg.startswith(opt + "="):
                found = arg[len(opt) + 1 :]
    return found


class OneLineErrors(TyperGroup):
    """The `eventwire` group: as Typer's, but a parser error is one line rather than a framed panel."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as exc:
            # No arguments: the help was printed already (as Typer does it), nothing more to say.
            if type(exc).__name__ != "NoArgsIsHelpError":
                given = sys.argv[1:] if args is None else args
                Console(stderr=True).print(
                    f"[red]error:[/red] {escape(usage_line(exc, given))}", highlight=False, soft_wrap=True
                )
            _exit(int(getattr(exc, "exit_code", 2)))
        except typer.Abort:
            Console(stderr=True).print("Aborted.", highlight=False)
            _exit(1)
        # Without standalone mode a command's exit comes back as its code (None: it returned normally).
        _exit(result if isinstance(result, int) else 0)


def _exit(code: int) -> NoReturn:
    sys.exit(code)
