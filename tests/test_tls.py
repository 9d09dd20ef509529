"""Timeline summarisation: dating sentences, date salience, sentence choice, streaming bounds."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest

from storyline.model import Document, EventMention, Period, Sentence, SentenceKind, TimeExpression, TimexType
from storyline.tls import (
    Settings,
    TimelineCollector,
    busiest_days,
    date_salience,
    dated_sentences,
    sentence_count,
    summarise,
)

D = date


def _doc(doc_id: str, published: date, sentences: list[str], dated: dict[int, date] | None = None) -> Document:
    """An analysed document made by hand: sentences, and a day timex in the sentences of ``dated``."""
    text, spans = "", []
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        spans.append(Sentence(len(spans), start, start + len(sentence), sentence))
    timexes = [
        TimeExpression(
            spans[i].start,
            spans[i].start + 3,
            "day",
            TimexType.DATE,
            day.isoformat(),
            sentence=i,
            period=Period.of_day(day),
        )
        for i, day in (dated or {}).items()
    ]
    return Document(doc_id, text, published=Period.of_day(published), lang="en", sentences=spans, timexes=timexes)


def test_a_sentence_reports_on_the_day_it_names_else_on_its_publication_day() -> None:
    doc = _doc(
        "a", D(2020, 5, 3), ["The dam failed after days of rain.", "Crews searched the valley."], {0: D(2020, 5, 1)}
    )
    days = [(s.day, s.explicit) for s in dated_sentences(doc)]
    assert days == [(D(2020, 5, 1), True), (D(2020, 5, 3), False)]


def _named(doc_id: str, lang: str, published: date, text: str, names: dict[str, date]) -> Document:
    """One sentence whose time expressions are the words in ``names``, each naming its day."""
    timexes = [
        TimeExpression(
            text.index(word), text.index(word) + len(word), word, TimexType.DATE, day.isoformat(), sentence=0,
            period=Period.of_day(day),
        )
        for word, day in names.items()
    ]  # fmt: skip
    sentences = [Sentence(0, 0, len(text), text)]
    return Document(doc_id, text, published=Period.of_day(published), lang=lang, sentences=sentences, timexes=timexes)


def test_a_day_named_only_as_a_boundary_is_referenced_but_not_reported() -> None:
    text = "Crews have searched the valley since Tuesday."
    since = _named("a", "en", D(2020, 5, 3), text, {"Tuesday": D(2020, 4, 28)})
    assert [(s.day, s.explicit, s.boundary) for s in dated_sentences(since)] == [
        (D(2020, 5, 3), False, False),  # what the sentence reports, on its publication day
        (D(2020, 4, 28), True, True),
    ]
    both = _named(
        "b", "de", D(2020, 5, 3), "Am Freitag fanden sie Überlebende, die seit Dienstag vermisst wurden.",
        {"Freitag": D(2020, 5, 1), "Dienstag": D(2020, 4, 28)},
    )  # fmt: skip
    assert [(s.day, s.boundary) for s in dated_sentences(both)] == [(D(2020, 5, 1), False), (D(2020, 4, 28), True)]
    collector = TimelineCollector(settings=Settings(min_words=1))
    collector.add(since)
    assert collector.references == Counter({D(2020, 4, 28): 1})
    assert D(2020, 4, 28) not in collector.pools


def test_a_sentence_quoted_under_its_day_leaves_out_the_date_the_heading_gives() -> None:
    text = "BP said on Tuesday that it would cap the well."
    doc = _named("a", "en", D(2020, 5, 3), text, {"Tuesday": D(2020, 5, 1)})
    (sentence,) = [s for s in dated_sentences(doc) if s.explicit]
    assert sentence.summary_text == "BP said that it would cap the well."
    assert [text[a:b] for a, b in sentence.pieces] == ["BP said ", " that it would cap the well."]
    (undated,) = dated_sentences(_named("b", "en", D(2020, 5, 3), "Crews searched the valley all day long.", {}))
    assert (undated.summary_text, undated.pieces) == (undated.text, [(undated.start, undated.end)])


def test_an_article_dated_only_to_the_month_dates_only_the_sentences_that_name_their_day() -> None:
    doc = _doc("m", D(2021, 4, 1), ["Crews worked on the ship all week.", "The ship was freed."], {1: D(2021, 3, 29)})
    doc = replace(doc, published=Period.parse("2021-04"))
    assert [(s.index, s.day) for s in dated_sentences(doc)] == [(1, D(2021, 3, 29))]
    collector = TimelineCollector(settings=Settings(min_words=1))
    collector.add(doc)
    assert collector.documents == 0 and collector.references == Counter({D(2021, 3, 29): 1})
    (day,) = collector.summarise(max_dates=3, sentences_per_date=1)
    assert day.day == D(2021, 3, 29)  # not 1 April, a day no article gives


def test_a_question_tells_nothing_of_its_day() -> None:
    collector = TimelineCollector(settings=Settings(min_words=1))
    collector.add(_doc("q", D(2020, 5, 3), ["What caused the dam to fail?", "The dam failed after heavy rain."]))
    assert [entry[2].text for entry in collector.pools[D(2020, 5, 3)]] == ["The dam failed after heavy rain."]


@pytest.mark.parametrize(
    ("kind", "aside", "named"),
    [
        (SentenceKind.FURNITURE, "Sunday 18 July 2010 18.45 BST", D(2010, 7, 18)),
        (
            SentenceKind.COMMENT,
            "At 02:10 am on 19 Jan 2010, Alice wrote: I opened a book I got for Christmas 2009.",
            D(2009, 12, 25),
        ),
    ],
)
def test_page_furniture_and_reader_comments_tell_nothing_of_their_day_but_still_name_it(
    kind: SentenceKind, aside: str, named: date
) -> None:
    doc = _doc("s", D(2010, 7, 19), ["The cap held overnight, engineers said.", aside], {1: named})
    doc.sentences[1].kind = kind
    collector = TimelineCollector(settings=Settings(min_words=1))
    collector.add(doc)
    assert [entry[2].text for pool in collector.pools.values() for entry in pool] == [doc.sentences[0].text]
    assert collector.references == Counter({named: 1})


def test_keywords_are_whole_words_or_phrases_in_any_case() -> None:
    collector = TimelineCollector(keywords=["Ever  Given", "BP"], settings=Settings(min_words=1))
    sentences = ["The EVER GIVEN was freed.", "Given the wind, it ran aground.", "BP's rig sank.", "BPA fell."]
    collector.add(_doc("k", D(2021, 3, 29), sentences))
    priors = {entry[2].text: entry[0] for entry in collector.pools[D(2021, 3, 29)]}
    assert [priors[s] > 1 for s in sentences] == [True, False, True, False]


def test_a_report_outranks_an_announcement_a_quotation_and_a_headline() -> None:
    collector = TimelineCollector(settings=Settings(min_words=1))
    day = D(2020, 5, 3)
    sentences = ["The dam failed after heavy rain.", "We saw the dam fail.", "Dam fails after heavy rain"]
    collector.add(_doc("r", day, sentences))
    collector.add(_doc("a", D(2020, 5, 1), ["The dam will be inspected on Sunday."], {0: day}))
    priors = {entry[2].text: entry[0] for entry in collector.pools[day]}
    report = priors.pop("The dam failed after heavy rain.")
    assert all(prior < report for prior in priors.values()) and len(priors) == 3


def test_salience_counts_articles_and_references_from_other_days() -> None:
    docs_per_day = Counter({D(2020, 5, 3): 2, D(2020, 5, 4): 1, D(2020, 5, 10): 1})
    references = Counter({D(2020, 5, 1): 5, D(2020, 7, 1): 9})
    salience = date_salience(docs_per_day, references, Settings(lookback_days=30))
    assert min(salience) == D(2020, 5, 1)  # referenced shortly before the first article
    assert max(salience) == D(2020, 5, 10)  # nothing after the last article
    assert salience[D(2020, 5, 1)] > salience[D(2020, 5, 4)] > salience[D(2020, 5, 7)] == 0


def test_a_local_burst_in_a_quiet_stretch_counts_beside_the_busiest_days() -> None:
    busy = {D(2020, 5, day): 5 for day in range(1, 6)}
    docs_per_day = Counter({**busy, D(2020, 5, 20): 3})
    with_burst = date_salience(docs_per_day, Counter())
    without = date_salience(docs_per_day, Counter(), Settings(burst_weight=0))
    assert with_burst[D(2020, 5, 20)] > with_burst[D(2020, 5, 3)]
    assert without[D(2020, 5, 20)] < without[D(2020, 5, 3)]


def test_corroborated_events_lift_a_day_beside_one_as_busy() -> None:
    docs_per_day = Counter({D(2020, 5, 1): 3, D(2020, 5, 5): 3})
    salience = date_salience(docs_per_day, Counter(), corroborated_events=Counter({D(2020, 5, 5): 2}))
    assert salience[D(2020, 5, 5)] > salience[D(2020, 5, 1)]


def _mention(doc: Document, day: date, **kind: bool) -> EventMention:
    """A mention of a dam failure on ``day`` in the document's first sentence."""
    sentence = doc.sentences[0]
    return EventMention(
        doc.id, 0, sentence.start, sentence.end, sentence.text, sentence.text, "failed", Period.of_day(day),
        time_text="on Friday", event_class="disaster", lemmas=frozenset({"dam", "fail", "rain"}),
        published=doc.published, lang="en", **kind,
    )  # fmt: skip


