"""mentorhub: a static-site generator for mentorship knowledge-sharing hubs.

The core (loading, models, matching, KPIs, page rendering) imports nothing from
MkDocs; the MkDocs adapters live in :mod:`mentorhub.mkdocs`.
"""

__version__ = "0.1.0"
