"""Timeline summarisation (TLS): choose the days that matter and say in a few sentences what
happened on each, from hundreds of analysed articles on one topic.

The method works on the pipeline's per-document output (sentences, normalised time
expressions, event mentions) and its events, and follows what the TLS literature found to
work, without supervision:

* **Dating sentences.**  A sentence reports on the days its own day-precise time expressions
  name ("on Tuesday", "April 20"); a sentence without one reports on its publication day.  A
  day named only as a boundary ("since Tuesday", "bis zum 20. April": language data in
  ``lang/<lang>/tls.toml``) makes the day salient, but the sentence does not tell what
  happened on it.  A question tells nothing.
* **Date salience** (Tran et al. 2013/2015; news-tls Datewise, Ghalandari and Ifrim 2020): a day
  matters when many articles appear on it, when articles written on *other* days refer to it
  (each article votes once per day it names), and when it is a burst, a peak against the days
  around it (Kleinberg 2002; Swan and Allan 2000), so that a turn late in a long story, when
  coverage has thinned, still counts beside the busy weeks.  A fourth signal comes from the
  event layer: the number of *corroborated events* on the day, events merged
  (``storyline.events``) from day-dated mentions that are neither background nor references
  back, reported by at least two independent articles.  Each signal is a share of its
  total, so the weights do not depend on the size of the collection.  A day shortly before
  the first article can win on references alone (what set the story off).
* **Sentences per day.**  A chosen day below the median salience of the chosen days gets
  fewer sentences, in proportion (at least one): it is the likeliest to be a wrong day, where
  every word costs precision and none earns recall.
* **Sentence choice per day**: candidates are the sentences dated to that day.  They are added
  greedily by centroid optimisation (news-tls's CentroidOpt): each step takes the sentence
  that brings the day's summary closest, in TF-IDF space, to the day's centroid blended with
  the whole story's, the next day's (what was reported about the day once it was over) and
  that of the day's candidates published later (what was still told of it afterwards),
  weighted by a prior: up for the topic keywords (the task's query), down for each sign that a
  sentence does not report its day (it announces the day, speaks in the first or second
  person, or has no final punctuation: a headline or caption).  Days are filled in date order
  and a near-duplicate of a sentence chosen on an earlier day is never taken, so each day
  tells what was new on it (the update-summarisation view of a timeline); nor is a sentence
  that says again, in other words, what one chosen from its own article says (a standfirst
  and its lead).
* **Quoting**: an entry is dated, so its sentences leave out the time expressions that the date
  makes redundant ("BP said on Tuesday that" under that Tuesday reads "BP said that"), where the
  rest is still the same sentence (``storyline.quote``).

Measured on the 10 T17 development folders (mean AR-1 / AR-2 / date F1): .172/.054/.686,
against .146/.047/.675 for news-tls's supervised Datewise.  ``docs/tls.md`` has the numbers
behind each part, the ideas that did not help, and how far each half is from what the data
allow.

Documents stream through a :class:`TimelineCollector`, which keeps counts per day and bounded
pools per day of candidate sentences and of event mentions (without their text), so memory
grows with the days, not the documents; each day's mentions are merged on their own.
Nothing here names a language: stop words come from ``lang/<lang>/stopwords.txt``.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from storyline import quote
from storyline.events import merge
from storyline.lang import SUPPORTED, phrase_alternation, phrase_pattern, resource, word_list
from storyline.model import Document, EventMention, InputError, TimeExpression
from storyline.timeline import count_originals
from storyline.tokens import CLOSING_QUOTATION_MARKS, WORD

_Item = TypeVar("_Item")
_CLOSING = re.escape(CLOSING_QUOTATION_MARKS)
_QUESTION = re.compile(rf"\?[{_CLOSING}]*\s*$")
_FINAL_PUNCTUATION = re.compile(rf"[.!?…][{_CLOSING})]*\s*$")
# How far before a time expression a boundary word ("since", "bis zum") is looked for.
_BOUNDARY_WINDOW = 24


@dataclass(frozen=True)
class Settings:
    """The method's parameters: one setting for every topic and corpus."""

    publication_weight: float = 1.0
    """Salience of a day from the share of articles published on it ..."""
    reference_weight: float = 1.5
    """... and from the share of articles published on other days that name it (each votes once)."""
    burst_weight: float = 0.5
    """... and from its burst: the share of its articles among those published within
    ``burst_window`` days of it, so that a local peak of a long story counts beside the global one."""
    burst_window: int = 3
    event_weight: float = 0.15
    """... and from the share of the corroborated events dated to it: events (``storyline.events``)
    that at least ``min_sources`` independent articles report, dated to a day, neither
    background nor only references back.  0 skips event mentions and merging."""
    min_sources: int = 2
    event_pool: int = 100
    """Event mentions kept per day (the most prominent) and merged within their day: bounds
    memory and merging time when streaming."""
    lookback_days: int = 30
    """Days before the first article that references can make salient (what set the story off)."""
    min_words: int = 6
    max_words: int = 50
    keyword_bonus: float = 0.5
    """Prior factor 1 + bonus for a sentence that uses a topic keyword."""
    style_factor: float = 0.8
    """Prior factor for each sign that a sentence is no report of its day: it announces the day
    (published before it), speaks in the first or second person (quotations, reader forums:
    ``lang/<lang>/tls.toml``), or has no final punctuation (a headline, caption or fragment)."""
    story_weight: float = 0.5
    """Weight of the whole story's centroid (all chosen days) beside the day's own centroid ..."""
    next_day_weight: float = 0.25
    """... and of the next day's centroid (the reports on the day once it was over) ..."""
    later_weight: float = 0.1
    """... and of the centroid of the day's candidates published later that name it (what was
    still told of the day afterwards)."""
    duplicate_similarity: float = 0.75
    """A sentence this similar (TF-IDF cosine) to one chosen on any day is never chosen ..."""
    same_article_similarity: float = 0.5
    """... nor one this similar to a sentence chosen from its own article for the same day: an
    article's teaser or standfirst says again what its lead says, in other words."""
    day_pool: int = 400
    """Candidate sentences kept per day (those with the best prior); bounds memory when streaming."""


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True)
class DatedSentence:
    """A sentence of an article and the day it reports on."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    published: date
    day: date
    explicit: bool
    """True when the sentence's own time expression names the day."""
    boundary: bool = False
    """True when it names the day only as a boundary ("since Tuesday", "until 20 April"): a
    reference to the day, but no report of what happened on it."""
    furniture: bool = False
    """True for page furniture (a dateline, stamp, credit) and a reader comment: it may name a
    day, never tell one."""
    redundant: tuple[quote.Span, ...] = ()
    """Spans (document offsets, in order) of the time expressions that the entry's own date makes
    redundant ("on Tuesday" under that Tuesday): a summary leaves them out (``storyline.quote``)."""

    @property
    def pieces(self) -> list[quote.Span]:
        """The spans (document offsets) of the sentence that a summary quotes: all but ``redundant``."""
        return quote.kept_pieces(self.redundant, self.start, self.end)

    @property
    def summary_text(self) -> str:
        """The sentence as a summary quotes it: without its redundant time expressions."""
        return quote.quoted(self.text, 0, len(self.text), [(a - self.start, b - self.start) for a, b in self.redundant])


