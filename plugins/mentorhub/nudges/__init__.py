"""Nudges: who should confirm their profile, and which mentees wait without a mentor.

The logic behind the scheduled "Profiles to confirm" issue (`mentorhub nudges`), kept
apart from the workflow so it runs and is tested offline. Only public facts are used:
names, ids, `confirmed`, `joined`, `seeks` and the optional public `github` user name.
"""

from __future__ import annotations

from .find import Nudges, StaleProfile, WaitingMentee, find_nudges
from .markdown import MARKER, MARKER_START, TITLE, closing_comment, issue_body, issue_title

__all__ = ["MARKER", "MARKER_START", "TITLE", "Nudges", "StaleProfile", "WaitingMentee", "closing_comment",
           "find_nudges", "issue_body", "issue_title"]
