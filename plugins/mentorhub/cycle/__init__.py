"""Organizer-held relationship records: the programme's year (docs/cycle.md).

Encrypted records outside `content/` (storage), validated like content after
decryption (validate), followed by the organizer (attention) and measured at build
time under the small-group rule (lifecycle, settled). Imports only `hub/` and `i18n/`.
"""
