"""Events: the same happening recognised across sentences and articles, and only then."""

from __future__ import annotations

from dataclasses import replace

from storyline.events import EventIndex, merge
from storyline.mentions import content_lemmas
from storyline.model import EventMention, Mod, Participant, Period, Status

TRUMP = Participant("person:trump", "Donald Trump", "person")
PUTIN = Participant("person:putin", "Wladimir Putin", "person")
PUTIN_SHORT = Participant("person:putin", "Putin", "person")
RABIE = Participant("person:rabie", "Osama Rabie", "person")
EVER_GIVEN = Participant("name:ever-given", "Ever Given", "name")
EVER_GLORY = Participant("name:ever-glory", "Ever Glory", "name")
EGYPT = Participant("country:EG", "Ägypten", "country")
PANAMA = Participant("country:PA", "Panama", "country")
SELENSKYJ = Participant("person:selenskyj", "Wolodymyr Selenskyj", "person")
SIKORSKI = Participant("person:sikorski", "Radoslaw Sikorski", "person")
WADEPHUL = Participant("person:wadephul", "Johann Wadephul", "person")
RUBIO = Participant("person:rubio", "Marco Rubio", "person")
KALLAS = Participant("person:kallas", "Kaja Kallas", "person")
SPD = Participant("org:spd", "SPD", "organisation")
GREENS = Participant("org:greens", "Grüne", "organisation")


def mention(
    doc: str,
    date: str,
    sentence: str,
    *,
    published: str,
    status: Status = Status.OCCURRED,
    who: tuple[Participant, ...] = (TRUMP, PUTIN),
    event_class: str = "communication",
    anaphoric: bool = False,
    heading: bool = False,
    timed: bool = True,
    index: int = 1,
    lang: str = "de",
) -> EventMention:
    return EventMention(
        doc_id=doc, sentence=index, start=0, end=len(sentence), text=sentence, phrase=sentence, trigger="x",
        date=Period.parse(date), status=status, participants=list(who), event_class=event_class,
        lemmas=content_lemmas(sentence, lang), anaphoric=anaphoric, heading=heading,
        time_text="t" if timed else None,
        time_value=date if timed else None, published=Period.parse(published), lang=lang,
    )


def test_calls_on_different_days_stay_separate_events() -> None:
    events = merge([
        mention("a", "2025-02-12", "Trump hat mit Putin telefoniert.", published="2025-02-12"),
        mention("b", "2025-03-18", "Trump und Putin telefonierten am Dienstag.", published="2025-03-18"),
    ])
    assert [e.date.value for e in events] == ["2025-02-12", "2025-03-18"]


def test_a_vague_date_joins_the_precise_event_it_contains() -> None:
    events = merge([
        mention("a", "2025-02", "Mitte Februar telefonierten Trump und Putin.", published="2025-05-17"),
        mention("b", "2025-02-12", "Trump hat mit Putin telefoniert.", published="2025-02-12"),
    ])
    (event,) = events
    assert event.date.value == "2025-02-12"
    assert event.doc_ids == ["a", "b"]


def test_a_planned_event_later_reported_as_held_is_occurred_and_each_source_keeps_its_status() -> None:
    events = merge([
        mention("plan", "2025-05-19", "Trump will am Montag mit Putin telefonieren.", published="2025-05-17",
                status=Status.PLANNED),
        mention("held", "2025-05-19", "Trump hat am Montag mit Putin telefoniert.", published="2025-05-20"),
    ])
    (event,) = events
    assert event.status is Status.OCCURRED
    assert {m.doc_id: m.status for m in event.mentions} == {"plan": Status.PLANNED, "held": Status.OCCURRED}


def test_a_later_cancellation_wins_over_the_plan() -> None:
    (event,) = merge([
        mention("plan", "2025-05-19", "Trump will am Montag mit Putin telefonieren.", published="2025-05-17",
                status=Status.PLANNED),
        mention("off", "2025-05-19", "Das Telefonat am Montag mit Putin wurde abgesagt.", published="2025-05-18",
                status=Status.CANCELLED),
    ])
    assert event.status is Status.CANCELLED


