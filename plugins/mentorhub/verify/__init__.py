"""The site self-check (`mentorhub verify`): what a hub's CI runs after a build.

Owns reading a built site back (links and anchors, titles and `lang`, leaks of drafts
and `private` values, the JSON outputs against their schemas, feeds, the search index)
and checking a hub's `mkdocs.yml` against what the engine expects. It reads content
through `hub/` (to know which values must never appear) and imports nothing else of ours.
"""

# Nothing is imported here: `check` and `kpi` read mkdocs.yml through hub.site_config
# and should not pay for jsonschema and the HTML checks.
