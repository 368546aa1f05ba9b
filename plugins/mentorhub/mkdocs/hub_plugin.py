"""The core MkDocs plugin: load and validate `content/`, publish generated pages.

MkDocs gets only what the loader admitted: every file it found under `docs_dir`
is removed, record files and free pages come back as pages rendered from the
validated model (so MkDocs never reads contributors' front matter itself: stock
MkDocs would publish malformed front matter as page text), and checked images in
`content/media/` are copied as they are. Nothing else under `content/` (an
`.html`, a script, a backup copy, a Markdown file in an unknown folder) reaches
the site, in `build` or in `serve`. Feature plugins
(matching, KPIs, search) find this plugin in `config.plugins` and reuse its hub.
"""

from __future__ import annotations

import fnmatch
import html
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import markdown_extensions

from ..cycle.settings import CycleSettings, SettingsError, read_settings
from ..hub.anonymity import DEFAULT_MIN_RESPONSES
from ..hub.body_links import relative_link_warnings
from ..hub.languages import LANGUAGES
from ..hub.loader import LoadResult, load_hub
from ..hub.problems import format_problems
from ..hub.root_links import broken_root_links
from ..hub.sealing import recipient_problem
from ..i18n import ENGLISH, check_catalog, localizer
from ..images.portraits import CACHE_FOLDER, PortraitSet, build_portraits, photo_sources
from ..site.arrows import hide_arrows
from ..site.build_date import build_date
from ..site.contribute import edit_base
from ..site.footer import made_with
from ..site.introductions import Contact, ContactError, contact_sentence, read_contact
from ..site.join_pages import STYLESHEET, join_site, scripts
from ..site.not_found import not_found_words
from ..site.page_html import to_html
from ..site.permalinks import name_permalinks
from ..site.policy import add_policy_meta
from ..site.render import Page, ProfileSection, RenderOptions, SiteRenderer
from ..site.wayfinding import add_skip_link, mark_current_tab
from .clean_behind import CleanBehind
from .fast_pages import read_without_yaml, render_without_markdown
from .languages import Tree, build_other_trees, configure, current_tree, hreflang_links
from .needs import missing_plugin_problems
from .page_writers import PageWriters
from .preview import FULL_REBUILD_VARIABLE, Preview, notice_saves_at_once
from .shell_cache import install as install_shell_cache

log = get_plugin_logger(__name__)

CSS_URI = "assets/mentorhub/mentorhub.css"
_ASSET_URI = "assets/mentorhub/"
_ASSETS = Path(__file__).parent.parent / "assets"
_THEME = Path(__file__).parent.parent / "theme"
# libyaml's emitter writes the same values ~30x faster than the pure-Python one
# (which took seconds per thousand pages); MkDocs reads back identical metadata.
_DUMPER = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper
_NAV_PAGES = frozenset({
    "index.md", "people/index.md", "resources/index.md", "sessions/index.md",
    "stories/index.md", "skills/index.md", "join/index.md",
})


