"""Rules that mutation testing showed no test guarded (scripts/mutate.py, docs/reference/mutation-testing.md).

Each test states the rule it protects and checks it through behaviour (public
functions, what a reader or contributor sees), not through the code's internals, so
it holds whatever the implementation becomes.
"""

from __future__ import annotations

import base64
import datetime as dt
import re

import pytest

from mentorhub.changes import LIST_LIMIT, Impact, SealedChange, sealed_changes, to_markdown
from mentorhub.hub.body_shape import body_shape_problems
from mentorhub.hub.email_rule import is_email
from mentorhub.hub.models import Hub, Person, Source
from mentorhub.hub.pii import EMAIL_KIND, PHONE_KIND, find_pii, kind_of
from mentorhub.hub.printable import UNSAFE
from mentorhub.hub.quoting import label, private_kind, quote, unquoted
from mentorhub.hub.sealing import (
    BEGIN,
    END,
    SealedEmail,
    armor_problem,
    contact_payload,
    read_payload,
    recipient_problem,
)
from mentorhub.matching.options import MatchOptions
from mentorhub.site.sanitize import clean_html, render_body

# -- emails and phone numbers in free text (hub/pii.py) ---------------------------------------


@pytest.mark.parametrize("address", ["ana@example.de", "ana.b@mail.example.co", "x@ab.io"])
def test_emails_with_two_letter_top_level_domains_are_found(address: str) -> None:
    """Most country domains have two letters: an email there is still an email."""
    assert [f.kind for f in find_pii(f"write to {address} today")] == [EMAIL_KIND]


@pytest.mark.parametrize("scheme", ["s3", "web0", "p9", "git+ssh"])
def test_an_at_sign_in_a_web_address_of_any_scheme_is_not_an_email(scheme: str) -> None:
    """A URL scheme may hold letters, digits, '+', '-' and '.' (RFC 3986)."""
    assert find_pii(f"see {scheme}://ana@example.org/files for more") == []


def test_the_shortest_real_phone_numbers_are_found() -> None:
    """Seven digits is a whole number in some countries (Niue: +683 7012)."""
    assert [f.kind for f in find_pii("ring +6837012 after six")] == [PHONE_KIND]


@pytest.mark.parametrize("number", [
    "(201) 555-0123",  # US
    "01512 3456789",  # DE
    "803 12 34 56",  # ES
    "178 192 1844",  # IT
    "12 345 67 89",  # PL
    "1800 12 3456",  # IN
    "4004-1234",  # BR
    "0348 790 3867",  # GB
    "057 948393",  # KE
    "084 762 119",  # ZA
])
def test_national_numbers_of_the_hubs_countries_are_found(number: str) -> None:
    """Numbers written without +country prefix are found for each country docs/privacy lists
    (each of these is recognised by its own country's numbering plan only)."""
    assert [f.kind for f in find_pii(f"call {number} now")] == [PHONE_KIND]


def test_findings_come_in_text_order_with_lines_counted_from_zero() -> None:
    text = "\nFirst +44 20 7946 0958, then\nana@example.org"
    found = find_pii(text)
    assert [(f.kind, f.line) for f in found] == [(PHONE_KIND, 1), (EMAIL_KIND, 2)]
    assert text[found[1].start:found[1].end] == "ana@example.org"
    assert len({*found}) == 2  # findings are values: they can be collected and compared


@pytest.mark.parametrize("space", ["\u2000", "\u2005", "\u200a", "\u00a0", "\u3000"])
def test_numbers_spaced_with_any_unicode_space_are_found(space: str) -> None:
    """En quad to hair space (U+2000–U+200A), no-break and ideographic spaces: a typesetter's
    space between digit groups still makes a phone number."""
    assert [f.kind for f in find_pii(f"ring 020{space}7946{space}0958 now")] == [PHONE_KIND]


@pytest.mark.parametrize("text", ["ref +14155552671abc now", "order 020 7946 0958A", "id 4155552671x",
                                  "code +442079460958q"])
def test_digits_glued_to_a_word_are_not_a_phone_number(text: str) -> None:
    """An order reference or product code (`0958A`) is not a number someone can be called on:
    the letter right after the digits counts, however the scan cuts the text into pieces."""
    assert find_pii(text) == []
    assert [f.kind for f in find_pii(text.rstrip("abcqxA now"))] == [PHONE_KIND]


@pytest.mark.parametrize("number", ["+14155552671", "020 7946 0958", "(415) 555-2671"])
def test_a_finding_points_at_the_number_itself(number: str) -> None:
    """A finding's start and end are the number's own characters, and its line the number's
    line, wherever it stands in a longer text (the scan reads pieces of the text)."""
    text = "Intro line.\nSome words first, then call " + number + " after six."
    [finding] = find_pii(text)
    assert text[finding.start:finding.end] == number
    assert finding.line == 1


def test_a_number_wrapped_across_a_line_is_found_from_its_first_character() -> None:
    """A wrapped number is read with the line break as a space; the finding still covers the
    number as written, its `+` included."""
    text = "Call me on\n+44 20\n7946 0958 please"
    assert [text[f.start:f.end] for f in find_pii(text)] == ["+44 20\n7946 0958"]


# -- how problems quote a rejected value (hub/quoting.py) --------------------------------------