def _reports(day: date, **kind: bool) -> list[Document]:
    docs = [_doc(doc_id, D(2020, 5, 3), ["The dam failed on Friday after heavy rain."]) for doc_id in ("a", "b")]
    for doc in docs:
        doc.mentions = [_mention(doc, day, **kind)]
    return docs


def test_an_event_counts_for_its_day_when_independent_articles_report_it() -> None:
    collector = TimelineCollector()
    for doc in _reports(D(2020, 5, 1)):
        collector.add(doc)
    assert collector.corroborated_events() == Counter({D(2020, 5, 1): 1})


def test_background_references_back_headings_and_wire_copies_corroborate_nothing() -> None:
    kinds = ({"background": True}, {"anaphoric": True}, {"heading": True})
    for docs in (_reports(D(2020, 5, 1), **kind) for kind in kinds):
        collector = TimelineCollector()
        for doc in docs:
            collector.add(doc)
        assert not collector.corroborated_events()
    original, copy = _reports(D(2020, 5, 1))
    copy.duplicate_of = original.id
    collector = TimelineCollector()
    collector.add(original)
    collector.add(copy)
    assert not collector.corroborated_events()


def test_days_below_the_median_salience_get_fewer_sentences_but_at_least_one() -> None:
    assert sentence_count(0.4, 0.2, 3) == 3  # never more than asked
    assert sentence_count(0.2, 0.2, 3) == 3
    assert sentence_count(0.1, 0.2, 4) == 2
    assert sentence_count(0.01, 0.2, 4) == 1