class _Recipients(c.ListOfItems[str]):
    """`recipients`: age public keys; a wrong one stops the build with a clear message."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default=[])

    def run_validation(self, value: object) -> list[str]:
        keys = super().run_validation(value)
        problem = recipient_problem(keys)
        if problem:
            raise ValidationError(problem)
        return [key.strip() for key in keys]


class HubConfig(Config):
    page_size = c.Type(int, default=48)
    """Cards per page on paginated listings (people by role, resources by kind, sessions, stories)."""
    section_limit = c.Type(int, default=24)
    """Most items a section of a profile or skill page shows before linking to the full list."""
    stale_after_days = c.Type(int, default=365)
    """A mentor whose `confirmed` date is older than this is shown as "may be inactive"."""
    pause_after_days = c.Optional(c.Type(int))
    """Opt-in: `mentorhub check --pause-stale` pauses mentors this many days past stale_after_days."""
    as_of = c.Optional(c.Type(str))
    """The date the hub describes (YYYY-MM-DD); default: SOURCE_DATE_EPOCH or today."""
    recipients = _Recipients()
    """Age public keys (age1…) that `contact.sealed` is encrypted to (docs/guide/contact.md)."""
    languages = c.ListOfItems(c.Type(str), default=[])
    """UI languages to publish (default: [theme.language]); the first at the root, others under /<lang>/."""
    organizers = c.ListOfItems(c.Type(dict), default=[])
    """Who runs the hub: a list of {name, email?, url?}; emails are published obfuscated."""
    introductions = c.Optional(c.Type(dict))
    """How "Ask for an introduction" reaches the organizers: {via: email}, {via: url, url} or {via: issue}."""
    build_key = c.Type(str, default="")
    """Public half (age1…) of the build key that opens relationship records (docs/guide/cycle.md)."""
    demo = c.Type(bool, default=False)
    """True only in the demo hub: allows the demo's public keys (docs/guide/cycle.md)."""
    cycle = c.Type(dict, default={})
    """Relationship records and check-in cadence: {records, checkin_days, …} (docs/guide/cycle.md)."""


