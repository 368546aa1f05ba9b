"""Private data never leaks, and contributor text never becomes live markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_mkdocs, write_project
from sitecheck import all_text, html_pages, parse

CANARY_FILES = {
    "content/people/open-olga.md": """\
        ---
        name: Olga Open
        roles: [mentor]
        languages: [en]
        offers: [python]
        consent: true
        contact: {email: olga-public@example.org, public: true}
        ---
        Olga's bio.
        """,
    "content/people/quiet-quinn.md": """\
        ---
        name: Quinn Quiet
        roles: [mentee]
        languages: [en]
        seeks: [python]
        mentors: [open-olga]
        consent: true
        contact:
          email: canary-hidden-email@example.org
          public: false
        private:
          note: CANARY-PRIVATE-NOTE
          phone: "+1 555 CANARY-PHONE"
          nested: {deeper: [CANARY-NESTED]}
        ---
        Quinn's bio.
        """,
    "content/people/default-dee.md": """\
        ---
        name: Dee Default
        roles: [peer]
        languages: [en]
        consent: true
        contact: {email: canary-default-email@example.org}
        private: {why: CANARY-PRIVATE-PEER}
        ---
        """,
    "content/people/draft-dora.md": """\
        ---
        name: CANARY-DRAFT-PERSON
        roles: [mentor]
        languages: [en]
        offers: [python]
        consent: true
        draft: true
        ---
        CANARY-DRAFT-BIO
        """,
    "content/resources/draft-guide.md": """\
        ---
        title: CANARY-DRAFT-RESOURCE
        kind: guide
        summary: CANARY-DRAFT-SUMMARY
        topics: [python]
        draft: true
        ---
        CANARY-DRAFT-RESOURCE-BODY
        """,
    "content/sessions/2026-01-01-draft.md": """\
        ---
        title: CANARY-DRAFT-SESSION
        date: 2026-01-01
        format: workshop
        facilitators: [open-olga]
        topics: [python]
        group: CANARY-DRAFT-GROUP
        draft: true
        ---
        CANARY-DRAFT-NOTES
        """,
    "content/stories/draft-story.md": """\
        ---
        title: CANARY-DRAFT-STORY
        date: 2026-01-01
        summary: CANARY-DRAFT-STORY-SUMMARY
        outcomes: [other]
        draft: true
        ---
        """,
    "content/sessions/2026-02-01-real.md": """\
        ---
        title: A real session
        date: 2026-02-01
        format: workshop
        facilitators: [open-olga]
        participants: [quiet-quinn, default-dee]
        topics: [python]
        group: Real group
        feedback: {responses: 6, satisfaction: 4.5}
        ---
        Notes.
        """,
    "content/stories/quinn.md": """\
        ---
        title: Quinn learned Python
        date: 2026-03-01
        summary: A good year.
        outcomes: [skill-gained]
        mentee: quiet-quinn
        mentors: [open-olga]
        confidence: {before: 2, after: 4}
        ---
        """,
}
CANARIES = (
    "CANARY-", "canary-hidden-email", "canary-default-email",
    "canary-hidden-email@example.org".replace("@", " [at] "),
)


@pytest.fixture(scope="module")
def canary_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("canary"), CANARY_FILES)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


def test_private_values_hidden_emails_and_drafts_never_reach_the_site(canary_project: Path) -> None:
    leaks = [
        f"{path.relative_to(canary_project)}: {canary}"
        for path, text in all_text(canary_project / "site")
        for canary in CANARIES
        if canary.lower() in text.lower()
    ]
    assert leaks == []


def test_nor_anything_else_the_build_writes(canary_project: Path) -> None:
    """Organizer reports and any other output beside the site are covered too."""
    outputs = [p for p in canary_project.iterdir() if p.is_dir() and p.name not in ("content", "site")]
    for folder in outputs:
        for path, text in all_text(folder):
            assert not any(c.lower() in text.lower() for c in CANARIES), path


def test_the_canaries_would_be_found(canary_project: Path, tmp_path: Path) -> None:
    """The leak check itself works: it finds a canary hidden in gzip and entities."""
    import gzip

    (tmp_path / "a.gz").write_bytes(gzip.compress(b"xx CANARY-PRIVATE-NOTE xx"))
    (tmp_path / "b.html").write_text("&#67;&#65;&#78;&#65;&#82;&#89;&#45;x", encoding="utf-8")
    found = [p.name for p, text in all_text(tmp_path) if "CANARY-" in text]
    assert found == ["a.gz", "b.html"]


def test_public_email_is_published_but_obfuscated(canary_project: Path) -> None:
    page = (canary_project / "site/people/open-olga/index.html").read_text(encoding="utf-8")
    assert "olga-public@example.org" not in page
    assert "mailto" not in page  # even the scheme is written as character references
    decoded = [text for _, text in all_text(canary_project / "site/people/open-olga")]
    assert any("mailto:olga-public@example.org" in text for text in decoded)


XSS_FILES = {
    "content/skills.yml": """\
        python:
          label: <script>alert("XSS-3")</script>
          category: Tech</title><script>alert("XSS-16")</script>
        """,
    "content/people/xss-person.md": """\
        ---
        name: </title><script>alert("XSS-1")</script>
        headline: '"><img src=x onerror=alert("XSS-2")>'
        pronouns: <b onclick=alert("XSS-17")>x</b>
        roles: [mentor]
        languages: [en]
        offers: [python]
        consent: true
        links:
          <b onmouseover=alert("XSS-7")>: https://example.org/"onmouseover="alert('XSS-8')
        ---
        Hello <script>alert("XSS-10")</script>

        <img src=x onerror="alert('XSS-11')">

        [click me](javascript:alert('XSS-12'))

        <iframe src="https://evil.example/XSS-13"></iframe>

        <p style="background:url(XSS-14)">styled</p>

        <a href="JaVaScRiPt:alert('XSS-15')">caps</a>

        <img src="https://tracker.example/XSS-18.png">
        """,
    "content/resources/xss-resource.md": """\
        ---
        title: <svg onload=alert("XSS-4")>
        kind: guide
        summary: '[x](javascript:alert("XSS-5"))'
        topics: [python]
        authors: [<script>alert("XSS-19")</script>]
        ---
        <svg><script>alert("XSS-20")</script></svg>
        """,
    "content/sessions/2026-02-01-xss.md": """\
        ---
        title: Session <script>alert("XSS-21")</script>
        date: 2026-02-01
        format: workshop
        facilitators: [xss-person]
        topics: [python]
        group: <iframe src="javascript:alert('XSS-6')">
        ---
        """,
    "content/stories/xss-story.md": """\
        ---
        title: Story
        date: 2026-03-01
        summary: <script>alert("XSS-22")</script>
        outcomes: [other]
        quote: <script>alert("XSS-9")</script>
        ---
        """,
}


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("xss"), XSS_FILES)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def live_markup_problems(site: Path) -> list[str]:
    problems = []
    for page in html_pages(site):
        parsed = parse(page)
        name = page.relative_to(site).as_posix()
        for text in parsed.script_texts:
            if "XSS" in text and "alert(" in text and not text.lstrip().startswith("{"):
                problems.append(f"{name}: script runs a payload")
        for tag, attrs in parsed.start_tags:
            if tag in ("iframe", "object", "embed"):
                problems.append(f"{name}: <{tag}>")
            for attr, value in attrs:
                value = value or ""
                if attr.startswith("on") and "XSS" in value:
                    problems.append(f"{name}: {tag} {attr}={value}")
                if attr in ("href", "src") and value.strip().lower().startswith("javascript:"):
                    problems.append(f"{name}: {tag} {attr}={value}")
                if attr == "style" and "XSS" in value:
                    problems.append(f"{name}: {tag} style")
                if tag == "img" and attr == "src" and "tracker.example" in value:
                    problems.append(f"{name}: third-party image")
                if tag == "script" and attr == "src" and "XSS" in value:
                    problems.append(f"{name}: script src")
    return problems


def test_payloads_never_become_live_markup(xss_site: Path) -> None:
    assert live_markup_problems(xss_site) == []


def test_a_payload_in_a_name_stays_text_in_title_and_heading(xss_site: Path) -> None:
    page = xss_site / "people/xss-person/index.html"
    parsed = parse(page)
    assert '</title><script>alert("XSS-1")</script>' in parsed.title
    raw = page.read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;" in raw


def test_the_checker_catches_live_markup(tmp_path: Path) -> None:
    (tmp_path / "x.html").write_text(
        '<p><img src=x onerror="alert(\'XSS\')"><a href="javascript:alert(1)">x</a>'
        '<iframe src="x"></iframe><script>alert("XSS")</script></p>', encoding="utf-8")
    assert len(live_markup_problems(tmp_path)) == 4


def test_safe_markdown_survives_sanitizing(xss_site: Path) -> None:
    raw = (xss_site / "people/xss-person/index.html").read_text(encoding="utf-8")
    assert "<p>styled</p>" in raw
    assert ">click me</a>" in raw or "click me" in raw


def test_individual_self_ratings_are_not_published(canary_project: Path) -> None:
    """One story's confidence rating is a figure from one response: it stays in the KPIs only."""
    page = (canary_project / "site/stories/quinn/index.html").read_text(encoding="utf-8")
    assert "Confidence" not in page
    assert "2 → 4" not in page
