"""respons: responsibility-as-code for administrative law enforcement (行政执法责任制).

A jurisdiction writes its regime as a `.resp` file; respons parses it (``respons.syntax``)
into a frozen model (``respons.model``), checks it (``respons.check``) and, in later
stages, runs it over the jurisdiction's records.
"""

__version__ = "0.1.0"

import pluggy as _pluggy

#: Mark a plugin's hook implementations: ``@respons.hookimpl def respons_calendars(): …``.
#: The hooks are in ``respons.hookspecs``, the descriptors they return in ``respons.registry``
#: (docs/hooks.md); respons's own plugins mark theirs ``@hookimpl(trylast=True)``.
hookimpl = _pluggy.HookimplMarker("respons")