def test_one_article_says_one_status_so_that_one_sentence_denying_a_side_issue_does_not_overrule_it() -> None:
    told = [
        mention("a", "2025-06", text, published="2025-06", status=status, index=index)
        for index, (text, status) in enumerate([
            ("Trump hat mit Putin telefoniert.", Status.OCCURRED),
            ("Trump und Putin sprachen über die Ukraine.", Status.OCCURRED),
            ("Trump und Putin könnten nicht verhandeln, sagte Putin.", Status.DENIED),
        ])
    ]
    (event,) = merge(told)
    assert event.status is Status.OCCURRED
    assert [m.status for m in event.mentions] == [Status.OCCURRED, Status.OCCURRED, Status.DENIED]


def test_an_article_of_the_same_day_that_denies_the_happening_outweighs_one_that_reports_it() -> None:
    (event,) = merge([
        mention("held", "2025-05-19", "Trump hat am Montag mit Putin telefoniert.", published="2025-05-20"),
        mention("denial", "2025-05-19", "Das Telefonat von Trump mit Putin am Montag fand nicht statt.",
                published="2025-05-20", status=Status.DENIED),
    ])
    assert event.status is Status.DENIED
    assert {m.doc_id: m.status for m in event.mentions} == {"held": Status.OCCURRED, "denial": Status.DENIED}


def test_different_people_on_the_same_day_are_different_events() -> None:
    events = merge([
        mention("a", "2025-05-19", "Trump telefoniert mit Putin.", published="2025-05-19"),
        mention("b", "2025-05-19", "Rabie telefoniert mit Reedern.", published="2025-05-19", who=(RABIE,)),
    ])
    assert len(events) == 2


def test_names_of_no_known_kind_tell_happenings_apart_as_people_do_and_countries_do_not() -> None:
    ships = merge([
        mention("a", "2021-03-23", "Die «Ever Given» lief auf Grund.", published="2021-03-23", who=(EVER_GIVEN,),
                event_class="accident"),
        mention("b", "2021-03-23", "Die «Ever Glory» lief auf Grund.", published="2021-03-23", who=(EVER_GLORY,),
                event_class="accident"),
    ])
    assert len(ships) == 2
    countries = merge([
        mention("a", "2021-03-23", "Ein Frachter lief vor Ägypten auf Grund.", published="2021-03-23", who=(EGYPT,),
                event_class="accident"),
        mention("b", "2021-03-23", "Ein Frachter aus Panama lief auf Grund.", published="2021-03-23", who=(PANAMA,),
                event_class="accident"),
    ])
    assert len(countries) == 1


def test_sources_one_day_apart_saying_the_same_thing_are_one_event_with_a_conflict() -> None:
    sentence = "Trump und Putin vereinbaren am Telefon sofortige Verhandlungen über Frieden."
    events = merge([
        mention("a", "2025-02-12", sentence, published="2025-02-12"),
        mention("b", "2025-02-12", sentence, published="2025-02-13"),
        mention("c", "2025-02-13", sentence, published="2025-02-13"),
    ])
    (event,) = events
    assert event.date.value == "2025-02-12"
    assert [(c.date.value, c.docs) for c in event.conflicts] == [("2025-02-13", ["c"])]


def test_an_anaphoric_reference_joins_a_recent_event_and_alone_is_no_event() -> None:
    reference = mention("r", "2025-03-19", "Nach dem Telefonat von Trump und Putin griff Russland an.",
                        published="2025-03-19", anaphoric=True, timed=False, index=4)
    assert merge([reference]) == []
    events = merge([reference, mention("a", "2025-03-18", "Trump telefonierte mit Putin.", published="2025-03-18")])
    (event,) = events
    assert event.date.value == "2025-03-18"
    assert len(event.mentions) == 2


def test_an_article_whose_news_is_a_reference_gets_an_approximate_event() -> None:
    headline = mention("n", "2025-06", "Trump sieht nach erneutem Telefonat mit Putin keine Chance.",
                       published="2025-06", anaphoric=True, timed=False, index=0)
    (event,) = merge([headline])
    assert (event.date.value, event.date.mod) == ("2025-06", Mod.APPROX)


def test_participants_take_their_fullest_name() -> None:
    (event,) = merge([
        mention("a", "2025-02-12", "Trump telefonierte mit Putin.", published="2025-02-12", who=(TRUMP, PUTIN_SHORT)),
        mention("b", "2025-02-12", "Trump telefonierte mit Wladimir Putin.", published="2025-02-12"),
    ])
    assert [p.name for p in event.participants] == ["Donald Trump", "Wladimir Putin"]


