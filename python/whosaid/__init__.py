"""whosaid: who said what in a news story.

``annotate`` reads one story; ``annotate_many`` streams many, in input
order, annotated on several threads without holding the GIL. Both return
the ``whosaid/1`` document as a dict, exactly as
``whosaid annotate --format json`` writes it.
"""

from ._whosaid import ERROR_SCHEMA, SCHEMA, annotate, annotate_many

__all__ = ["ERROR_SCHEMA", "SCHEMA", "annotate", "annotate_many"]
