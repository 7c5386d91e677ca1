"""Rich `Text` through the one sanitizer (`planner.text.visible`), its styles kept.

The panes and screens build styled text from the data; a control character
in a company name or a note must reach the terminal as an escape there too.
Newlines stay: they separate the rows of a part.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType
from rich.text import Text

from planner.text import visible


def visible_text(text: Text) -> Text:
    """`text` itself when it has nothing to escape, else a copy with escapes and the same styles."""
    plain = text.plain
    if visible(plain, keep="\n") == plain:  # equal, not the same: a kept newline is a copy
        return text
    edges = sorted({edge for span in text.spans for edge in (span.start, span.end)} - {0})
    result = Text(style=text.style, justify=text.justify, no_wrap=text.no_wrap, end=text.end)
    for piece in text.divide(edge for edge in edges if edge < len(plain)):
        start = len(result)
        result.append(visible(piece.plain, keep="\n"))
        for span in piece.spans:  # cut at every edge: each span covers its whole piece
            result.stylize(span.style, start, len(result))
    return result


def visible_parts(parts: Iterable[RenderableType]) -> list[RenderableType]:
    """Each `Text` of `parts` through `visible_text`; other renderables as they are."""
    return [visible_text(part) if isinstance(part, Text) else part for part in parts]
