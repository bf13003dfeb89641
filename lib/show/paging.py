"""Long lists shown a page at a time: which page to show, and which items it holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    """Page `number` (from 1) of `pages`: the items `first` to `last` (0-based, `last` excluded) of `total`."""

    number: int
    pages: int
    first: int
    last: int
    total: int

    @property
    def caption(self) -> str:
        """'Showing 51–100 of 230', or "" when everything fits on one page."""
        if self.pages <= 1:
            return ""
        return f"Showing {self.first + 1:,}–{self.last:,} of {self.total:,}"


def page_count(total: int, per_page: int) -> int:
    """How many pages `total` items take, at least one (an empty list has one, empty, page)."""
    return max(1, -(-total // per_page))


def paginate(total: int, per_page: int, number: int) -> Page:
    """Page `number` of `total` items, `per_page` a page; a number past either end is brought inside.

    >>> paginate(230, 50, 2).caption
    'Showing 51–100 of 230'
    >>> paginate(230, 50, 9).number
    5
    """
    pages = page_count(total, per_page)
    number = min(max(1, number), pages)
    first = (number - 1) * per_page
    return Page(number, pages, first, min(first + per_page, total), total)