def test_participants_are_shown_people_first_and_names_of_no_known_kind_last() -> None:
    (event,) = merge([
        mention("a", "2021-03-23", "Rabie: Die «Ever Given» blockiert den Kanal vor Ägypten.", published="2021-03-23",
                who=(EVER_GIVEN, EGYPT, RABIE)),
    ])
    assert [p.kind for p in event.participants] == ["person", "country", "name"]


def test_the_index_forgets_a_document() -> None:
    index = EventIndex()
    first = index.add(mention("a", "2025-02-12", "Trump telefonierte mit Putin.", published="2025-02-12"))
    second = index.add(mention("b", "2025-02", "Mitte Februar telefonierten Trump und Putin.", published="2025-03-01"))
    assert first == second
    index.remove_document("a")
    (event,) = index.events()
    assert event.date.value == "2025-02"
    index.remove_document("b")
    assert index.events() == []
    assert len(index) == 0


def test_the_index_forgets_a_documents_mentions_in_every_event_restored_ones_included() -> None:
    index = EventIndex()
    index.restore([
        (mention("a", "2025-02-12", "Trump telefonierte mit Putin.", published="2025-02-12"), "e-call"),
        (mention("a", "2025-03", "Im März wollen sich Trump und Putin treffen.", published="2025-02-12"), "e-summit"),
    ])
    joined = index.add(mention("b", "2025-02-12", "Trump telefonierte mit Wladimir Putin.", published="2025-02-13"))
    assert joined == "e-call"
    index.remove_document("a")
    (event,) = index.events()
    assert (event.id, event.doc_ids) == ("e-call", ["b"])
    index.remove_document("a")  # nothing left of it
    assert len(index) == 1


def test_a_stored_assignment_is_restored_as_given() -> None:
    index = EventIndex()
    index.add_to(mention("a", "2025-02-12", "Trump telefonierte mit Putin.", published="2025-02-12"), "e-stored")
    assert [e.id for e in index.events()] == ["e-stored"]


def test_a_bulk_restore_equals_mention_by_mention_and_events_can_be_limited() -> None:
    plan = mention("plan", "2025-05-19", "Trump will am Montag mit Putin telefonieren.", published="2025-05-17",
                   status=Status.PLANNED)
    held = mention("held", "2025-05", "Trump hat im Mai mit Putin telefoniert.", published="2025-06-02")
    other = mention("rabie", "2025-05-19", "Rabie trifft Reeder.", published="2025-05-19", who=(RABIE,),
                    event_class="meeting")
    one_by_one = EventIndex()
    for item, event_id in ((plan, "e1"), (held, "e1"), (other, "e2")):
        one_by_one.add_to(item, event_id)
    bulk = EventIndex()
    bulk.restore([(plan, "e1"), (held, "e1"), (other, "e2")])
    assert bulk.events() == one_by_one.events()
    (event,) = bulk.events(ids={"e1"})
    assert (event.id, event.date.value, event.status) == ("e1", "2025-05-19", Status.OCCURRED)


def test_happenings_of_one_kind_in_one_month_stay_apart_without_people_or_words_in_common() -> None:
    saudi = "Ein Treffen amerikanischer und ukrainischer Vertreter in Saudi-Arabien fand vorige Woche statt."
    summit = "Der Krieg wird auch den EU-Gipfel in Brüssel prägen."
    events = merge([
        mention("a", "2025-03", saudi, published="2025-03", who=(), event_class="meeting", index=1),
        mention("a", "2025-03", summit, published="2025-03", who=(), event_class="meeting", index=2),
    ])
    assert len(events) == 2


def test_an_event_is_titled_by_a_sentence_that_states_its_status() -> None:
    (event,) = merge([
        mention("plan", "2025-03-18", "Das geplante Telefonat von Trump und Putin soll am Dienstag stattfinden.",
                published="2025-03-17", status=Status.PLANNED),
        mention("held", "2025-03-18", "Trump und Putin haben telefoniert.", published="2025-03-19", timed=False),
    ])
    assert event.status is Status.OCCURRED
    assert event.title == "Trump und Putin haben telefoniert."


