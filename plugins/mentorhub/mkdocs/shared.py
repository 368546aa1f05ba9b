"""What the feature plugins share: finding the core plugin that holds the hub."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .hub_plugin import HubPlugin

HUB_PLUGIN_NAME = "mentorhub"


def find_hub_plugin(config: MkDocsConfig, requester: str) -> HubPlugin:
    """The `mentorhub` plugin, which must be listed before `requester` in mkdocs.yml."""
    names = list(config.plugins)
    hub = config.plugins.get(HUB_PLUGIN_NAME)
    if not isinstance(hub, HubPlugin):
        raise PluginError(
            f"the '{requester}' plugin needs the 'mentorhub' plugin: add '- mentorhub' "
            f"to plugins in mkdocs.yml, before '- {requester}'"
        )
    if requester in names and names.index(HUB_PLUGIN_NAME) > names.index(requester):
        raise PluginError(
            f"list the 'mentorhub' plugin before '{requester}' in mkdocs.yml"
        )
    return hub
