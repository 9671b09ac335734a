"""Time expressions: recognition and TimeML TIMEX3 normalisation against the publication date."""

from eventwire.time.timex import Timex, find_timexes, nearest_timex, precision_of, timexes_in_span

__all__ = ["Timex", "find_timexes", "nearest_timex", "precision_of", "timexes_in_span"]
