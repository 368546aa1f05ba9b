"""Matching: explainable mentor suggestions, peer suggestions, peer circles and a cohort proposal.

Pure Python over a loaded `Hub`: no MkDocs import, no files. The MkDocs plugin
(`mentorhub.mkdocs.matching_plugin`) and the `mentorhub match` command are thin
adapters around `match_hub` and `propose_cohort`. Rules and guarantees:
docs/guide/matching.md.
"""

from __future__ import annotations

from .circles import Circle, propose_circles
from .cohort import (
    Cohort,
    CohortPair,
    cohort_csv,
    cohort_json,
    cohort_summary,
    cohort_summary_json,
    propose_cohort,
)
from .context import MatchContext
from .explain import Explanation
from .options import MatchOptions, Weights, options_from_settings
from .result import MatchResult, match_hub, matches_document, matches_json
from .suggest import Suggestion

__all__ = [
    "Circle",
    "Cohort",
    "CohortPair",
    "Explanation",
    "MatchContext",
    "MatchOptions",
    "MatchResult",
    "Suggestion",
    "Weights",
    "cohort_csv",
    "cohort_json",
    "cohort_summary",
    "cohort_summary_json",
    "match_hub",
    "matches_document",
    "matches_json",
    "options_from_settings",
    "propose_circles",
    "propose_cohort",
]