def test_a_vague_mention_naming_nobody_joins_the_one_precise_event_of_its_kind() -> None:
    vague = mention("v", "2025-02", "Die beiden Präsidenten hatten Mitte Februar telefoniert.", published="2025-05-17",
                    who=())
    call = mention("a", "2025-02-12", "Trump hat mit Putin telefoniert.", published="2025-02-12")
    (event,) = merge([vague, call])
    assert event.date.value == "2025-02-12"
    other = mention("b", "2025-02-14", "Rabie hat mit Reedern telefoniert.", published="2025-02-14", who=(RABIE,))
    events = merge([vague, call, other])
    assert len(events) == 3, "with two calls that month it cannot tell which"


def test_a_reference_to_a_plan_joins_the_planned_event_not_the_publication_day() -> None:
    planned = mention("a", "2025-05-19", "Trump will am Montag mit Putin telefonieren.", published="2025-05-17",
                      status=Status.PLANNED, index=1)
    today = mention("a", "2025-05-17", "Die Außenminister haben telefoniert.", published="2025-05-17", who=(),
                    timed=False, index=2)
    reference = mention("a", "2025-05-17", "Der Kreml bestätigte das geplante Telefonat.", published="2025-05-17",
                        status=Status.PLANNED, who=(), anaphoric=True, timed=False, index=5)
    events = {e.date.value: e for e in merge([planned, today, reference])}
    assert reference in events["2025-05-19"].mentions


def test_a_reference_back_means_the_event_its_article_dates_in_words_or_tells_the_sentence_before() -> None:
    talks = mention("a", "2025-05-16", "Am Freitag fanden direkte Gespräche in der Türkei statt.",
                    published="2025-05-17", who=(), index=1)
    today = mention("a", "2025-05-17", "Trump drängt auf ein Treffen mit Putin.", published="2025-05-17",
                    event_class="meeting", timed=False, index=3)
    call = mention("a", "2025-05-17", "Das zeigt ein Telefonat von Lawrow und Rubio.", published="2025-05-17",
                   who=(), timed=False, index=4)
    it = mention("a", "2025-05-17", "Das Gespräch sei auf Initiative der USA zustande gekommen.",
                 published="2025-05-17", who=(), anaphoric=True, timed=False, index=5)
    absent = mention("a", "2025-05-17", "Putin fehlte bei dem Treffen in Istanbul.", published="2025-05-17",
                     who=(PUTIN,), event_class="meeting", anaphoric=True, timed=False, index=7)
    events = merge([talks, today, call, it, absent])
    (talks_event,) = [e for e in events if talks in e.mentions]
    assert absent in talks_event.mentions, "the meeting the article dates, though it names the talks otherwise"
    assert any(call in e.mentions and it in e.mentions for e in events), "the call of the sentence before"

def test_a_heading_supports_an_event_but_never_founds_or_titles_it() -> None:
    heading = mention("a", "2025-02-12", "Trump telefoniert mit Putin", published="2025-02-12", heading=True, index=4)
    assert merge([heading]) == [], "a subheading alone reports nothing"
    body = mention(
        "a",
        "2025-02-12",
        "Trump hat am Mittwoch mit Putin telefoniert.",
        published="2025-02-12",
        index=5,
        status=Status.PLANNED,
    )
    (event,) = merge([heading, body])
    assert len(event.mentions) == 2
    assert event.title == body.text and event.status is Status.PLANNED, "the body sentence speaks for the event"


def test_an_event_at_a_clock_time_keeps_the_zone_its_sources_give() -> None:
    call = mention("a", "2025-05-19T10:00", "Trump will um 10 Uhr mit Putin telefonieren.", published="2025-05-17",
                   status=Status.PLANNED)
    (event,) = merge([replace(call, timezone="America/New_York")])
    assert event.timezone == "America/New_York"
    (day,) = merge([mention("b", "2025-05-19", "Trump hat mit Putin telefoniert.", published="2025-05-20")])
    assert day.timezone is None


def test_an_event_is_titled_by_a_sentence_that_gives_its_date_before_one_that_only_states_its_status() -> None:
    (event,) = merge([
        mention("plan", "2025-05-19", "Trump will am Montag mit Putin telefonieren.", published="2025-05-17",
                status=Status.PLANNED),
        mention("later", "2025-05", "Trump und Putin hatten Mitte Mai zuletzt telefoniert.", published="2025-08-26"),
    ])
    assert (event.date.value, event.status) == ("2025-05-19", Status.OCCURRED)
    assert event.title == "Trump will am Montag mit Putin telefonieren."