def test_a_quoted_value_is_cut_after_sixty_characters() -> None:
    """Problems quote at most 60 characters, the last being '…' when the value is longer."""
    assert quote("x" * 60) == "'" + "x" * 60 + "'"
    assert quote("x" * 61) == "'" + "x" * 59 + "…'"
    assert quote("line one\nline two") == "'line one\\nline two'"


def test_a_map_key_is_cut_the_same_way() -> None:
    assert label("k" * 60) == "k" * 60
    assert label("k" * 61) == "k" * 59 + "…"


def test_private_values_are_described_not_quoted() -> None:
    assert quote("ana@example.org") == EMAIL_KIND
    assert label("ana@example.org") == f"[{EMAIL_KIND}]"
    assert kind_of("ring +44 20 7946 0958") == PHONE_KIND
    with unquoted():
        assert quote("harmless") == "a value"
        assert private_kind("harmless") == "a value"
    assert private_kind("harmless") is None
    assert quote("harmless") == "'harmless'"


# -- the body sanitizer (site/sanitize.py) -----------------------------------------------------

#: The documented allow-list (docs/content.md): every other element is removed.
ALLOWED_FRAGMENTS = {
    "a": '<a href="https://example.org/" title="t">x</a>',
    "abbr": '<abbr title="t">x</abbr>', "b": "<b>x</b>", "blockquote": "<blockquote>x</blockquote>",
    "br": "x<br>y", "code": "<code>x</code>", "del": "<del>x</del>",
    "details": "<details><summary>s</summary>x</details>", "div": "<div>x</div>",
    "dl": "<dl><dt>t</dt><dd>d</dd></dl>", "em": "<em>x</em>", "h2": "<h2>x</h2>", "h3": "<h3>x</h3>",
    "h4": "<h4>x</h4>", "h5": "<h5>x</h5>", "h6": "<h6>x</h6>", "hr": "x<hr>y", "i": "<i>x</i>",
    "img": '<img src="/media/a.png" alt="a" title="t" width="10" height="10">',
    "ins": "<ins>x</ins>", "kbd": "<kbd>x</kbd>", "mark": "<mark>x</mark>",
    "ol": '<ol start="3"><li>x</li></ol>', "p": "<p>x</p>", "pre": "<pre>x</pre>", "s": "<s>x</s>",
    "small": "<small>x</small>", "span": "<span>x</span>", "strong": "<strong>x</strong>",
    "sub": "<sub>x</sub>", "sup": "<sup>x</sup>",
    "table": '<table><thead><tr><th scope="col" align="left" colspan="1" rowspan="1">h</th></tr>'
             '</thead><tbody><tr><td align="left" colspan="1" rowspan="1">x</td></tr></tbody>'
             "<tfoot><tr><td>f</td></tr></tfoot></table>",
    "ul": "<ul><li>x</li></ul>",
}
ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
                "em", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
                "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
                "td", "tfoot", "th", "thead", "tr", "ul"}
ALLOWED_ATTRIBUTES = {"href", "title", "src", "alt", "width", "height", "align", "colspan", "rowspan",
                      "scope", "start"}
#: Elements, attributes and URL schemes that carry forms, styles, scripts or embedded content.
DANGEROUS = ("form", "input", "style", "script", "data", "javascript", "iframe", "srcdoc", "object",
             "embed", "button", "textarea", "select", "svg", "math", "onclick")


def tags_in(html: str) -> set[str]:
    return set(re.findall(r"<([a-z0-9]+)", html))


def in_context(tag: str, attributes: str) -> str:
    """`tag` with `attributes` where an HTML parser keeps it (table parts inside a table …)."""
    element = f"<{tag} {attributes}>y</{tag}>"
    if tag in ("td", "th"):
        return f"<table><tbody><tr>{element}</tr></tbody></table>"
    if tag == "tr":
        return f"<table><tbody><tr {attributes}><td>y</td></tr></tbody></table>"
    if tag in ("tbody", "thead", "tfoot"):
        return f"<table><{tag} {attributes}><tr><td>y</td></tr></{tag}></table>"
    if tag == "li":
        return f"<ul>{element}</ul>"
    if tag in ("dt", "dd"):
        return f"<dl>{element}</dl>"
    if tag == "summary":
        return f"<details>{element}</details>"
    if tag in ("br", "hr", "img"):
        return f"<{tag} {attributes}>"
    return element


@pytest.mark.parametrize("tag", sorted(ALLOWED_FRAGMENTS))
def test_every_allowed_element_and_attribute_survives(tag: str) -> None:
    """What the allow-list promises (formatting, tables, images from media/) is kept:
    each element, with each of its allowed attributes."""
    fragment = ALLOWED_FRAGMENTS[tag]
    cleaned = clean_html(fragment)
    assert tags_in(cleaned) == tags_in(fragment)
    for element, attributes in re.findall(r"<([a-z0-9]+)([^>]*)>", fragment):
        for attribute in re.findall(r' ([a-z]+)="', attributes):
            assert re.search(rf'<{element}\b[^>]* {attribute}="', cleaned), (element, attribute)


