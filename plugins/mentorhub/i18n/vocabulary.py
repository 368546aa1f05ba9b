"""Display words for the content model's fixed choices, marked for extraction.

The stored values (`peer-circle`, `lunch-and-learn`) are the contract and never
change; what a reader sees is the translated word. Inline words are lower case
("a peer circle"); :meth:`Localizer.choice_label` capitalises the first letter for
filters and headings, without lowering the rest (German nouns keep their capital).
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


#: vocabulary name → stored value → display word (lower case, translated when shown)
CHOICES: dict[str, dict[str, str]] = {
    "role": {"mentor": N_("mentor"), "mentee": N_("mentee"), "peer": N_("peer")},
    "audience": {"mentor": N_("mentors"), "mentee": N_("mentees"),
                 "organizer": N_("organizers"), "peer": N_("peers")},
    "format": {"one-on-one": N_("one-on-one"), "group": N_("group"),
               "peer-circle": N_("peer circle"), "async": N_("async")},
    "kind": {"toolkit": N_("toolkit"), "guide": N_("guide"), "template": N_("template"),
             "checklist": N_("checklist"), "course": N_("course"), "video": N_("video"),
             "article": N_("article"), "book": N_("book"), "funding": N_("funding"),
             "tool": N_("tool")},
    "level": {"beginner": N_("beginner"), "intermediate": N_("intermediate"),
              "advanced": N_("advanced")},
    "session_format": {"group-mentoring": N_("group mentoring"), "peer-circle": N_("peer circle"),
                       "workshop": N_("workshop"), "lunch-and-learn": N_("lunch and learn"),
                       "office-hours": N_("office hours")},
    "outcome": {"promotion": N_("promotion"), "new-role": N_("new role"),
                "internship": N_("internship"), "job-placement": N_("job placement"),
                "skill-gained": N_("skill gained"), "leadership": N_("leadership"),
                "further-education": N_("further education"),
                "started-mentoring": N_("started mentoring"), "other": N_("other")},
}

#: A resource kind's listing title (`/resources/kind/toolkit/`).
KIND_TITLES: dict[str, str] = {
    "toolkit": N_("Toolkits"), "guide": N_("Guides"), "template": N_("Templates"),
    "checklist": N_("Checklists"), "course": N_("Courses"), "video": N_("Videos"),
    "article": N_("Articles"), "book": N_("Books"), "funding": N_("Fundings"), "tool": N_("Tools"),
}

#: A role's listing title (`/people/mentors/`).
ROLE_TITLES: dict[str, str] = {"mentors": N_("Mentors"), "mentees": N_("Mentees"), "peers": N_("Peers")}


def fallback_word(value: str) -> str:
    """A value outside the vocabulary, as words: `peer-circle` → `peer circle`."""
    return value.replace("-", " ")
