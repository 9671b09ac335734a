"""Versions recorded with every event: a change in the coder changes the version."""

__version__ = "0.1.0"
# Bumped whenever coding rules or resources change, so stored events say which coder made them.
PIPELINE_VERSION = "eventwire-0.1.0"
