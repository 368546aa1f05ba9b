"""MkDocs adapters: thin plugin classes that wire MkDocs events to the core."""