@pytest.mark.parametrize("name", DANGEROUS)
def test_no_form_style_script_or_embedded_content_survives(name: str) -> None:
    """Nothing but the allow-list: no element, attribute or URL scheme that could run,
    restyle, submit or embed something, on any allowed element."""
    assert name not in tags_in(clean_html(f"<{name}>x</{name}><{name} />"))
    for tag in sorted(ALLOWED_TAGS):
        cleaned = clean_html(in_context(tag, f'{name}="x" style="color:red"'))
        assert f"<{tag}" in cleaned, cleaned  # the element itself is kept: the check means something
        assert f'{name}="' not in cleaned and "style=" not in cleaned, (tag, cleaned)
    for attribute in ("href", "src"):
        tag = "a" if attribute == "href" else "img"
        cleaned = clean_html(f'<{tag} {attribute}="{name}:x">y</{tag}>')
        assert f'{attribute}="' not in cleaned, cleaned


def test_data_and_javascript_urls_are_removed_but_web_and_mail_links_kept() -> None:
    assert "href" not in clean_html('<a href="data:text/html,<script>x</script>">x</a>')
    assert "href" not in clean_html('<a href="javascript:alert(1)">x</a>')
    for url in ("https://example.org/", "http://example.org/", "mailto:team@example.org"):
        assert f'href="{url}"' in clean_html(f'<a href="{url}">x</a>')
    assert 'rel="noopener noreferrer nofollow"' in clean_html('<a href="https://example.org/">x</a>')


def test_images_are_local_only() -> None:
    """A remote image would make readers' browsers call a third party."""
    for src in ("https://tracker.example/p.png", "//tracker.example/p.png", "data:image/png;base64,AA"):
        assert "src=" not in clean_html(f'<img src="{src}" alt="a">')
    assert 'src="/media/a.png"' in clean_html('<img src="/media/a.png" alt="a">')


def test_site_root_links_are_made_relative_but_other_hosts_are_not() -> None:
    seen: list[str] = []

    def rewrite(url: str) -> str:
        seen.append(url)
        return "../.." + url

    html = clean_html('<a href="/pages/x/">p</a><a href="//other.example/">o</a>'
                      '<a href="https://example.org/">e</a><img src="/media/a.png" alt="a">', rewrite)
    assert seen == ["/pages/x/", "/media/a.png"]
    assert 'href="../../pages/x/"' in html and 'src="../../media/a.png"' in html
    assert "../..//other" not in html


def test_comments_are_removed() -> None:
    assert "secret" not in clean_html("<p>x<!-- secret --></p>")


def test_one_body_never_leaks_into_the_next() -> None:
    """Bodies share one Markdown converter: footnotes, abbreviations and link references of
    one person's bio must not appear in the next one rendered."""
    first = render_body("Mine[^1]. Uses HTML.\n\n[^1]: a private footnote\n\n*[HTML]: Secret Expansion\n")
    assert "a private footnote" in first
    second = render_body("Someone else's bio about HTML.")
    assert "private footnote" not in second and "Secret Expansion" not in second