def _story() -> list[Document]:
    return [
        _doc("a", D(2020, 5, 1), ["The river dam failed near the town after heavy rain.", "Officials met later."]),
        _doc(
            "b",
            D(2020, 5, 2),
            [
                "Rescue crews searched the flooded valley for survivors all night.",
                "The dam failed on Friday after heavy rain, officials said.",
            ],
            {1: D(2020, 5, 1)},
        ),
        _doc(
            "c",
            D(2020, 5, 2),
            [
                "Rescue crews found survivors in the flooded valley on Saturday morning.",
                "Weather was mild elsewhere across the region this week.",
            ],
        ),
        _doc(
            "d",
            D(2020, 5, 9),
            [
                "A football match was played in the capital city without incident.",
                "The dam operator faced questions over the failure.",
            ],
        ),
    ]


def test_summarise_picks_salient_days_with_on_topic_sentences_in_date_order() -> None:
    timeline = summarise(_story(), max_dates=2, sentences_per_date=1, keywords=("dam", "flood"))
    assert [day.day for day in timeline] == [D(2020, 5, 1), D(2020, 5, 2)]
    assert all(len(day.sentences) == 1 for day in timeline)
    assert "dam" in timeline[0].sentences[0].text


def test_no_sentence_is_chosen_twice_and_days_without_candidates_are_skipped() -> None:
    timeline = summarise(_story(), max_dates=10, sentences_per_date=5)
    chosen = [(s.doc_id, s.index) for day in timeline for s in day.sentences]
    assert len(chosen) == len(set(chosen))
    assert all(day.sentences for day in timeline)