class HubPlugin(BasePlugin[HubConfig]):
    """Loads the hub once per build and generates its pages."""

    def __init__(self) -> None:
        self.command = "build"
        self.result: LoadResult | None = None
        self.profile_sections: list[ProfileSection] = []
        self.options: RenderOptions | None = None
        self.generated: dict[str, Page] = {}  # src_uri → page, for on_page_content
        self.renderer: SiteRenderer | None = None  # shared with the feature plugins' pages
        self.permalink = ""
        self.tree: Tree | None = None
        self.cycle = CycleSettings()
        self.portraits = PortraitSet()  # person id → photo; the search plugin shows them too
        self.preview: Preview | None = None  # `serve` only: what rebuilds reuse (preview.py)
        self._front_matter: dict[str, str] = {}  # src_uri → what add_page gave MkDocs (on_pre_page)
        self.dirty = False
        self._notes_said: tuple[str, ...] = ()  # the last build's notes (serve repeats none)
        self.nav: Navigation | None = None  # as on_nav leaves it, for the page writers
        self.old_site = CleanBehind()  # `build`: the last build's files, deleted meanwhile
        self.writers = PageWriters()  # `build`: pages written on every core at the end of env

    # -- events ------------------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        if command == "serve" and not os.environ.get(FULL_REBUILD_VARIABLE):
            self.preview = Preview()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.profile_sections = []  # feature plugins register again on every (re)build
        self.generated = {}
        self.permalink = _permalink_symbol(config)
        self.tree = tree = current_tree(config, list(self.config.languages))
        configure(config, tree)  # Material's words and <html lang> follow the tree's language
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        self.options = RenderOptions(
            today=build_date(self.config.as_of),
            page_size=max(1, self.config.page_size),
            section_limit=max(1, self.config.section_limit),
            stale_after_days=self.config.stale_after_days,
            directory_urls=config.use_directory_urls,
            site_name=config.site_name,
            site_description=config.site_description or "",
            language=tree.lang,
            contact=self._contact(config),
            edit_base=edit_base(config.repo_url, config.edit_uri),
            site_url=_with_slash(config.site_url or ""),
        )
        # The footer partial (partials/footer.html) shows the organizers' contact.
        if str(_THEME) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(_THEME))
        self._check_catalog(self.options.language)
        try:
            self.cycle = read_settings(self.config, project=Path(config.config_file_path).parent,
                                       content_dir=Path(config.docs_dir))
        except SettingsError as exc:
            raise PluginError(f"mentorhub plugin option {exc} (see docs/guide/cycle.md)") from exc
        if self.preview is not None:
            self.preview.attach(config)
        return config

    @event_priority(-100)  # MkDocs cleans site_dir right after the last pre_build handler
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.command != "serve" and not self.dirty:  # serve keeps its folder (preview.py)
            self.old_site.start(Path(config.site_dir))

    def on_build_error(self, *, error: Exception) -> None:
        self.old_site.wait()  # no process outlives the build

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        result = load_hub(docs_dir, display_root=Path(config.config_file_path).parent,
                          recipients=list(self.config.recipients),
                          min_responses=_min_responses(config),
                          cache=self.preview.records if self.preview else None)
        # Skill labels in this tree's language: every page, finder, reason and KPI reads them.
        assert self.tree is not None  # set by on_config
        tree = self.tree
        self.result = replace(result, hub=result.hub.in_language(tree.lang, tree.languages[0]))
        self._report(self.result)
        words = localizer(self.options.language) if self.options else ENGLISH
        notes = tuple(note.text(words.gettext) for note in self.result.warnings)
        # Published generalised: a note, not a failure. `serve` says them again only when
        # they change, so a rebuild stays one line (preview.py).
        say = log.debug if self.preview is not None and notes == self._notes_said else log.info
        for note_text in notes:
            say(note_text)
        self._notes_said = notes
        self._warn_links(self.result, Path(config.config_file_path).parent)
        _keep_only_admitted(files, config, set(self.result.media) - photo_sources(self.result))
        self.portraits = self._portraits(files, config, self.result)
        assert self.options is not None
        self.renderer = renderer = SiteRenderer(
            self.result.hub, self.options,
            override_dirs=self._override_dirs(config),
            profile_sections=self.profile_sections,
            portraits=self.portraits.portraits,
            memo=self.preview.pages if self.preview else None,  # `serve` (site/page_memo.py)
        )
        for page in renderer.pages():
            self.add_page(files, page, config)
        files.append(File.generated(config, CSS_URI, abs_src_path=str(_ASSETS / "mentorhub.css")))
        self._add_join(files, config, renderer)
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """The preview hears of a save at once where the system can tell it (preview.py)."""
        if self.preview is not None and notice_saves_at_once(server):
            log.debug("serve: file changes are noticed through inotify")
        return server

    @event_priority(-100)  # every feature plugin has added its pages
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        problems = missing_plugin_problems(config, files)
        if problems:
            raise PluginError("\n".join(problems))
        # Without a `nav:` in mkdocs.yml, MkDocs names each section after its folder
        # ("People", "Resources"), in English whatever the hub's language: give each the
        # title of the engine's index page inside it ("Personas"), as tabs show them.
        if config.nav is None:
            i18n = self.renderer.i18n if self.renderer is not None else ENGLISH
            _name_sections(nav.items, self.generated, i18n.gettext("Pages"))
        self.nav = nav
        return nav

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        if page.file.src_uri in self.writers.written:
            return ""  # on disk already (page_writers.py): MkDocs writes nothing
        i18n = self.renderer.i18n if self.renderer is not None else ENGLISH
        output = add_skip_link(output, i18n.gettext("Skip to content"))
        output = mark_current_tab(output, page.url, i18n.gettext("Breadcrumb"))
        output = name_permalinks(output, i18n.gettext("Link to this section"))
        output = hide_arrows(output)
        output = add_policy_meta(output)
        links = hreflang_links(page.url, self.tree) if self.tree else ""
        head_end = output.find("</head>")
        if not links or head_end < 0:
            return output
        return output[:head_end] + links + "\n" + output[head_end:]

    @event_priority(-100)  # every plugin's globals are set: the pages may be written now
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        contact = self.options.contact if self.options else Contact()
        i18n = self.renderer.i18n if self.renderer else ENGLISH
        env.globals["mentorhub_contact"] = contact_sentence(contact, i18n)
        env.globals["mentorhub_not_found"] = not_found_words(i18n)
        env.globals["mentorhub_made_with"] = made_with(i18n)
        install_shell_cache(env, config, _THEME)  # theme/partials/nav.html, tabs.html
        self.old_site.wait()  # the last build is gone: both cores are the pages' (clean_behind.py)
        if self.command != "serve" and not self.dirty:
            self.writers.write_all(config, files, self.nav, env,
                                   last={"env": self.on_env, "nav": self.on_nav})
        return env

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        """404.html is a theme template, not a page: give it the pages' skip link too."""
        if template_name != "404.html":
            return output_content
        i18n = self.renderer.i18n if self.renderer is not None else ENGLISH
        return add_policy_meta(add_skip_link(output_content, i18n.gettext("Skip to content")))

    @event_priority(-100)  # after every plugin, Pagefind included, has finished the root tree
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # The photos encoded (and the cache written) while the pages were built.
        for person_id, why in self.portraits.wait().items():
            log.warning(f"{person_id}: photo {why}; its image is missing from the site")
        tree = self.tree
        if tree is None or not tree.is_root or len(tree.languages) < 2:
            return
        if self.command == "serve":
            log.info("serve previews the first language only; build to get every language")
            return
        built = build_other_trees(config, tree)
        log.info(f"Built the {', '.join(built)} {'tree' if len(built) == 1 else 'trees'} "
                 f"under {config.site_dir}")

    # -- API for feature plugins --------------------------------------------------------

    def add_page(self, files: Files, page: Page, config: MkDocsConfig) -> None:
        """Publish a generated page (replacing any file at the same path)."""
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            files.remove(existing)
        in_nav = page.src_uri in _NAV_PAGES or page.kind == "page"  # free pages: the site's own
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        self.generated[page.src_uri] = page
        # The page body is HTML already: MkDocs gets only the metadata, and
        # on_page_content supplies the HTML without a pass of Python-Markdown over it.
        self._front_matter[page.src_uri] = front_matter = page_source(page, body=False)
        files.append(File.generated(config, page.src_uri, content=front_matter, inclusion=inclusion))

    def on_pre_page(self, page: MkDocsPage, /, *, config: MkDocsConfig, files: Files) -> MkDocsPage | None:
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            render_without_markdown(page)  # its HTML comes from on_page_content (fast_pages.py)
            read_without_yaml(page, self._front_matter[page.file.src_uri], lambda: page_meta(generated))
        return page

    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str | None:
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return self._free_page_lang(html, page)  # the site's own Markdown pages
        converted = (self.preview.page_html(generated.markdown, self.permalink) if self.preview
                     else to_html(generated.markdown, permalink=self.permalink))
        page.toc = get_toc(converted.toc_tokens)  # type: ignore[arg-type]  # same shape as Markdown's
        return converted.html

    # -- helpers ---------------------------------------------------------------------------

    def _add_join(self, files: Files, config: MkDocsConfig, renderer: SiteRenderer) -> None:
        """The "Join the hub" pages and the scripts only they load (docs/guide/join.md)."""
        options = renderer.options
        # Only the finder reads filters from its address; the people directory does not.
        find_src = options.find_mentor_src if options.find_mentor_src.startswith("find/") else ""
        site = join_site(renderer, recipients=list(self.config.recipients), find_src=find_src,
                         content_dir=content_folder(config))
        for page in site.pages:
            self.add_page(files, page, config)
        for uri, text in site.data.items():
            files.append(File.generated(config, uri, content=text))
        for uri in (*scripts(self.config.recipients), STYLESHEET):
            source = _ASSETS / uri.removeprefix(_ASSET_URI)
            files.append(File.generated(config, uri, abs_src_path=str(source)))

    def _portraits(self, files: Files, config: MkDocsConfig, result: LoadResult) -> PortraitSet:
        """Photos re-encoded without metadata (images/), cached beside mkdocs.yml."""
        project = Path(config.config_file_path).parent
        portraits = build_portraits(result.hub, result.media, project / CACHE_FOLDER,
                                    site_dir=Path(config.site_dir))
        for person_id, why in portraits.failed.items():
            log.warning(f"{person_id}: photo {why}; initials are shown instead")
        for uri, data in portraits.files.items():
            files.append(File.generated(config, uri, content=data))
        return portraits

    def _report(self, result: LoadResult) -> None:
        if not result.problems:
            return
        # In the hub's language, as `mentorhub check` says them; the prefix stays as it is.
        words = localizer(self.options.language) if self.options else ENGLISH
        if self.command == "serve":
            for problem in result.problems:
                log.warning(problem.text(words.gettext))
            log.warning(words.ngettext("%(num)s content problem; that file is not shown",
                                       "%(num)s content problems; those files are not shown",
                                       len(result.problems)))
            return
        raise PluginError(
            words.ngettext("%(num)s content problem:", "%(num)s content problems:", len(result.problems))
            + f"\n{format_problems(result.problems, translate=words.gettext)}"
        )

    @staticmethod
    def _warn_links(result: LoadResult, project: Path) -> None:
        """Body links that lead nowhere on the built site: warnings, so `build --strict` fails."""
        hub, media = result.hub, set(result.media)
        for problem in (broken_root_links(hub, media, project, result.drafts)
                        + relative_link_warnings(hub, media, project)):
            log.warning(str(problem))

    def _free_page_lang(self, html: str, page: MkDocsPage) -> str | None:
        """A free page's `lang:` (the language its text is in) marks its content, as on records."""
        code = page.meta.get("lang")
        if code is None:
            return None
        if not isinstance(code, str) or code not in LANGUAGES:
            log.warning(f"{page.file.src_uri}: lang: {code!r} is not an ISO 639-1 language code "
                        "(use codes such as en, es, fr)")
            return None
        ui = self.options.language.replace("_", "-").split("-")[0] if self.options else "en"
        return html if code == ui else f'<div lang="{code}">\n{html}\n</div>'

    def _contact(self, config: MkDocsConfig) -> Contact:
        try:
            return read_contact(self.config.organizers, self.config.introductions,
                                edit_base=edit_base(config.repo_url, config.edit_uri))
        except ContactError as exc:
            raise PluginError(f"mentorhub plugin option {exc} (see docs/guide/introductions.md)") from exc

    def _check_catalog(self, language: str) -> None:
        """Warn (so `--strict` fails) when the UI language's words are not all translated."""
        # `serve`: the package's catalogs cannot change while serving; reading them took
        # ~0.04 s of every save.
        report = self.preview.reuse(check_catalog, language) if self.preview else check_catalog(language)
        if report.path is None and language.split("-")[0].split("_")[0] == "en":
            return  # English is the engine's own language: no catalog needed
        if not report.complete:
            log.warning(report.summary())

    @staticmethod
    def _override_dirs(config: MkDocsConfig) -> list[Path]:
        custom_dir = config.theme.custom_dir
        return [Path(custom_dir) / "mentorhub"] if custom_dir else []


