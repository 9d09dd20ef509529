"""Wire copies: the same agency text in several outlets, counted once as a source.

Every document is shingled into word 5-grams (lower-cased, hashed to 32 bits).  Candidate
pairs come from MinHash LSH (datasketch), so the cost grows with the number of documents, not
with the number of pairs, and 100,000 documents stay practical; each candidate is then checked
exactly on the shingle sets: a near-copy shares at least half of all shingles (Jaccard ≥ 0.5:
small edits, another headline, a paragraph added) or most of the shorter text lies inside the
longer one (containment ≥ 0.8: a shortened copy).  The original is the earliest published
document (undated ones last, ties by id); every copy points at that original, never at another
copy.  A shared boilerplate (a footer of 20 to 50 shingles) never makes documents copies.
"""

from __future__ import annotations

import re
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from storyline.dates import Period
from storyline.model import Document

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["COPY_WINDOW_DAYS", "mark_duplicates", "mark_in_order", "publication_order"]

SHINGLE_WORDS = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.3
JACCARD = 0.5
CONTAINMENT = 0.8
# Shorter texts (a headline, a one-line teaser) are too small to call copies.
MIN_SHINGLES = 20
# A text contained in another counts as its copy only when it is more than boilerplate
# (a shared footer or disclaimer lies inside every article of an outlet).
MIN_CONTAINED_SHINGLES = 50
# Wire copies appear within days of their original: a stream of documents in publication
# order (a story desk's new documents) is compared with the originals published this close.
COPY_WINDOW_DAYS = 7

_WORD = re.compile(r"\w+")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio): mixes well


@cache
def _template() -> MinHash:
    """The MinHash whose permutations every signature shares.  datasketch (which loads scipy's
    integrators) is imported only once copies are looked for, not by every command."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM)


@cache
def _lsh_bands() -> tuple[int, int]:
    """Bands and rows of the LSH index for ``LSH_THRESHOLD``: datasketch fits them by numerical
    integration (tens of milliseconds), so once per process, not once per batch."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _shingles(text: str) -> NDArray[np.uint32]:
    """The sorted distinct 32-bit hashes of a text's word 5-grams.

    Words are hashed once (CRC-32) and each 5-gram's hash combined from its words' hashes
    arithmetically, in one vectorised pass instead of one string per 5-gram.
    """
    words = np.fromiter((zlib.crc32(word.encode()) for word in _WORD.findall(text.lower())), dtype=np.uint64)
    count = len(words) - SHINGLE_WORDS + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint32)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):
        combined = combined * _MULTIPLIER + words[offset : offset + count]  # wraps modulo 2**64
    return np.unique((combined >> np.uint64(32)).astype(np.uint32))


def _minhash(shingles: NDArray[np.uint32]) -> MinHash:
    """The MinHash signature of already hashed shingles (so the hash function is the identity)."""
    template = _template()
    signature = type(template)(
        num_perm=NUM_PERM, hashfunc=int, permutations=template.permutations, scheme=template.scheme
    )
    signature.update_batch(shingles.tolist())
    return signature


def _near_copy(a: NDArray[np.uint32], b: NDArray[np.uint32]) -> bool:
    shared = len(np.intersect1d(a, b, assume_unique=True))
    if shared >= JACCARD * (len(a) + len(b) - shared):
        return True
    smaller = min(len(a), len(b))
    return smaller >= MIN_CONTAINED_SHINGLES and shared >= CONTAINMENT * smaller


def publication_order(published: Period | None, doc_id: str) -> tuple[date, str]:
    """Where a document stands among possible originals: by publication, undated ones last."""
    return (published.first if published is not None else date.max, doc_id)


def mark_duplicates(docs: list[Document]) -> None:
    """Set ``duplicate_of`` on near-copies (wire copies) of an earlier document, clear it on others."""
    for _ in mark_in_order(sorted(docs, key=lambda doc: publication_order(doc.published, doc.id))):
        pass


def mark_in_order(docs: Iterable[Document], window_days: int | None = None) -> Iterator[Document]:
    """Mark each document of a stream in publication order, and yield it: a near-copy of an
    earlier original points to the earliest one, any other document is an original.

    Only originals are indexed, so every copy is compared with originals, never linked through
    a chain of copies that drifts away from the text it copies.  With ``window_days``, originals
    published longer ago than that are dropped, so memory stays bounded however long the stream.
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_bands())
    originals: dict[int, tuple[str, NDArray[np.uint32]]] = {}
    indexed: deque[tuple[date, int]] = deque()  # (last day, key) in publication order
    for position, doc in enumerate(docs):
        if window_days is not None and doc.published is not None:
            oldest = doc.published.first - timedelta(days=window_days)
            while indexed and indexed[0][0] < oldest:
                key = indexed.popleft()[1]
                lsh.remove(key)
                del originals[key]
        doc.duplicate_of = None
        shingles = _shingles(doc.text)
        if len(shingles) >= MIN_SHINGLES:
            signature = _minhash(shingles)
            copied = [key for key in lsh.query(signature) if _near_copy(shingles, originals[key][1])]
            if copied:
                doc.duplicate_of = originals[min(copied)][0]  # keys are publication order
            else:
                originals[position] = (doc.id, shingles)
                lsh.insert(position, signature)
                indexed.append((doc.published.last if doc.published is not None else date.max, position))
        yield doc
