"""Hook: "Propose an edit" and "Add yourself" links (the logic lives in the mentorhub package).

MkDocs loads hooks by file path; this file only re-exports the package's event
functions, so every hub gets fixes by upgrading mentorhub, not by copying code.
"""

from mentorhub.mkdocs.contribute_links import on_config, on_page_content, on_page_markdown

__all__ = ["on_config", "on_page_content", "on_page_markdown"]