def _min_responses(config: MkDocsConfig) -> int:
    """The KPI plugin's `min_responses`: also the crowd an anonymous story must hide in."""
    kpi = config.plugins.get("mentorhub-kpi")
    value = getattr(kpi, "config", {}).get("min_responses") if kpi is not None else None
    return value if isinstance(value, int) and value >= 1 else DEFAULT_MIN_RESPONSES


def content_folder(config: MkDocsConfig) -> str:
    """`docs_dir` as the repository names it, from the project root (`content`)."""
    root = Path(config.config_file_path).parent.resolve()
    docs = Path(config.docs_dir).resolve()
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name


def page_source(page: Page, *, body: bool = True) -> str:
    """A generated page's Markdown with its metadata as front matter (`body=False`: metadata only).

    MkDocs and Material print `page.meta.title` into <title>, the header and the nav
    without escaping, so the title is HTML-escaped here, once.
    """
    front_matter = _front_matter(page.title, page.description, page.kind, page.source_path, page.wide)
    return "---\n" + front_matter + "---\n\n" + (page.markdown if body else "")


@lru_cache(maxsize=32768)  # `serve`: most pages' metadata is the same on the next save
def _front_matter(title: str, description: str, kind: str, source_path: str, wide: bool) -> str:
    """page_meta as YAML, keyed by every field page_meta reads (add any new one here too)."""
    page = Page("", title, "", description, kind, source_path, wide)
    return yaml.dump(page_meta(page), Dumper=_DUMPER, sort_keys=True, allow_unicode=True)


