"""A generated set of typos in package names, to measure how well the search finds what was meant.

Each typo is one of three kinds, in turn: two adjacent letters swapped (``zaaksytseem``), a letter
left out (``documentbeher``) or a letter added (``klantcontacht``), in one word of the name (words
of at least three letters; numbers are left alone). Every other typo is in a compound word
(``Zaaksysteem``, ``Documentbeheer``, listed in ``COMPOUNDS``) of a name that has one, the others
in any word of any name. Same names and seed, same set.

``missed`` lists the typos that do not find their package among the first results of a search.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SWAP, DELETION, INSERTION = "verwisseld", "weggelaten", "toegevoegd"
KINDS = (SWAP, DELETION, INSERTION)
# The compound words of the names of the demo catalogue and of ``generate_catalogue``.
COMPOUNDS = frozenset({
    # generate_catalogue (product kinds and regions)
    "zaaksysteem", "zaakafhandeling", "documentbeheer", "klantcontact", "burgerzaken", "rivierenland",
    "achterhoek",
    # the demo catalogue
    "afsprakenplanner", "afvalbeheer", "polderdata", "mailarchief", "scanstraat", "stadhuis",
    "klantcontactcentrum", "kantoorwolk", "meldpunt", "berichtenservice", "archiefbeheer",
    "objecttypen", "zaakafhandelcomponent", "webconcept",
})  # fmt: skip
WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Typo:
    naam: str  # the package's name
    zoek: str  # the name with one typo: what is searched for
    soort: str  # one of KINDS
    woord: str  # the word of the name that was mistyped
    getypt: str  # that word as mistyped
    samenstelling: bool  # whether that word is a compound


def _mistype(word: str, kind: str, rng: random.Random) -> str:
    if kind == SWAP:
        # Swapping two equal letters ("aa") changes nothing: only positions where they differ.
        position = rng.choice([i for i in range(len(word) - 1) if word[i].lower() != word[i + 1].lower()])
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if kind == DELETION:
        position = rng.randrange(len(word))
        return word[:position] + word[position + 1 :]
    position = rng.randrange(len(word) + 1)
    return word[:position] + rng.choice(string.ascii_lowercase) + word[position:]


def _compounds(naam: str) -> list[re.Match]:
    return [match for match in WORD.finditer(naam) if match.group().lower() in COMPOUNDS]


def _in_turn(names: list[str], rng: random.Random):
    """The names in a random order, then again in another, as long as asked."""
    while True:
        yield from rng.sample(names, len(names))


def typos(names: Sequence[str], count: int = 100, seed: int = 1) -> list[Typo]:
    """``count`` typos of ``names``. Every other typo is in a compound word, of a name that has
    one; the others in any word of any name. Names are drawn in a random order, each once
    before any comes again."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible test set, not a secret
    names = sorted(set(names))
    with_compound = [naam for naam in names if _compounds(naam)]
    any_name, compound_name = _in_turn(names, rng), _in_turn(with_compound or names, rng)
    result = []
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        in_compound = index % 2 == 0 and bool(with_compound)
        words = []
        while not words:  # a name whose only word repeats one letter ("III") has nothing to swap
            naam = next(compound_name if in_compound else any_name)
            words = _compounds(naam) if in_compound else list(WORD.finditer(naam))
            if kind == SWAP:
                words = [match for match in words if len(set(match.group().lower())) > 1]
        match = rng.choice(words)
        mistyped = _mistype(match.group(), kind, rng)
        result.append(
            Typo(
                naam=naam,
                zoek=naam[: match.start()] + mistyped + naam[match.end() :],
                soort=kind,
                woord=match.group(),
                getypt=mistyped,
                samenstelling=match.group().lower() in COMPOUNDS,
            )
        )
    return result


def missed(found: Callable[[Typo], list[str]], typo_set: Sequence[Typo], at: int = 10) -> list[Typo]:
    """The typos whose package is not among the first ``at`` names ``found`` returns for them."""
    return [typo for typo in typo_set if typo.naam not in found(typo)[:at]]