def test_a_full_sentence_in_quotation_marks_titles_an_event_before_a_fragment() -> None:
    quoted = "\u00bbTrump und Putin haben am Dienstag lange telefoniert.\u00ab"
    (event,) = merge([
        mention("fragment", "2025-03-18", "Telefonat am Dienstag", published="2025-03-19"),
        mention("quoted", "2025-03-18", quoted, published="2025-03-19"),
    ])
    assert event.title == quoted


def test_an_event_dated_after_every_report_of_it_is_at_most_planned() -> None:
    (event,) = merge([
        mention("a", "2024-06-17", "The strike will begin on Monday.", published="2024-06-15", status=Status.PLANNED,
                who=(), event_class="start_end", lang="en"),
        mention("a", "2024-06-17", "The strike begins on Monday.", published="2024-06-15", who=(),
                event_class="start_end", index=2, lang="en"),
    ])
    assert event.status is Status.PLANNED
    assert [m.status for m in event.mentions] == [Status.PLANNED, Status.OCCURRED], "each source keeps its own"


def test_a_vague_mention_of_a_beginning_does_not_join_a_precise_one_of_another_happening() -> None:
    strike = mention("a", "2024-06-17", "The strike will begin on Monday.", published="2024-06-15",
                     status=Status.PLANNED, who=(), event_class="start_end", lang="en")
    season = mention("a", "2024-06", "In mid-June the busy season begins.", published="2024-06-15", who=(),
                     event_class="start_end", index=2, lang="en")
    assert len(merge([strike, season])) == 2


def test_a_verb_of_saying_is_no_common_word_of_two_happenings() -> None:
    call = mention("a", "2025-05-12", "Washington said that the call went well.", published="2025-05-17", who=(),
                   lang="en")
    well = mention("a", "2025-05-12", "BP said that the well was capped.", published="2025-05-17", who=(),
                   event_class="", index=2, lang="en")
    assert len(merge([call, well])) == 2


def test_a_headline_joins_the_lead_event_of_its_own_article() -> None:
    for lang, headline, lead in (
        ("de", "Koalitionsausschuss soll am Montag tagen",
         "Im Streit um den Haushalt kommen die Spitzen von SPD und Grünen am Montag zusammen."),
        ("en", "Coalition committee to meet on Monday",
         "In the budget row, the leaders of the SPD and the Greens will come together on Monday."),
    ):
        title = mention("a", "2025-09-08", headline, published="2025-09-06", status=Status.PLANNED, who=(),
                        event_class="meeting", heading=True, index=0, lang=lang)
        body = mention("a", "2025-09-08", lead, published="2025-09-06", status=Status.PLANNED, who=(SPD, GREENS),
                       event_class="", index=2, lang=lang)
        (event,) = merge([title, body])
        assert event.mentions == [title, body], lang


def test_a_subheading_names_what_the_sentence_after_it_tells_not_another_happening_of_its_day() -> None:
    for lang, again, heading, body in (
        ("de", "Nun sollen die beiden erneut gesprochen haben.",
         "Rubio telefonierte mit Vertretern der Ukraine und der EU",
         "Indes telefonierte Rubio am Montag mit seinen Kollegen aus Europa."),
        ("en", "The two are now said to have spoken again.",
         "Rubio speaks to officials from Ukraine and the EU",
         "Meanwhile, Rubio spoke with his European counterparts on Monday."),
    ):
        talk = mention("a", "2025-08-26", again, published="2025-08-26", status=Status.REPORTED, who=(),
                       timed=False, index=2, lang=lang)
        subheading = mention("a", "2025-08-26", heading, published="2025-08-26", who=(RUBIO,), heading=True,
                             timed=False, index=13, lang=lang)
        call = mention("a", "2025-08-25", body, published="2025-08-26", who=(RUBIO, KALLAS), index=14, lang=lang)
        events = merge([talk, subheading, call])
        assert [e.mentions for e in events] == [[subheading, call], [talk]], lang