def page_meta(page: Page) -> dict[str, Any]:
    """A generated page's metadata, keys sorted: what MkDocs reads back from page_source()."""
    meta: dict[str, Any] = {
        "description": html.escape(page.description),
        # Material's front-matter switch: no side columns, so the grid has 3–4 columns
        **({"hide": ["navigation", "toc"]} if page.wide else {}),
        "mentorhub": {"kind": page.kind, "source": page.source_path},
        "title": html.escape(page.title),
    }
    return meta


def _with_slash(url: str) -> str:
    return url if not url or url.endswith("/") else url + "/"


def _permalink_symbol(config: MkDocsConfig) -> str:
    """The heading permalink the site's `toc` extension is configured with ('' for none)."""
    permalink = config.mdx_configs.get("toc", {}).get("permalink", False)
    if permalink is True:
        return "&para;"
    return str(permalink) if permalink else ""


def _keep_only_admitted(files: Files, config: MkDocsConfig, media: set[str]) -> None:
    """Remove every file MkDocs found under docs_dir except the checked images.

    A positive allow-list: records and free pages are published again from the
    validated model, and whatever the loader refused or does not know never reaches
    MkDocs. A docs_dir file also hides the theme's file at the same path (a
    contributed `assets/javascripts/bundle.….min.js` would replace Material's), so
    the theme's files are offered again afterwards.
    """
    docs_dir = Path(config.docs_dir).resolve()
    origins: dict[str, bool] = {}  # src_dir → is docs_dir (one resolve per folder, not per file)
    removed: list[str] = []
    for file in list(files):
        if file.src_dir is None:
            continue  # generated by a plugin
        if file.src_dir not in origins:
            origins[file.src_dir] = Path(file.src_dir).resolve() == docs_dir
        if origins[file.src_dir] and file.src_uri not in media:
            files.remove(file)
            removed.append(file.src_uri)
    _offer_theme_files_again(files, config, removed)


