"""Regex building shared by the extractors: word lists compiled as character tries.

Python's `re` tries every branch of an alternation at every position; a trie fails at
the first character that starts no word, which makes scanning for hundreds of words
several times faster, and puts longer words before their prefixes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def trie_pattern(token_lists: Iterable[Sequence[str]]) -> str:
    """A regex alternation (without anchors) matching any of the token sequences.

    Each token is already a regex fragment (an escaped character, a separator class).
    Longer continuations come before the end of a shorter word: "English Channel" is
    tried before "English".
    """
    trie: dict[str, dict] = {}
    for tokens in token_lists:
        node = trie
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}
    return _trie_regex(trie)


def words_pattern(words: Iterable[str], *, any_space: bool = False) -> str:
    """A trie alternation of literal words: `words_pattern(["on", "one"])` -> "on(?:e)?".

    With `any_space`, a space inside a word matches any run of whitespace ("according
    to" across a line break).
    """
    space = r"\s+" if any_space else re.escape(" ")
    return trie_pattern([space if c == " " else re.escape(c) for c in w] for w in words)


def _trie_regex(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [token + _trie_regex(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends else group