def test_markdown_extras_render_and_lists_stay_apart() -> None:
    """Tables, footnotes and abbreviations (extra) render; a bullet under a numbered item
    does not silently join the numbered list (sane_lists)."""
    assert "<table>" in render_body("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<li>two</li>" not in render_body("1. one\n* two\n")


def test_body_headings_sit_under_the_page_heading_and_empty_bodies_render_nothing() -> None:
    html = render_body("# Title\n\ntext")
    assert "<h1" not in html and "<h2" in html
    assert render_body("   \n\n") == ""


# -- fair exposure (matching/options.py) -------------------------------------------------------


def test_the_exposure_cap_is_the_largest_of_minimum_per_place_and_free_places() -> None:
    """A mentor appears in at most max(exposure_min, exposure_per_place × free places) lists,
    and never fewer than their free places (so the cohort's pairs can all be shown)."""
    options = MatchOptions(today=dt.date(2026, 1, 1), exposure_min=3, exposure_per_place=2)
    assert [options.exposure_cap(free) for free in (0, 1, 2, 5)] == [3, 3, 4, 10]
    flat = MatchOptions(today=dt.date(2026, 1, 1), exposure_min=1, exposure_per_place=0)
    assert [flat.exposure_cap(free) for free in (0, 4)] == [1, 4]


def test_a_preferred_mentor_is_never_shown_past_the_exposure_cap() -> None:
    """Preferences come first, but within the cap: a mentor everyone prefers still appears
    in at most exposure_cap(free places) suggestion lists."""
    from mentorhub.hub.models import Hub
    from mentorhub.matching import match_hub

    from matching_support import TODAY, person, skill_vocabulary

    people = [person("pop", ("mentor",), languages=("en",), offers=("s0",), capacity=1),
              person("alt", ("mentor",), languages=("en",), offers=("s0",), capacity=3)]
    people += [person(f"m{i}", ("mentee",), languages=("en",), seeks=("s0",), prefers=("pop",))
               for i in range(4)]
    hub = Hub(skills=skill_vocabulary(), people={p.id: p for p in people})
    for minimum in (1, 2):  # cap 1: the cohort's pair uses it; cap 2: one preference more
        options = MatchOptions(today=TODAY, exposure_min=minimum, exposure_per_place=1)
        result = match_hub(hub, options)
        shown = [m for m, found in result.mentors_for.items() if "pop" in [s.person for s in found]]
        assert len(shown) == options.exposure_cap(1) == minimum
    assert all(result.mentors_for[f"m{i}"] for i in range(4))  # everyone still gets a mentor


def test_a_body_line_starting_with_a_hash_still_reads_as_a_hash() -> None:
    """A '#' at the start of a body line is escaped (so it cannot become a page heading),
    but the reader still sees the '#'."""
    import html

    rendered = render_body("<p>first\n# not a heading</p>")
    assert "\n#" not in rendered
    assert "\n# not a heading" in html.unescape(rendered)


def _preference_hub():  # type: ignore[no-untyped-def]
    from mentorhub.hub.models import Hub

    from matching_support import person, skill_vocabulary

    # four strong mentors (two shared skills) and two weak ones (one); ana prefers the weak ones
    people = [person(f"strong{i}", ("mentor",), languages=("en",), offers=("s0", "s1"), capacity=2)
              for i in range(4)]
    people += [person(f"weak{i}", ("mentor",), languages=("en",), offers=("s0",), capacity=2)
               for i in range(2)]
    people += [person("ana", ("mentee",), languages=("en",), seeks=("s0", "s1"),
                      prefers=("weak0", "weak1")),
               person("bo", ("mentee",), languages=("en",), seeks=("s0",))]
    return Hub(skills=skill_vocabulary(), people={p.id: p for p in people})


def test_every_preferred_mentor_who_fits_is_on_the_list_even_when_better_ones_would_fill_it() -> None:
    from mentorhub.matching import match_hub

    from matching_support import TODAY

    result = match_hub(_preference_hub(), MatchOptions(today=TODAY, top_k=3))
    listed = [s.person for s in result.mentors_for["ana"]]
    assert {"weak0", "weak1"} <= set(listed) and len(listed) == 3
    assert "weak0" not in [s.person for s in result.mentors_for["bo"]][:1]


def test_suggestions_can_be_asked_for_on_their_own_and_are_read_only() -> None:
    """`suggest_mentors` without a cohort computes the cohort itself: same suggestions."""
    import dataclasses

    from mentorhub.matching import MatchContext, match_hub
    from mentorhub.matching.suggest import suggest_mentors

    from matching_support import TODAY

    options = MatchOptions(today=TODAY, top_k=3)
    alone = suggest_mentors(MatchContext(_preference_hub(), options))
    assert alone.mentors_for == match_hub(_preference_hub(), options).mentors_for
    with pytest.raises(dataclasses.FrozenInstanceError):
        alone.mentors_for = {}  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        alone.mentors_for["ana"][0].score = 1.0  # type: ignore[misc]


def test_preferences_fill_the_last_place_under_the_cap_but_never_pass_top_k() -> None:
    """Both mentees prefer `pop`, who may be shown twice (exposure_min 2) but mentor one:
    the one the cohort does not pair with pop still sees pop, from the last place of pop's
    exposure; with room for one suggestion (top_k 1), a list holds one."""
    from mentorhub.hub.models import Hub
    from mentorhub.matching import match_hub

    from matching_support import TODAY, person, skill_vocabulary

    people = [person(f"strong{i}", ("mentor",), languages=("en",), offers=("s0", "s1"), capacity=2)
              for i in range(4)]
    people += [person("pop", ("mentor",), languages=("en",), offers=("s0",), capacity=1),
               person("ana", ("mentee",), languages=("en",), seeks=("s0", "s1"), prefers=("pop",)),
               person("bo", ("mentee",), languages=("en",), seeks=("s0", "s1"), prefers=("pop",))]
    hub = Hub(skills=skill_vocabulary(), people={p.id: p for p in people})
    options = MatchOptions(today=TODAY, top_k=2, exposure_min=2, exposure_per_place=1)
    result = match_hub(hub, options)
    assert [m for m in ("ana", "bo") if "pop" in [s.person for s in result.mentors_for[m]]] == ["ana", "bo"]
    short = match_hub(hub, MatchOptions(today=TODAY, top_k=1, exposure_min=2, exposure_per_place=1))
    assert [len(short.mentors_for[m]) for m in ("ana", "bo")] == [1, 1]


def test_a_paired_mentee_gets_the_one_mentor_left_whatever_its_place_in_the_order() -> None:
    """Mentees who already have a mentor get a first suggestion too when a maximum flow
    allows it (here the only mentor with room, first in id order)."""
    from mentorhub.hub.models import Hub
    from mentorhub.matching import match_hub

    from matching_support import TODAY, person, skill_vocabulary

    people = [person("aaa", ("mentor",), languages=("en",), offers=("s0",), capacity=1),
              person("zed", ("mentor",), languages=("en",), offers=("s0",), capacity=1),
              person("mia", ("mentee",), languages=("en",), seeks=("s0",), mentors=("zed",))]
    hub = Hub(skills=skill_vocabulary(), people={p.id: p for p in people})
    result = match_hub(hub, MatchOptions(today=TODAY, exposure_min=1, exposure_per_place=1))
    assert [s.person for s in result.mentors_for["mia"]] == ["aaa"]


def test_lists_are_best_first_ties_by_id_and_name_nobody_twice() -> None:
    """Each mentee's list and each mentor's list of mentees: highest score first, ties by id,
    no one listed twice."""
    from mentorhub.matching import match_hub

    from matching_support import TODAY

    result = match_hub(_preference_hub(), MatchOptions(today=TODAY, top_k=4))
    lists = [*result.mentors_for.values(), *result.mentees_for.values()]
    # the order is tested on both sides: scores differ within some list of each kind
    assert any(len({s.score for s in found}) > 1 for found in result.mentors_for.values())
    assert any(len({s.score for s in found}) > 1 for found in result.mentees_for.values())
    for found in lists:
        best_first = sorted(found, key=lambda s: (-s.score, s.person))
        assert [s.person for s in found] == [s.person for s in best_first]
        assert len({s.person for s in found}) == len(found)


# -- the greedy allocation under the cohort (matching/allocate.py) -----------------------------


class _TablePool:
    """A pool with fixed points per (seeker, candidate); keys as the real pool makes them:
    higher points first, then lower candidate position."""

    stride = 100

    def __init__(self, points: dict[int, dict[int, int]]) -> None:
        self.table = points
        self.removed: set[int] = set()

    def key(self, points: int, candidate: int) -> int:
        return points * self.stride + self.stride - 1 - candidate

    def points(self, key: int) -> int:
        return key // self.stride

    def person_at(self, key: int) -> int:
        return self.stride - 1 - key % self.stride

    def remove(self, position: int) -> None:
        self.removed.add(position)

    def top(self, query: int, limit: int, exclude: tuple[int, ...] = ()) -> list[int]:
        keys = [self.key(p, c) for c, p in self.table[query].items()
                if c not in self.removed and c not in exclude]
        return sorted(keys, reverse=True)[:limit]


def _allocate(points: dict[int, dict[int, int]], quota: int | list[int], room: list[int]) -> list[list[int]]:
    from mentorhub.matching.allocate import allocate

    pool = _TablePool(points)
    taken = allocate(pool, list(points), quota, room)  # type: ignore[arg-type]
    return [[pool.person_at(k) for k in keys] for keys in taken]


def test_a_seeker_skips_candidates_filled_while_it_waited() -> None:
    """Best pair first: seeker 1's first two candidates are taken by better pairs before its
    turn comes, so it gets its third; nobody gets a full candidate or the same one twice."""
    points = {0: {0: 9}, 1: {0: 5, 1: 4, 2: 3}, 2: {1: 8}}
    assert _allocate(points, 1, [1, 1, 1]) == [[0], [2], [1]]
    # a quota of two, a candidate with room for two: taken once, then the next one
    assert _allocate({0: {0: 9, 1: 5}}, 2, [2, 1]) == [[0, 1]]
    # each seeker's candidates come best first
    assert _allocate({0: {0: 9, 1: 8, 2: 7}}, 3, [1, 1, 1]) == [[0, 1, 2]]
    # no room at all: nobody gets anyone; a quota of zero asks for nothing
    assert _allocate({0: {0: 9}, 1: {0: 8}}, [1, 0], [0]) == [[], []]
    assert _allocate({0: {0: 9}, 1: {0: 8}}, [0, 1], [1]) == [[], [0]]


def test_a_seeker_beyond_its_first_batch_still_finds_room() -> None:
    """Rankings are fetched in batches; when every candidate of the first batch is full, the
    next batch is fetched (and the seeker still gets the best candidate with room)."""
    many = {c: 100 - c for c in range(30)}
    others = {s: {c: 200 - s} for s, c in zip(range(1, 21), range(20), strict=True)}
    points = {0: many, **others}
    result = _allocate(points, 1, [1] * 30)
    assert result[0] == [20]
    assert all(result[s] == [s - 1] for s in range(1, 21))


def test_a_candidate_with_room_left_stays_available_to_later_batches() -> None:
    """Candidate 6 has room for two: after seeker 7 takes one place, seeker 0 (whose first
    batch is all taken) still finds the other."""
    points = {0: {c: 50 - c for c in range(6)} | {6: 10}}
    points |= {s: {s - 1: 100} for s in range(1, 7)}
    points[7] = {6: 99}
    result = _allocate(points, 1, [1] * 6 + [2])
    assert result[0] == [6] and result[7] == [6]


def test_both_sides_of_a_pair_carry_the_same_score_between_zero_and_one() -> None:
    from mentorhub.matching import match_hub

    from matching_support import TODAY

    result = match_hub(_preference_hub(), MatchOptions(today=TODAY, top_k=4))
    for mentee, found in result.mentors_for.items():
        for suggestion in found:
            back = {s.person: s.score for s in result.mentees_for[suggestion.person]}
            assert back[mentee] == suggestion.score and 0 <= suggestion.score <= 1


def test_a_paired_mentees_preference_fills_a_one_place_list_and_ties_read_by_id() -> None:
    """A mentee who already has a mentor and prefers `zz`: with room for one suggestion the
    list is just `zz`; with room for two, `aa` and `zz` score the same and read by id."""
    from mentorhub.hub.models import Hub
    from mentorhub.matching import match_hub

    from matching_support import TODAY, person, skill_vocabulary

    people = [person(m, ("mentor",), languages=("en",), offers=("s0",), capacity=2)
              for m in ("aa", "zz", "cur")]
    people.append(person("pia", ("mentee",), languages=("en",), seeks=("s0",), mentors=("cur",),
                         prefers=("zz",)))
    hub = Hub(skills=skill_vocabulary(), people={p.id: p for p in people})
    one = match_hub(hub, MatchOptions(today=TODAY, top_k=1))
    assert [s.person for s in one.mentors_for["pia"]] == ["zz"]
    two = match_hub(hub, MatchOptions(today=TODAY, top_k=2))
    assert [s.person for s in two.mentors_for["pia"]] == ["aa", "zz"]


def test_a_mentors_mentees_read_best_first_not_by_id() -> None:
    from mentorhub.hub.models import Hub
    from mentorhub.matching import match_hub

    from matching_support import TODAY, person, skill_vocabulary

    people = [person("mo", ("mentor",), languages=("en",), offers=("s0", "s1"), capacity=3),
              person("aaron", ("mentee",), languages=("en",), seeks=("s0",)),
              person("zoe", ("mentee",), languages=("en",), seeks=("s0", "s1"))]
    hub = Hub(skills=skill_vocabulary(), people={p.id: p for p in people})
    mentees = match_hub(hub, MatchOptions(today=TODAY)).mentees_for["mo"]
    assert [s.person for s in mentees] == ["zoe", "aaron"]
    assert mentees[0].score > mentees[1].score


# -- sealed blocks (hub/sealing.py) -------------------------------------------------------------


def _age_armor(payload: int) -> str:
    """A well-formed age file whose encrypted part (after the header's MAC line) has `payload` bytes."""
    data = (b"age-encryption.org/v1\n-> X25519 " + b"A" * 43 + b"\n" + b"B" * 43
            + b"\n--- " + b"C" * 43 + b"\n" + bytes(payload))
    encoded = base64.b64encode(data).decode()
    lines = [encoded[i:i + 64] for i in range(0, len(encoded), 64)]
    return "\n".join([BEGIN, *lines, END])


def test_an_age_file_needs_a_nonce_and_one_tag_after_its_header() -> None:
    """age's encrypted part is a 16-byte nonce and at least one 16-byte tag: 32 bytes is the
    shortest real block (an empty email), 31 is a block that lost its end."""
    assert armor_problem(_age_armor(32)) is None
    problem = armor_problem(_age_armor(31))
    assert problem is not None and "incomplete" in problem


def test_a_line_with_three_padding_signs_is_named_as_not_base64() -> None:
    """Base64 pads with at most two '=': a third is a broken line, and the problem says which."""
    block = _age_armor(32).splitlines()
    block[-2] = block[-2][:4] + "==="
    problem = armor_problem("\n".join(block))
    assert problem is not None and f"line {len(block) - 2} of the block is not base64" in problem


def _full_width_armor() -> list[str]:
    """An armored age file whose last base64 line is exactly as wide as the others."""
    for payload in range(32, 32 + 48):
        lines = _age_armor(payload).splitlines()
        if len(lines[-2]) == 64:
            return lines
    raise AssertionError("no payload fills the last line")


def test_a_blank_line_inside_the_armor_is_the_wrong_length() -> None:
    """age refuses armor with an empty line before END ("not wrapped at 64 characters"),
    so check must too, even when the line above it is full."""
    lines = _full_width_armor()
    assert armor_problem("\n".join(lines)) is None
    problem = armor_problem("\n".join([*lines[:-1], "", lines[-1]]))
    assert problem is not None and "wrong length" in problem


def test_a_block_cut_one_character_into_its_last_line_says_data_was_lost() -> None:
    """One base64 character cannot end a block: the problem says part of it was lost, not
    that it was re-wrapped (which would send the contributor looking for the wrong fix)."""
    lines = _full_width_armor()
    problem = armor_problem("\n".join([*lines[:-1], "Q", lines[-1]]))
    assert problem is not None and "lost" in problem


def test_nothing_may_follow_the_base64_padding() -> None:
    """'=' ends a base64 stream: a line after it is data a decoder would silently drop (or
    another tool read), so such a block is refused, not opened as if the rest were absent."""
    for payload in range(32, 32 + 48):
        lines = _age_armor(payload).splitlines()
        if len(lines[-2]) == 64 and lines[-2].endswith("="):
            break
    else:
        raise AssertionError("no payload ends a full line with padding")
    assert armor_problem("\n".join(lines)) is None
    problem = armor_problem("\n".join([*lines[:-1], "QUFB", lines[-1]]))
    assert problem == "its base64 does not decode (was part of it lost?)"


def test_armor_and_recipient_problems_name_what_a_real_one_looks_like() -> None:
    """The fix is in the message: the header an age file starts with, and the prefix of a
    public key (`age1…`, as age-keygen prints it), written exactly."""
    not_age = "\n".join([BEGIN, base64.b64encode(b"not-age/v1\n" + bytes(30)).decode(), END])
    assert armor_problem(not_age) == (
        "is not an age file (its header is not 'age-encryption.org/v1')")
    assert recipient_problem("age1abc") == "expected a list of age public keys (age1…)"


def test_a_wrong_recipient_is_quoted_at_most_eighty_characters() -> None:
    """A pasted file or key list in `recipients` is named, not dumped into the terminal."""
    problem = recipient_problem(["x" * 200])
    assert problem == ("item 1 (" + repr("x" * 200)[:80] + ") is not an age public key: it starts with "
                       "'age1' and is 62 characters long (age-keygen prints it as 'public key: age1…')")


def test_the_sealed_section_keeps_its_heading_callout_and_list_apart() -> None:
    """Blank lines between the heading, the callout and the list: without them a renderer can
    fold the list into the callout's quote, and the reviewer misses which profiles changed."""
    text = to_markdown(_impact_with_sealed(2), "main", "2026-11-22")
    section = text.split("### Sealed contacts", 1)[1]
    assert section.startswith("\n\n> [!IMPORTANT]\n")
    assert "`mentorhub contacts`).\n\n- `p00`: sealed contact replaced\n- `p01`: sealed contact " \
           "replaced\n\n### KPIs" in section


# -- body shapes (hub/body_shape.py) ------------------------------------------------------------
#
# The limits are documented numbers (docs/guide/content.md, "Bodies"): a contributor can
# write right up to each, and one more is a problem on the line where it is crossed.


@pytest.mark.parametrize(("at_limit", "over", "line"), [
    ("- " * 16 + "x", "- " * 17 + "x", 2),
    ("> " * 16 + "x", "> " * 17 + "x", 2),
    ("1. " * 16 + "x", "1) " * 17 + "x", 2),
    (" " * 64 + "x", " " * 68 + "x", 2),
    ("- " * 12 + " " * 16 + "x", "- " * 13 + " " * 16 + "x", 2),
    ("    - " * 8 + "x", "    - " * 9 + "x", 2),
    ("      - " * 8 + "x", "      - " * 9 + "x", 2),
    (" " * 60 + "- x", " " * 64 + "- x", 2),
    ("[" * 16 + "x", "[" * 17 + "x", 2),
    ("[a\n" * 16, "[a\n" * 17, 18),
    ("[a\n" * 8 + "text\n" + "[a\n" * 8, "[a\n" * 8 + "text\n" + "[a\n" * 9, 19),
    ("text\n" + "[" * 16 + "x", "text\n" + "[" * 17 + "x", 3),
    ("[" * 10 + "\\_" * 3 + "[" * 6 + "x", "[" * 10 + "\\_" * 3 + "[" * 7 + "x", 2),
    ("]]]" + "[" * 16, "]]]" + "[" * 17, 2),
    ("[" * 16 + "]" * 16 + "\n" + "[" * 16, "[" * 16 + "]" * 16 + "\n" + "[" * 17, 3),
    ("<div>" * 32 + "x", "<div>" * 33 + "x", 2),
    ("<div>\n" * 32, "<div>\n" * 33, 34),
    ("<div>" * 32 + "x" + "</div>" * 32, "<div>" * 33 + "x" + "</div>" * 33, 2),
    ("</div>" + "<div>" * 32 + "x", "</div>" + "<div>" * 33 + "x", 2),
    ("<div>" * 32 + "</div><div>", "<div>" * 32 + "</div><div><div>", 2),
    ("[" * 16 + "x" + "]" * 16, "[" * 17 + "x" + "]" * 17, 2),
    ("# h\n" * 64, "# h\n" * 65, 66),
    ("".join(f"*[A{i}]: a\n\n" for i in range(100)), "".join(f"*[A{i}]: a\n\n" for i in range(101)), 202),
    ("".join(f"[^{i}]: a\n\n" for i in range(100)), "".join(f"[^{i}]: a\n\n" for i in range(101)), 202),
])
def test_each_documented_limit_is_allowed_and_one_more_is_a_problem(at_limit: str, over: str,
                                                                    line: int) -> None:
    """16 list or quote levels, 16 open '[', 32 HTML elements, 64 headings in a paragraph and
    100 definitions are fine; one more is reported once, on the line that crosses the limit."""
    assert body_shape_problems("intro\n\n" + at_limit) == []
    assert [p.line for p in body_shape_problems("intro\n\n" + over)] == [line]


@pytest.mark.parametrize("line", ["    # h", "####### h", "    *[A]: a", "    [^1]: a"])
def test_what_markdown_does_not_read_as_a_heading_or_definition_is_not_counted(line: str) -> None:
    """Four spaces make code, and seven '#' are text: such lines split nothing and define
    nothing, so any number of them is an ordinary body (no false alarm on a code listing)."""
    assert body_shape_problems("intro\n\n" + (line + "\n") * 150) == []


@pytest.mark.parametrize("tag", ["x0", "x9", "h5"])
def test_elements_whose_names_hold_digits_count_towards_the_html_depth(tag: str) -> None:
    """html5ever nests an unknown `<x0>` like a `<span>` (the quadratic shape): a digit in the
    name does not let an element escape the count."""
    assert [p.line for p in body_shape_problems(f"<{tag}>" * 40 + "x")] == [0]


def test_an_address_with_letters_beyond_ascii_is_sealed_and_read_back() -> None:
    """`zoë@example.org` is an address by the rule: sealing it must not fail, and opening
    the block gives back the same address, bound to its person."""
    payload = contact_payload("zoe-m", "zoë@example.org")
    assert payload.isascii()
    assert read_payload(payload, "zoe-m") == SealedEmail("zoë@example.org", bound=True)


@pytest.mark.parametrize("tag", ["area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                 "meta", "source", "track", "wbr"])
def test_void_elements_never_open_so_any_number_is_fine(tag: str) -> None:
    """HTML's void elements have no end tag (`<br>`, `<img src=…>`): a poem with a hundred
    `<br>` nests nothing and must not be refused. (The sanitizer removes the ones it does
    not allow; the shape check only measures.)"""
    assert body_shape_problems(f"<{tag} x=1>a" * 100 + "\n" + f"<{tag}>\n" * 100) == []
    assert body_shape_problems(f"<{tag.upper()}>" * 100) == []


@pytest.mark.parametrize("tag", ["form", "style", "script", "iframe", "data", "javascript", "srcdoc", "div"])
def test_every_element_that_is_not_void_counts_even_those_the_sanitizer_removes(tag: str) -> None:
    """The HTML parser nests `<form>`, `<script>` or an unknown element before the sanitizer
    removes it, so each costs the same as a `<div>`: none may escape the depth limit."""
    assert [p.line for p in body_shape_problems(f"<{tag}>" * 40 + "x")] == [0]


def test_a_line_of_only_spaces_is_a_blank_line_not_deep_indentation() -> None:
    """Editors leave whitespace on empty lines: such a line ends the paragraph like an empty
    one, and its spaces are not indentation levels."""
    assert body_shape_problems("a\n" + " " * 200 + "\n" + "\t" * 80 + "\nb") == []
    assert body_shape_problems(("# h\n" * 40 + "   \n") * 3) == []


def test_ordered_markers_in_any_script_s_digits_count_as_nesting() -> None:
    """Python-Markdown reads `١.` (Arabic-Indic one) as an ordered-list marker, as `\\d` does:
    seventeen of them nested are as deep as seventeen `1.`."""
    assert [p.line for p in body_shape_problems("\u0661. " * 17 + "x")] == [0]
    assert body_shape_problems("\u0661. " * 16 + "x") == []


# -- the email rule (hub/email_rule.py) -------------------------------------------------------


def test_an_address_refuses_exactly_what_a_terminal_would_act_on() -> None:
    """One character inside an address is refused if and only if it is whitespace, a second
    '@', or a character the terminal escaping (`printable.UNSAFE`) treats as unsafe: C0/C1
    controls, DEL, bidi and invisible marks, half a surrogate pair. Everything else, letters
    of any script included, is an address's own business (checked over the first 0x3100 code
    points and the last block, so a range that grows or shrinks by one digit shows)."""
    wrong = []
    for code in [*range(0x3100), *range(0xFE00, 0x10000)]:
        c = chr(code)
        refused = c.isspace() or c == "@" or bool(UNSAFE.match(c))
        for address in (f"a{c}b@example.org", f"ab@ex{c}ample.org", f"ab@example.o{c}g"):
            if is_email(address) == refused:
                wrong.append((hex(code), address.index(c)))
    assert wrong == []


@pytest.mark.parametrize(("address", "ok"), [
    ("ana@example.org", True), ("a@b.c", True), ("@example.org", False), ("ana@.org", False),
    ("ana@example", False), ("ana@example.", False), ("ana@@example.org", False),
    ("ana@example.org\n", False), (" ana@example.org", False), ("ana@example.org bob@example.org", False),
])
def test_an_address_is_one_local_part_an_at_and_a_dotted_domain(address: str, ok: bool) -> None:
    """The whole value must be one address: something, '@', something with a dot inside."""
    assert is_email(address) is ok


# -- sealed changes in `mentorhub diff` (changes.py) ----------------------------------------------


def _sealed_person(person_id: str, digest: str) -> Person:
    return Person(id=person_id, source=Source(f"content/people/{person_id}.md"), name=person_id,
                  roles=("mentor",), languages=("en",), sealed_digest=digest)


def _hub_of(**digests: str) -> Hub:
    return Hub(people={pid: _sealed_person(pid, d) for pid, d in digests.items()})


def test_each_kind_of_sealed_change_is_named_and_new_profiles_are_not() -> None:
    """A block added to, replaced on or removed from an existing profile is listed in words
    (the reviewer cannot read the ciphertext); an unchanged block and a new profile are not."""
    base = _hub_of(ana="", bo="b1", cy="c1", di="d1")
    head = _hub_of(ana="a1", bo="b2", cy="", di="d1", eve="e1")
    assert [(c.person, c.change) for c in sealed_changes(base, head)] == [
        ("ana", "added"), ("bo", "replaced"), ("cy", "removed")]


def _impact_with_sealed(count: int) -> Impact:
    return Impact(records=(), kpis=(), skills=(), suggestions=None, head_problems=(),
                  base=Hub(), head=Hub(),
                  sealed=tuple(SealedChange(f"p{i:02}", "replaced") for i in range(count)))


def test_a_long_list_of_sealed_changes_is_cut_with_how_many_more() -> None:
    """The summary stays readable: at most LIST_LIMIT profiles, then '… and N more', so a
    pull request that swaps many blocks cannot hide how many it swapped."""
    text = to_markdown(_impact_with_sealed(LIST_LIMIT + 2), "main", "2026-11-22")
    listed = re.findall(r"^- `p\d+`: sealed contact replaced$", text, flags=re.M)
    assert len(listed) == LIST_LIMIT
    assert "- … and 2 more" in text
    text = to_markdown(_impact_with_sealed(LIST_LIMIT), "main", "2026-11-22")
    assert len(re.findall(r"^- `p\d+`: sealed contact", text, flags=re.M)) == LIST_LIMIT
    assert "more" not in text.split("### Sealed contacts")[1]
    assert "Sealed contacts" not in to_markdown(_impact_with_sealed(0), "main", "2026-11-22")
