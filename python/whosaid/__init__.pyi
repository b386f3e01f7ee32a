import datetime
from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, Union

SCHEMA: str
"""``"whosaid/1"``, the schema of an annotated document."""
ERROR_SCHEMA: str
"""``"whosaid/1-error"``, the schema of the document ``annotate_many``
yields in place of a bad item with ``on_error="emit"``."""

Document = dict[str, Any]
Item = Union[str, Mapping[str, Any]]

def annotate(
    text: str,
    title: Optional[str] = None,
    date: Optional[Union[str, datetime.date]] = None,
    id: Optional[Union[str, int]] = None,
) -> Document:
    """The ``whosaid/1`` document of one story.

    ``date`` is ``YYYY-MM-DD`` or a timestamp starting with one (or a
    ``datetime.date``, ``datetime.datetime``, pandas ``Timestamp``); any
    other date raises ``ValueError``. ``title``, ``date`` and ``id`` take the place
    of any the text carries.
    """

def annotate_many(
    items: Iterable[Item],
    threads: Optional[int] = None,
    on_error: Literal["raise", "emit"] = "raise",
) -> Iterator[Document]:
    """The documents of many stories, in the order of ``items``.

    An item is a text, or a mapping with ``text`` and optionally ``id``,
    ``title`` and ``date`` (a line of JSON Lines, a row of a DataFrame;
    ``None`` or NaN is a field left out).
    ``threads`` annotate at once, without the GIL (default: one per core).
    A bad item raises (``ValueError``, ``TypeError``, ``KeyError``) when its
    turn comes, after the documents before it; with ``on_error="emit"`` it
    gives an error document instead: ``{"schema": "whosaid/1-error",
    "source": None, "line": n, "id": ..., "error": "..."}``, ``n`` counting
    items from 1.
    """
