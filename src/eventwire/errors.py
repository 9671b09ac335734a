"""Exceptions that carry a short reason and survive a process pool (they pickle cleanly)."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: a message that says what went wrong and how to fix it."""


class RejectError(EventwireError):
    """An input that cannot be coded: `reason` is a short tag, `detail` one line for the user."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[type[RejectError], tuple[str, str]]:
        return (type(self), (self.reason, self.detail))


class UsageError(EventwireError):
    """Bad arguments or settings: the CLI exits with code 2."""