@dataclass(frozen=True)
class DaySummary:
    """One timeline entry: a day, how salient it was, and the sentences that tell it."""

    day: date
    salience: float
    sentences: list[DatedSentence]


@dataclass(frozen=True)
class Summary:
    """A summarised collection: the chosen days, the documents read (for citations) and the
    inputs that could not be read."""

    days: list[DaySummary]
    documents: list[Document]
    errors: list[InputError]


def dated_sentences(doc: Document) -> list[DatedSentence]:
    """Every sentence of an analysed document with the day(s) it reports on, and, marked
    ``boundary``, the days it names only as a boundary ("since Tuesday").  A sentence that names
    no day reports on its publication day, where that is known to the day."""
    if doc.published is None:
        return []
    published = doc.published.first
    # A document known only to the month or week dates none of its own sentences: its first
    # day is a guess, and a timeline must not show it as the day they happened.
    fallback = [published] if doc.published.is_day_or_finer else []
    boundary = _boundary_before(doc.lang)
    named: dict[int, list[date]] = defaultdict(list)
    bounds: dict[int, list[date]] = defaultdict(list)
    reporting: dict[int, list[TimeExpression]] = defaultdict(list)  # day-precise, no boundary
    for timex in doc.timexes:
        if timex.period is not None and timex.period.is_day_or_finer:
            before = doc.text[max(0, timex.start - _BOUNDARY_WINDOW) : timex.start]
            is_boundary = bool(boundary and boundary.search(before))
            if not is_boundary:
                reporting[timex.sentence].append(timex)
            days = (bounds if is_boundary else named)[timex.sentence]
            if timex.period.first not in days:
                days.append(timex.period.first)
    dated: list[DatedSentence] = []
    for sentence in doc.sentences:
        reported = named.get(sentence.index, [])
        bounded = [day for day in bounds.get(sentence.index, []) if day not in reported]
        kinds = [(day, bool(reported), False) for day in reported or fallback]
        kinds += [(day, True, True) for day in bounded]
        dated.extend(
            DatedSentence(
                doc.id,
                sentence.index,
                sentence.start,
                sentence.end,
                sentence.text,
                published,
                day,
                explicit,
                bound,
                not sentence.kind.is_story,
                quote.redundant_dates(doc.text, sentence, reporting.get(sentence.index, []), day, published, doc.lang),
            )
            for day, explicit, bound in kinds
        )
    return dated


