"""The five seed articles: ids, honest DCT precisions, marker removal, the teaser list of 001."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.dates import Precision
from storyline.ingest import read_inputs
from storyline.model import Document, InputError

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles missing: {SEEDS}")
    items = list(read_inputs([SEEDS]))
    assert not [item for item in items if isinstance(item, InputError)]
    return {item.id: item for item in items if isinstance(item, Document)}


def articles(seeds: dict[str, Document]) -> list[Document]:
    return [doc for doc_id, doc in seeds.items() if "~" not in doc_id]


def test_ids_are_the_file_stems(seeds: dict[str, Document]) -> None:
    stems = sorted(path.stem for path in SEEDS.glob("*.txt"))
    assert [doc.id for doc in articles(seeds)] == stems


def test_dct_precision_is_honest(seeds: dict[str, Document]) -> None:
    by_prefix = {doc.id[:3]: doc for doc in articles(seeds)}
    expected = {
        "000": ("2025-05-17", "stamp"),  # month marker refined by the "Stand:" stamp in the title line
        "001": ("2025-02-12", "stamp"),  # no marker, only the stamp line
        "002": ("2025-06", "marker"),  # no stamp in the head: stays a month
        "003": ("2025-08-26", "marker"),
        "004": ("2025-03", "marker"),  # a date inside the story is not the article's day
    }
    for prefix, (value, source) in expected.items():
        doc = by_prefix[prefix]
        assert doc.published is not None, prefix
        assert (doc.published.value, doc.published_source) == (value, source), prefix
    assert by_prefix["002"].published.precision is Precision.MONTH  # type: ignore[union-attr]


def test_marker_is_removed_from_the_text(seeds: dict[str, Document]) -> None:
    for doc in articles(seeds):
        raw = (SEEDS / f"{doc.id}.txt").read_text(encoding="utf-8")
        assert not doc.text.lstrip().startswith("date ")
        assert doc.text[:40] in raw
        assert doc.title and "\n" not in doc.title


def test_teaser_list_of_001_is_cut_and_its_teasers_are_dated_documents(seeds: dict[str, Document]) -> None:
    article = next(doc for doc in articles(seeds) if doc.id.startswith("001"))
    teasers = [doc for doc_id, doc in seeds.items() if doc_id.startswith(f"{article.id}~")]
    raw = (SEEDS / f"{article.id}.txt").read_text(encoding="utf-8")
    assert len(teasers) >= 3
    assert "(Wirtschaft," in raw and "(Wirtschaft," not in article.text
    assert all(teaser.text not in article.text for teaser in teasers)
    for teaser in teasers:
        assert teaser.published is not None and teaser.published.precision is Precision.DAY
        assert teaser.published.first > article.published.first  # type: ignore[union-attr]
        assert teaser.outlet == article.outlet == "dpa"  # from its "@ dpa.de" credit line
        # as written, but that a headline run into its lead gets a line of its own
        assert " ".join(teaser.text.split()) in " ".join(raw.split()) and "weiterlesen" not in teaser.text
