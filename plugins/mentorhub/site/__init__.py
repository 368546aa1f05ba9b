"""Generated pages: rendering, page HTML, URLs, sanitizing, contribution links. May import hub."""