@cache
def _boundary_before(lang: str) -> re.Pattern[str] | None:
    """What makes the time expression right after it a boundary (``lang/<lang>/tls.toml``)."""
    if lang not in SUPPORTED:
        return None
    data = resource(lang, "tls.toml")
    words, articles = phrase_alternation(data["boundary_words"]), phrase_alternation(data["boundary_articles"])
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:(?:{articles})\s+)?$", re.IGNORECASE)


def date_salience(
    docs_per_day: Counter[date],
    references: Counter[date],
    settings: Settings = DEFAULT_SETTINGS,
    corroborated_events: Counter[date] | None = None,
) -> dict[date, float]:
    """Salience of each day from the first article (or a referenced day shortly before it) to
    the last: shares of articles published on it, of articles elsewhere that refer to it, of
    its burst (its articles against those of the days around it) and of the corroborated
    events dated to it."""
    known = docs_per_day or references  # articles dated only to the month still name days
    if not known:
        return {}
    first, last = min(known), max(known)
    first = min([first, *(d for d in references if first - timedelta(days=settings.lookback_days) <= d)])
    days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
    published = np.array([docs_per_day[d] for d in days], dtype=np.float64)
    referenced = np.array([references[d] for d in days], dtype=np.float64)
    window = settings.burst_window
    around = np.convolve(published, np.ones(2 * window + 1))[window : window + len(days)]
    burst = np.divide(published, around, out=np.zeros_like(published), where=around > 0)
    events = np.array([(corroborated_events or Counter())[d] for d in days], dtype=np.float64)
    score = (
        settings.publication_weight * _share(published)
        + settings.reference_weight * _share(referenced)
        + settings.burst_weight * _share(burst)
        + settings.event_weight * _share(events)
    )
    return dict(zip(days, score.tolist(), strict=True))


def _share(values: NDArray[np.float64]) -> NDArray[np.float64]:
    total = float(values.sum())
    return values / total if total else values


def sentence_count(salience: float, median_salience: float, sentences_per_date: int) -> int:
    """How many sentences a chosen day gets: all ``sentences_per_date`` from the median salience
    of the chosen days up, fewer in proportion below it, at least one.  A weakly salient day is
    the likeliest to be a wrong day, whose sentences only cost precision."""
    if median_salience <= 0:
        return sentences_per_date
    return max(1, min(sentences_per_date, round(sentences_per_date * salience / median_salience)))


