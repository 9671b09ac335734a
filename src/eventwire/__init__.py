"""eventwire: news articles in, PLOVER political events out, every field traceable to its sentence."""

from eventwire.version import PIPELINE_VERSION, __version__

__all__ = ["PIPELINE_VERSION", "__version__"]
