"""`mentorhub import`: bring a programme's spreadsheet or directory into the hub.

Rows are read from CSV, XLSX, JSON or YAML (:mod:`.sources`), turned into record
fields by a mapping file (:mod:`.mapping`, :mod:`.convert`), checked in a copy of
`content/` with the same loader as `mentorhub check`, and only then written
(:mod:`.run`). Imports nothing but `hub/` and `i18n/`: sealing is handed in by the
command, which owns the age library.
"""