class TimelineCollector:
    """Date salience counts and a bounded pool of candidate sentences per day, fed one analysed
    document at a time, so that memory grows with the days kept, not with the documents read."""

    def __init__(
        self, *, keywords: Iterable[str] = (), lang: str = "en", settings: Settings = DEFAULT_SETTINGS
    ) -> None:
        self.keywords = phrase_pattern(keywords)  # whole words or phrases in any case: "BP's", "Ever Given"
        self.lang = lang
        self.settings = settings
        self.docs_per_day: Counter[date] = Counter()
        self.references: Counter[date] = Counter()
        # Per day a min-heap of (prior, -arrival, sentence): the weakest candidate goes first.
        self.pools: dict[date, list[tuple[float, int, DatedSentence]]] = defaultdict(list)
        # Per day a min-heap of (prominence, -arrival, mention) of the mentions that can found an
        # event, without their text: only dates, words and sources count.
        self.event_pools: dict[date, list[tuple[float, int, EventMention]]] = defaultdict(list)
        self.original_of: dict[str, str] = {}
        self.sentences = 0
        self.event_mentions = 0

    @property
    def documents(self) -> int:
        """How many documents dated to the day were added."""
        return self.docs_per_day.total()

    def add(self, doc: Document) -> None:
        """Count an analysed document (``pipeline.analyse``: sentences, time expressions and
        event mentions filled); keep its candidate sentences where they beat
        the weakest of their day's pool."""
        if doc.published is None:
            return
        if doc.published.is_day_or_finer:
            self.docs_per_day[doc.published.first] += 1
        settings = self.settings
        if settings.event_weight:
            for mention in filter(_founds_event, doc.mentions):
                self.event_mentions += 1
                stripped = (mention.prominence, -self.event_mentions, replace(mention, text="", phrase=""))
                _keep(self.event_pools[mention.date.first], stripped, settings.event_pool)
            if doc.duplicate_of:
                self.original_of[doc.id] = doc.duplicate_of
        referenced: set[date] = set()
        person = _first_second_person(doc.lang)
        for sentence in dated_sentences(doc):
            self.sentences += 1
            if sentence.explicit and sentence.day != sentence.published:
                referenced.add(sentence.day)
            if _candidate(sentence, settings):
                entry = (_prior(sentence, self.keywords, person, settings), -self.sentences, sentence)
                _keep(self.pools[sentence.day], entry, settings.day_pool)
        self.references.update(referenced)

    def summarise(self, *, max_dates: int, sentences_per_date: int) -> list[DaySummary]:
        """The ``max_dates`` most salient days with up to ``sentences_per_date`` sentences each,
        in date order."""
        salience = date_salience(self.docs_per_day, self.references, self.settings, self.corroborated_events())
        ranked = sorted((d for d in salience if self.pools.get(d)), key=lambda d: (-salience[d], d))[:max_dates]
        if not ranked:
            return []
        # The next day's candidates tell what was reported about the day once it was over.
        next_days = sorted(
            {d + timedelta(days=1) for d in ranked if self.pools.get(d + timedelta(days=1))} - set(ranked)
        )
        days = ranked + next_days
        entries = {d: sorted(self.pools[d], key=lambda entry: -entry[1]) for d in days}  # arrival order
        vectors = _tfidf([entry[2] for d in days for entry in entries[d]], self.lang)
        offsets = np.cumsum([0] + [len(entries[d]) for d in days])
        rows_of = {d: range(int(offsets[i]), int(offsets[i + 1])) for i, d in enumerate(days)}
        story = self.settings.story_weight * _unit(_mean(vectors[: int(offsets[len(ranked)])]))
        chosen_rows: list[int] = []
        median_salience = float(np.median([salience[d] for d in ranked]))
        summaries = []
        # In date order: a near-duplicate is claimed by the earlier day, where it was news, so a
        # later day must tell what is new on it (update summarisation).
        for day in sorted(ranked):
            rows = rows_of[day]
            context = story
            next_rows = rows_of.get(day + timedelta(days=1))
            if next_rows:
                next_centroid = _unit(_mean(vectors[next_rows.start : next_rows.stop]))
                context = story + self.settings.next_day_weight * next_centroid
            later = [rows.start + i for i, entry in enumerate(entries[day]) if entry[2].published > day]
            if later and self.settings.later_weight:
                context = context + self.settings.later_weight * _unit(_mean(vectors[later]))
            priors = np.array([entry[0] for entry in entries[day]])
            count = sentence_count(salience[day], median_salience, sentences_per_date)
            articles = [entry[2].doc_id for entry in entries[day]]
            picked = self._pick(vectors, rows, priors, context, chosen_rows, count, articles)
            if picked:
                sentences = sorted((entries[day][i][2] for i in picked), key=lambda s: (s.published, s.doc_id, s.index))
                summaries.append(DaySummary(day, salience[day], sentences))
        return sorted(summaries, key=lambda summary: summary.day)

    def corroborated_events(self) -> Counter[date]:
        """Per day, the events merged from its mentions that ``min_sources`` independent articles
        report (wire copies count once with their original)."""
        counts: Counter[date] = Counter()
        for day, pool in self.event_pools.items():
            for event in merge(entry[2] for entry in pool):
                sources = count_originals(event.doc_ids, self.original_of)
                counts[day] += sources >= self.settings.min_sources and not event.background
        return +counts

    def _pick(
        self,
        vectors: csr_matrix,
        rows: range,
        priors: NDArray[np.float64],
        context: NDArray[np.float64],
        chosen_rows: list[int],
        count: int,
        articles: list[str],
    ) -> list[int]:
        """Greedy centroid optimisation over one day's candidate rows: add the sentence that brings
        the day's summary vector closest to the target (the day's centroid plus ``context``, the
        story's and the next day's), weighted by its prior; never a near-duplicate of a sentence
        chosen before, on this day or an earlier one (``chosen_rows`` grows), nor a sentence
        that says again what one chosen from its own article (``articles``, by row) says.  Works
        in the day's own vocabulary, where the summary lives."""
        day_block = vectors[rows.start : rows.stop]
        columns = np.unique(day_block.indices)
        block = day_block[:, columns]
        # The target's scale is the same for every candidate of the day, so it stays unnormalised.
        target = _unit(_mean(block)) + context[columns]
        gain_alone = np.asarray(block @ target).ravel()
        squares = np.asarray(block.multiply(block).sum(axis=1)).ravel()
        overlap = (
            (day_block @ vectors[chosen_rows].T).max(axis=1).toarray().ravel() if chosen_rows else np.zeros(len(rows))
        )
        article_of = np.asarray(articles)
        summary = np.zeros(len(columns))
        picked: list[int] = []
        while len(picked) < count:
            norms = np.sqrt(summary @ summary + 2 * np.asarray(block @ summary).ravel() + squares)
            score = (summary @ target + gain_alone) / np.where(norms > 0, norms, 1.0) * priors
            score[overlap >= self.settings.duplicate_similarity] = -np.inf
            score[picked] = -np.inf
            best = int(np.argmax(score))
            if not np.isfinite(score[best]):
                break
            picked.append(best)
            chosen_rows.append(rows.start + best)
            chosen = block[best]
            summary += chosen.toarray().ravel()
            similarity = (block @ chosen.T).toarray().ravel()
            overlap = np.maximum(overlap, similarity)
            retold = (article_of == article_of[best]) & (similarity >= self.settings.same_article_similarity)
            overlap[retold] = np.inf
        return picked


