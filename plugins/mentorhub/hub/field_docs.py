"""The fields' meanings (`Field.doc` in schema.py), marked for the message catalogs.

`check` shows a field's meaning as the hint of "fill in this field" (`name: rellena
este campo (nombre visible)`); listed here so the catalogs translate them without
touching schema.py. A field whose meaning is not listed shows it in English.
"""

from __future__ import annotations

from .problems import N_

DOCS = frozenset({
    N_("display name"),
    N_("mentor, mentee and/or peer"),
    N_("ISO 639-1 codes of languages they can meet in"),
    N_("skill ids they mentor on (mentors: at least one)"),
    N_("skill ids they want to grow in (mentees: at least one)"),
    N_("one line under the name"),
    N_("e.g. she/her"),
    N_("free text, e.g. a city"),
    N_("IANA time zone, e.g. Europe/Berlin"),
    N_("how they like to meet (default one-on-one)"),
    N_("most mentees at once (mentors, default 1)"),
    N_("open, limited or closed (never suggested)"),
    N_("a mentee's current mentors (person ids)"),
    N_("mentors a mentee would like, most wanted first (person ids)"),
    N_("date they joined"),
    N_("last date they confirmed the profile is current"),
    N_("name: https:// link"),
    N_("email, published (obfuscated) only with public: true; or sealed: the hidden email encrypted "
       "to the hub's recipients (mentorhub seal)"),
    N_("must be true: they agreed to be published"),
    N_("organizer-only notes; never published anywhere"),
    N_("ISO 639-1 code of the language the text is written in (default: the hub's language)"),
    N_("true: not published anywhere"),
    N_("title"),
    N_("what sort of resource"),
    N_("one or two sentences (at most 300 characters)"),
    N_("skill ids it covers"),
    N_("who it is for"),
    N_("beginner, intermediate or advanced"),
    N_("external copy (required when there is no body)"),
    N_("person ids or plain names"),
    N_("last update"),
    N_("when it took place"),
    N_("kind of session"),
    N_("person ids who led it"),
    N_("skill ids discussed"),
    N_("the circle or programme it belongs to"),
    N_("person ids of people who agreed to be named"),
    N_("head count (default: facilitators + participants)"),
    N_("minutes"),
    N_("responses (count) and satisfaction (mean rating 1-5)"),
    N_("resource ids used"),
    N_("when it happened"),
    N_("at most 300 characters"),
    N_("what came of it"),
    N_("person id (omit to stay anonymous)"),
    N_("person ids"),
    N_("circle or programme"),
    N_("skill ids"),
    N_("self-rated confidence before and after (1-5)"),
    N_("a quote"),
})
