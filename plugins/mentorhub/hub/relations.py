"""Reverse lookups over a hub, computed once: who appears where, what covers which skill."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .models import Hub, Person, Resource, Session, Story


@dataclass(frozen=True)
class Relations:
    """Lists are sorted newest first (sessions, stories) or by id."""

    sessions_led: dict[str, list[Session]] = field(default_factory=dict)
    sessions_attended: dict[str, list[Session]] = field(default_factory=dict)
    stories_of: dict[str, list[Story]] = field(default_factory=dict)
    resources_by: dict[str, list[Resource]] = field(default_factory=dict)
    mentors_offering: dict[str, list[Person]] = field(default_factory=dict)
    mentees_seeking: dict[str, list[Person]] = field(default_factory=dict)
    resources_on: dict[str, list[Resource]] = field(default_factory=dict)
    sessions_on: dict[str, list[Session]] = field(default_factory=dict)
    stories_on: dict[str, list[Story]] = field(default_factory=dict)
    sessions_in_group: dict[str, list[Session]] = field(default_factory=dict)
    sessions_using: dict[str, list[Session]] = field(default_factory=dict)


def relate(hub: Hub) -> Relations:
    """Build every reverse lookup in one pass over each record type."""
    led: dict[str, list[Session]] = defaultdict(list)
    attended: dict[str, list[Session]] = defaultdict(list)
    sessions_on: dict[str, list[Session]] = defaultdict(list)
    in_group: dict[str, list[Session]] = defaultdict(list)
    using: dict[str, list[Session]] = defaultdict(list)
    for session in hub.sessions_newest_first():
        for person_id in session.facilitators:
            led[person_id].append(session)
        for person_id in session.participants:
            if person_id not in session.facilitators:
                attended[person_id].append(session)
        for skill_id in session.topics:
            sessions_on[skill_id].append(session)
        if session.group:
            in_group[session.group].append(session)
        for resource_id in session.resources:
            using[resource_id].append(session)

    stories_of: dict[str, list[Story]] = defaultdict(list)
    stories_on: dict[str, list[Story]] = defaultdict(list)
    for story in hub.stories_newest_first():
        for person_id in dict.fromkeys((story.mentee, *story.mentors)):
            if person_id:
                stories_of[person_id].append(story)
        for skill_id in story.skills:
            stories_on[skill_id].append(story)

    resources_by: dict[str, list[Resource]] = defaultdict(list)
    resources_on: dict[str, list[Resource]] = defaultdict(list)
    for resource in hub.resources.values():
        for author in resource.authors:
            if author in hub.people:
                resources_by[author].append(resource)
        for skill_id in resource.topics:
            resources_on[skill_id].append(resource)

    offering: dict[str, list[Person]] = defaultdict(list)
    seeking: dict[str, list[Person]] = defaultdict(list)
    for person in hub.people.values():
        if person.is_mentor:
            for skill_id in person.offers:
                offering[skill_id].append(person)
        if person.is_mentee:
            for skill_id in person.seeks:
                seeking[skill_id].append(person)

    return Relations(
        sessions_led=dict(led), sessions_attended=dict(attended), stories_of=dict(stories_of),
        resources_by=dict(resources_by), mentors_offering=dict(offering),
        mentees_seeking=dict(seeking), resources_on=dict(resources_on),
        sessions_on=dict(sessions_on), stories_on=dict(stories_on),
        sessions_in_group=dict(sorted(in_group.items())),
        sessions_using=dict(using),
    )