def summarise(
    docs: Iterable[Document],
    *,
    max_dates: int,
    sentences_per_date: int,
    keywords: Iterable[str] = (),
    lang: str = "en",
    settings: Settings = DEFAULT_SETTINGS,
) -> list[DaySummary]:
    """The ``max_dates`` most salient days, each with up to ``sentences_per_date`` sentences,
    in date order.  ``docs`` must be analysed (sentences, time expressions and event mentions
    filled)."""
    collector = TimelineCollector(keywords=keywords, lang=lang, settings=settings)
    for doc in docs:
        collector.add(doc)
    return collector.summarise(max_dates=max_dates, sentences_per_date=sentences_per_date)


def _mean(rows: csr_matrix) -> NDArray[np.float64]:
    return np.asarray(rows.mean(axis=0)).ravel()


def _unit(vector: NDArray[np.float64]) -> NDArray[np.float64]:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def _keep(pool: list[tuple[float, int, _Item]], entry: tuple[float, int, _Item], size: int) -> None:
    """Add ``entry`` to a bounded min-heap of (score, -arrival, item): past ``size`` it
    replaces the weakest, if it beats it."""
    if len(pool) < size:
        heapq.heappush(pool, entry)
    elif entry[:2] > pool[0][:2]:
        heapq.heapreplace(pool, entry)