def test_negotiations_and_the_agreement_they_reached_are_one_happening_of_the_same_parties() -> None:
    for lang, talks, agreed, elsewhere in (
        ("de", "Nach stundenlangen Verhandlungen haben sich SPD und Grüne gestern Abend geeinigt.",
         "Am Freitagabend einigten sich die Spitzen von SPD und Grünen im Koalitionsausschuss.",
         "Unabhängig davon traf sich am Freitag der Landesvorstand der Grünen in Oldenburg."),
        ("en", "After hours of negotiations, the SPD and the Greens reached a deal last night.",
         "On Friday evening, the leaders of the SPD and the Greens agreed in the coalition committee.",
         "Separately, the Greens' state board met in Oldenburg on Friday."),
    ):
        events = merge([
            mention("haz", "2025-09-12", talks, published="2025-09-13", who=(SPD, GREENS), event_class="negotiation",
                    lang=lang),
            mention("ndr", "2025-09-12", agreed, published="2025-09-13", who=(SPD, GREENS), event_class="agreement",
                    lang=lang, index=3),
            mention("ndr", "2025-09-12", elsewhere, published="2025-09-13", who=(GREENS,), event_class="meeting",
                    lang=lang, index=6),
        ])
        assert sorted(e.doc_ids for e in events) == [["haz", "ndr"], ["ndr"]], lang
        assert len(next(e for e in events if e.doc_ids == ["ndr"]).mentions) == 1, "the board met on its own"


def test_a_call_of_another_pair_of_people_is_another_call() -> None:
    for lang, putin, selenskyj in (
        ("de", "Trump hat am Montag mit Putin telefoniert.", "Trump hat am Montag mit Selenskyj telefoniert."),
        ("en", "Trump spoke to Putin by phone on Monday.", "Trump spoke to Zelensky by phone on Monday."),
    ):
        events = merge([
            mention("a", "2025-05-19", putin, published="2025-05-19", lang=lang),
            mention("b", "2025-05-19", selenskyj, published="2025-05-19", who=(TRUMP, SELENSKYJ), lang=lang),
        ])
        assert len(events) == 2, lang


def test_another_kind_of_happening_is_another_event_though_its_article_names_the_same_person() -> None:
    for lang, call, strike, visit in (
        ("de", "Trump sieht nach einem erneuten Telefonat mit Putin keine Chance auf Frieden.",
         "Putin kündigt einen Gegenschlag gegen die Ukraine an.",
         "Bei einem Besuch von Sikorski in Berlin sagte Wadephul, Putin spiele auf Zeit."),
        ("en", "After another phone call with Putin, Trump sees no chance of peace.",
         "Putin announces a counter-strike against Ukraine.",
         "On a visit by Sikorski to Berlin, Wadephul said Putin was playing for time."),
    ):
        events = merge([
            mention("a", "2025-06", call, published="2025-06", timed=False, index=1, lang=lang),
            mention("a", "2025-06", strike, published="2025-06", status=Status.PLANNED, who=(PUTIN,),
                    event_class="attack", timed=False, index=2, lang=lang),
            mention("a", "2025-06", visit, published="2025-06", who=(SIKORSKI, WADEPHUL, PUTIN), event_class="meeting",
                    index=3, lang=lang),
        ])
        assert [len(e.mentions) for e in events] == [1, 1, 1], lang


def test_sources_naming_the_same_clock_time_of_a_day_report_one_happening() -> None:
    for lang, planned, held in (
        ("de", "Der Ausstand soll in der Nacht zu Dienstag um 3 Uhr beginnen.", "Seit 3 Uhr steht der Verkehr still."),
        ("en", "The strike is due to begin at 3 am on Tuesday.", "Since 3 am, traffic has come to a standstill."),
    ):
        plan = mention("dpa", "2025-09-16T03:00", planned, published="2025-09-14", status=Status.PLANNED, who=(),
                       event_class="start_end", lang=lang)
        (event,) = merge([plan, mention("blog", "2025-09-16T03:00", held, published="2025-09-16", who=(),
                                        event_class="", lang=lang)])
        assert event.status is Status.OCCURRED, lang
        other_hour = mention("blog", "2025-09-16T04:00", held, published="2025-09-16", who=(), event_class="",
                             lang=lang)
        assert len(merge([plan, other_hour])) == 2, "an hour apart, nothing in common"
