"""The Pagefind side: search metadata, finder pages, index building. May import hub and site."""