def _candidate(sentence: DatedSentence, settings: Settings) -> bool:
    """Whether a sentence may tell its day: it reports on the day (names it not only as a
    boundary), is no question, page furniture nor reader comment, and is neither a fragment nor a run-on of
    several sentences."""
    if sentence.boundary or sentence.furniture or _QUESTION.search(sentence.text):
        return False
    return settings.min_words <= len(WORD.findall(sentence.text)) <= settings.max_words


def _founds_event(mention: EventMention) -> bool:
    """A mention dated to a day, neither background nor a reference back nor a heading: merging
    only these finds the same corroborated events as merging all, in about half the time."""
    return mention.date.is_day_or_finer and not (mention.background or mention.anaphoric or mention.heading)


def _prior(sentence: DatedSentence, keywords: re.Pattern[str], person: re.Pattern[str], settings: Settings) -> float:
    """What makes a sentence a candidate beyond its content: using the topic's keywords, and
    reading as a report of its day rather than an announcement, a quotation or a headline."""
    signs = (
        (sentence.published < sentence.day)
        + bool(person.search(sentence.text))
        + (_FINAL_PUNCTUATION.search(sentence.text) is None)
    )
    return (1 + settings.keyword_bonus * bool(keywords.search(sentence.text))) * settings.style_factor**signs


@cache
def _first_second_person(lang: str) -> re.Pattern[str]:
    """First- and second-person words of ``lang``, as written (``lang/<lang>/tls.toml``)."""
    words = resource(lang, "tls.toml")["first_second_person"] if lang in SUPPORTED else []
    return phrase_pattern(words, ignore_case=False)


def _tfidf(sentences: Sequence[DatedSentence], lang: str) -> csr_matrix:
    """L2-normalised TF-IDF rows over the candidate pool."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # loaded when a summary is made

    vectorizer = TfidfVectorizer(
        lowercase=True,
        token_pattern=WORD.pattern,
        stop_words=sorted(word_list(lang, "stopwords.txt")),
        sublinear_tf=True,
    )
    matrix: csr_matrix = vectorizer.fit_transform([s.text for s in sentences]).tocsr()
    return matrix


def busiest_days(
    docs: Sequence[Document],
    *,
    max_dates: int,
    sentences_per_date: int,
    keywords: Iterable[str] = (),
    lang: str = "en",
) -> list[DaySummary]:
    """Baseline: the days most articles appeared on, each with its articles' first sentences."""
    by_day: dict[date, list[Document]] = defaultdict(list)
    for doc in docs:
        if doc.published is not None and doc.published.is_day_or_finer and doc.sentences:
            by_day[doc.published.first].append(doc)
    ranked = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:max_dates]
    summaries = []
    for day in sorted(ranked):
        firsts = [doc.sentences[0] for doc in by_day[day][:sentences_per_date]]
        picked = [
            DatedSentence(doc.id, s.index, s.start, s.end, s.text, day, day, False)
            for doc, s in zip(by_day[day], firsts, strict=False)
        ]
        summaries.append(DaySummary(day, float(len(by_day[day])), picked))
    return summaries


METHODS = {"storyline": summarise, "busiest": busiest_days}
"""TLS methods by name: ``storyline`` is ours, ``busiest`` the publication-count baseline."""
