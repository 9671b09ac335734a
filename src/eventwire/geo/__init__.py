"""Places: a packaged gazetteer, toponym recognition and resolution, and where events happened.

`Geoparser.load()` reads the gazetteer from its disk cache; `geoparser.parse(docs, offsets, source)`
finds and resolves every toponym of an article; `locate_event(trigger, places, exclude)` gives the
place of one event, or None.
"""

from eventwire.geo.evaluate import evaluate_geo, format_geo_report
from eventwire.geo.gazetteer import Gazetteer, load_gazetteer
from eventwire.geo.locate import locate_event
from eventwire.geo.parser import Geoparser
from eventwire.geo.records import Feature, Place, ResolvedToponym, Toponym, ToponymKind

__all__ = [
    "Feature",
    "Gazetteer",
    "Geoparser",
    "Place",
    "ResolvedToponym",
    "Toponym",
    "ToponymKind",
    "evaluate_geo",
    "format_geo_report",
    "load_gazetteer",
    "locate_event",
]