def test_news_belongs_to_the_earlier_day_and_a_later_day_tells_what_is_new() -> None:
    report = "The river dam failed near the town after heavy rain."
    docs = [
        _doc("a", D(2020, 5, 1), [report]),
        _doc("b", D(2020, 5, 2), [report]),
        _doc("c", D(2020, 5, 2), [report]),
        _doc("d", D(2020, 5, 2), ["Rescue crews searched the flooded valley for survivors."]),
    ]
    timeline = summarise(docs, max_dates=2, sentences_per_date=1)
    assert [(day.day, [s.doc_id for s in day.sentences]) for day in timeline] == [
        (D(2020, 5, 1), ["a"]),
        (D(2020, 5, 2), ["d"]),
    ]


def test_an_article_that_says_its_lead_again_in_other_words_is_quoted_once_for_the_day() -> None:
    standfirst = "Talks on the dam go on: the mayor will meet the engineers on Monday morning."
    lead = "Talks on the dam go on: the mayor announced he would meet the engineers and the council on Monday."

    def chosen(one_article: bool) -> list[str]:
        docs = [_doc("a", D(2020, 5, 1), [standfirst, lead])] if one_article else [
            _doc("a", D(2020, 5, 1), [standfirst]),
            _doc("b", D(2020, 5, 1), [lead]),
        ]
        (day,) = summarise(docs, max_dates=1, sentences_per_date=2, settings=Settings(min_words=1))
        return [s.text for s in day.sentences]

    assert chosen(one_article=False) == [standfirst, lead], "two outlets may tell it alike"
    assert len(chosen(one_article=True)) == 1


def test_what_later_articles_still_tell_of_a_day_steers_its_sentences() -> None:
    traffic = "Traffic was slow on the motorway near the airport all afternoon."
    docs = [
        *(_doc(f"t{n}", D(2020, 5, 1), [traffic]) for n in range(3)),
        _doc("b", D(2020, 5, 1), ["The mayor opened the new bridge over the river with a ribbon."]),
        _doc("later", D(2020, 5, 8), ["The river bridge the mayor opened on Friday has trams."], {0: D(2020, 5, 1)}),
    ]

    def chosen(later_weight: float) -> str:
        settings = Settings(later_weight=later_weight, min_words=1)
        timeline = summarise(docs, max_dates=1, sentences_per_date=1, settings=settings)
        return timeline[0].sentences[0].text

    assert chosen(0.0) == traffic
    assert "bridge" in chosen(2.0)


def test_the_collector_keeps_a_bounded_pool_per_day() -> None:
    collector = TimelineCollector(settings=Settings(day_pool=2, min_words=1))
    for number in range(20):
        collector.add(_doc(f"n{number}", D(2020, 1, 1), [f"Report number {number} about the same day."]))
    assert collector.documents == 20
    assert len(collector.pools[D(2020, 1, 1)]) == 2


def test_busiest_baseline_takes_the_most_published_days_and_their_first_sentences() -> None:
    timeline = busiest_days(_story(), max_dates=1, sentences_per_date=2)
    assert [day.day for day in timeline] == [D(2020, 5, 2)]
    assert [s.doc_id for s in timeline[0].sentences] == ["b", "c"]
