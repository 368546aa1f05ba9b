"""DEMO-ONLY keys: they open the demo hub's relationship records, and nothing else.

Both secrets are public (they are right here), so anything encrypted to them is
readable by anyone. They exist so the demo and the tests can build the lifecycle
section without a repository secret. `mentorhub check`, `pair` and the build refuse
the demo public keys unless the hub says `demo: true` under the mentorhub plugin
(see :func:`mentorhub.cycle.settings.read_settings`), so a hub copied from the demo
cannot keep them by mistake.
"""

from __future__ import annotations

#: DEMO ONLY: the demo organizer's key (opens every demo record, like an organizer's key).
DEMO_ORGANIZER_SECRET = "AGE-SECRET-KEY-17JEXAU9N7ME74U88EVS77D0XD4UXPWN4P4Y4CNX23PTLJ8YYGMFSKW7E0K"
DEMO_ORGANIZER_PUBLIC = "age18y2m02jru9dhkpuqdmuj3zlge0wrnas8pw2wudnp709w5m5tzevs6avn8n"
#: DEMO ONLY: the demo build key (what a real hub keeps in a repository secret).
DEMO_BUILD_SECRET = "AGE-SECRET-KEY-14WMAZ47MJHGHDSQ0VYYX4R74Q5DZC36DSTPLH8KSGNU7EC5TTKFS6ADTXC"
DEMO_BUILD_PUBLIC = "age1npuesk3lrd6tyu23gzq6hy37tryev9zf5cwed9x829zn03slwpwqnr2urr"
DEMO_PUBLIC_KEYS = frozenset({DEMO_ORGANIZER_PUBLIC, DEMO_BUILD_PUBLIC})