#: What MkDocs' Files.add_files_from_theme never takes from a theme folder.
_NOT_THEME_FILES = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*")


def _offer_theme_files_again(files: Files, config: MkDocsConfig, removed: list[str]) -> None:
    """The theme's files at the removed paths, as MkDocs' add_files_from_theme would add them.

    Only the removed paths are looked up: listing the whole theme again (Material ships
    thousands of icons) cost about a second per build.
    """
    patterns = [*_NOT_THEME_FILES, *(f"*{x}" for x in markdown_extensions),
                *config.theme.static_templates]
    for src_uri in removed:
        if any(fnmatch.fnmatch(src_uri.lower(), pattern) for pattern in patterns):
            continue
        if files.get_file_from_path(src_uri) is not None:
            continue
        for folder in config.theme.dirs:
            if os.path.isfile(os.path.join(folder, src_uri)):
                files.append(File(src_uri, folder, config.site_dir, config.use_directory_urls))
                break


def _name_sections(items: list[StructureItem], generated: dict[str, Page], pages_title: str) -> None:
    for item in items:
        if not isinstance(item, Section):
            continue
        index = next((generated[child.file.src_uri] for child in item.children  # the folder's own index
                      if isinstance(child, MkDocsPage) and child.file.src_uri.endswith("/index.md")
                      and child.file.src_uri in generated), None)
        if index is not None:
            item.title = index.title
        elif item.title == "Pages":  # content/pages/: the site's own pages, without an index
            item.title = pages_title
        _name_sections(item.children, generated, pages_title)
