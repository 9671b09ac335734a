"""eventwire: news articles in, PLOVER political events out, every field traceable to its sentence.

>>> from eventwire import code_text
>>> [e.type for e in code_text("Canada imposed sanctions on three Iranian officials.")]
['SANCTION']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.version import PIPELINE_VERSION, __version__

if TYPE_CHECKING:
    from eventwire.api import code_paths, code_text

__all__ = ["PIPELINE_VERSION", "__version__", "code_paths", "code_text"]


def __getattr__(name: str) -> Any:
    # The API pulls in spaCy: load it only when asked for.
    if name in ("code_text", "code_paths"):
        from eventwire import api

        return getattr(api, name)
    raise AttributeError(name)
