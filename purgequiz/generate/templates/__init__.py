"""The question templates, one module per family. Importing this package registers them all
in :data:`purgequiz.generate.registry.REGISTRY`."""

from purgequiz.generate.templates import (  # noqa: F401  (imported to register)
    causes,
    chronology,
    decrees,
    events,
    fates,
    figures,
    groups,
    institutions,
    matching,
    posts,
    quotations,
    sources,
    trials,
)

__all__: list[str] = []
