"""Event mentions: which sentences report a happening, when, with whom, and how definitely."""

from __future__ import annotations

from dataclasses import replace

from storyline import mentions, pipeline, text
from storyline.model import Document, Period, Status, TimeExpression, TimexType


def make_doc(body: str, published: str | None, lang: str, timexes: dict[str, str] | None = None) -> Document:
    """A document with sentences and hand-given time expressions (surface text → value)."""
    doc = Document(id="doc", text=body, lang=lang, published=Period.parse(published) if published else None)
    text.annotate(doc)
    for surface, value in (timexes or {}).items():
        start = body.index(surface)
        sentence = next(s.index for s in doc.sentences if s.start <= start < s.end)
        doc.timexes.append(
            TimeExpression(start, start + len(surface), surface, TimexType.DATE, value, sentence=sentence,
                           period=Period.parse(value))
        )
    return mentions.annotate(doc)


def test_a_planned_call_gets_its_resolved_day_and_status_planned() -> None:
    doc = make_doc(
        "Trump will telefonieren\n\n"
        "US-Präsident Donald Trump will am Montag mit Kremlchef Wladimir Putin telefonieren.",
        "2025-05-17",
        "de",
        {"am Montag": "2025-05-19"},
    )
    call = next(m for m in doc.mentions if m.time_text == "am Montag")
    assert call.date.value == "2025-05-19"
    assert call.status is Status.PLANNED
    assert call.event_class == "communication"
    assert {p.key for p in call.participants} >= {"person:trump", "person:putin"}
    assert {p.name for p in call.participants} >= {"Donald Trump", "Wladimir Putin"}


def test_a_date_the_tagger_puts_after_a_publication_month_makes_a_plan() -> None:
    body = "Gipfel\n\nDie Ukraine sei zu einem Gipfel ab kommenden Montag bereit."
    doc = Document(id="doc", text=body, lang="de", published=Period.parse("2025-06"))
    text.annotate(doc)
    start = body.index("kommenden Montag")
    month = Period.parse("2025-06", "approx")
    ahead = TimeExpression(
        start, start + 16, "kommenden Montag", TimexType.DATE, "2025-06", "APPROX", 1, period=month, after_dct=True
    )
    for timex, status in ((ahead, Status.PLANNED), (replace(ahead, after_dct=False), Status.OCCURRED)):
        doc.timexes = [timex]  # without after_dct, "Montag" may be the publication day
        summit = next(m for m in mentions.annotate(doc).mentions if m.time_text == "kommenden Montag")
        assert (summit.date, summit.status) == (month, status)


def test_a_bare_surname_is_the_person_the_article_introduces_elsewhere() -> None:
    doc = make_doc(
        "Putin telefoniert mit Selenskyj\n\nKremlchef Wladimir Putin hat mit dem Präsidenten Wolodymyr Selenskyj "
        "telefoniert.",
        "2025-02-12",
        "de",
    )
    headline = doc.mentions[0]
    assert [(p.key, p.kind) for p in headline.participants] == [
        ("person:putin", "person"),
        ("person:selenskyj", "person"),
    ]


def test_a_past_call_without_a_time_expression_is_dated_by_publication() -> None:
    doc = make_doc(
        "Trump telefoniert mit Putin\n\nDer Präsident Donald Trump hat mit Kremlchef Wladimir Putin telefoniert.",
        "2025-02-12",
        "de",
    )
    headline, call = doc.mentions
    assert headline.anaphoric, "a headline without a date of its own joins the news it heads"
    assert call.date.value == "2025-02-12"
    assert call.status is Status.OCCURRED
    assert call.time_text is None
    assert not call.anaphoric


def test_a_reference_back_to_an_earlier_call_is_anaphoric() -> None:
    doc = make_doc("Angriffe\n\nNach dem Telefonat griff Russland erneut die Infrastruktur an.", "2025-03-19", "de")
    assert doc.mentions[-1].anaphoric


def test_denial_and_cancellation_and_claims() -> None:
    doc = make_doc(
        "Moskau dementierte Pläne für ein Treffen. Das Treffen in Genf wurde abgesagt. "
        "Nach Angaben des Ministeriums soll es einen Angriff gegeben haben.",
        "2025-08-20",
        "de",
    )
    statuses = [m.status for m in doc.mentions]
    assert statuses == [Status.DENIED, Status.CANCELLED, Status.REPORTED]


def test_english_mentions_with_attribution() -> None:
    doc = make_doc(
        "The Ever Given was refloated on Monday, canal chairman Osama Rabie said.",
        "2021-03-30",
        "en",
        {"on Monday": "2021-03-29"},
    )
    (mention,) = doc.mentions
    assert mention.date.value == "2021-03-29"
    assert mention.attributed_to == "Osama Rabie"
    assert mention.status is Status.OCCURRED


def test_a_dated_fact_long_before_publication_is_background() -> None:
    doc = make_doc(
        "Deutschland war seit Februar 2022 der zweitwichtigste Lieferant von Waffen und schloss Abkommen.",
        "2025-03",
        "de",
        {"Februar 2022": "2022-02"},
    )
    assert doc.mentions[0].background


def test_a_multi_word_background_cue_marks_an_older_fact_as_background() -> None:
    march = {"March 2025": "2025-03"}
    cued = make_doc("The two presidents met back in March 2025 in Geneva.", "2025-06-10", "en", march)
    plain = make_doc("The two presidents met in March 2025 in Geneva.", "2025-06-10", "en", march)
    assert cued.mentions[0].background
    assert not plain.mentions[0].background, "three months back without a cue is still news"


def test_an_attribution_cue_counts_only_as_a_whole_word() -> None:
    doc = make_doc(
        "Die Lautsprecher von Wladimir Putin dröhnten; "
        "das Telefonat fand am 3. März statt, wie Donald Trump mitteilte.",
        "2025-03-05",
        "de",
        {"am 3. März": "2025-03-03"},
    )
    assert doc.mentions[0].attributed_to == "Donald Trump", '"Lautsprecher" is no "laut"'


def test_the_source_is_the_noun_phrase_the_attribution_cue_governs() -> None:
    doc = make_doc(
        "US-Präsident Donald Trump will mit Putin sprechen. "
        "Das Telefonat mit Putin soll nach Angaben des US-Präsidenten am Dienstag stattfinden. "
        "Aus dem Kreml hieß es, Putin habe seine Bereitschaft erklärt, Gäste zu empfangen, sagte Dmitri Peskow. "
        "Er sagte in Kiew, er schlage eine Waffenruhe vor. "
        "Kurz vor dem Telefonat hatte Trumps Regierung dargelegt, wie sie sich ein Ende von Russlands Krieg vorstellt. "
        '"Die Ukraine hat das Gespräch bestätigt", sagte Selenskyj.',
        "2025-03-17",
        "de",
        {"am Dienstag": "2025-03-18"},
    )
    sources = {m.sentence: m.attributed_to for m in doc.mentions}
    assert [sources.get(index) for index in range(1, 6)] == ["Donald Trump", "Kreml", None, None, "Selenskyj"]


def _source(sentence: str, lang: str, context: str = "") -> str | None:
    """Who the mention of ``sentence`` (after an optional ``context`` sentence) is attributed to."""
    doc = make_doc(f"{context} {sentence}".strip(), "2025-03-17", lang)
    return next(m.attributed_to for m in doc.mentions if m.text == sentence)


def test_after_a_verb_of_saying_an_organisation_or_a_country_is_the_source() -> None:
    assert _source("The two sides met on Friday, said the Pentagon.", "en") == "Pentagon"
    assert _source("Die beiden Seiten trafen sich am Freitag, teilte die NATO mit.", "de") == "NATO"


def test_a_spokesman_of_an_organisation_gives_the_organisation() -> None:
    sentence = "Die beiden Seiten trafen sich am Freitag, sagte ein Sprecher der Bundesregierung."
    assert _source(sentence, "de") == "Bundesregierung"


def test_a_name_of_no_known_kind_is_a_source_where_a_phrase_names_it() -> None:
    assert _source("Laut Selenskyj telefonierte Trump am Montag mit Putin.", "de") == "Selenskyj"


def test_a_verb_with_its_subject_ahead_takes_that_subject_not_the_name_after_it() -> None:
    assert _source("Hayward said BP met the demands of the government.", "en") == "Hayward"


def test_before_a_verb_the_clause_opener_is_the_source_not_a_name_after_a_preposition() -> None:
    sentence = "Trump kündigt ein Telefonat mit Putin an und betont, der Krieg müsse enden."
    assert _source(sentence, "de", "Kremlchef Wladimir Putin schweigt.") == "Trump"
    sentence = "Bei einem Besuch des Außenministers Radoslaw Sikorski sagte Minister Johann Wadephul, man verhandle."
    assert _source(sentence, "de") == "Johann Wadephul"


def test_in_a_compound_tense_the_speaker_stands_between_auxiliary_and_participle() -> None:
    assert _source("Am Montag hatte Trump gesagt, das Telefonat mit Putin sei gut verlaufen.", "de") == "Trump"
    assert _source("Am Dienstag hat Kremlsprecher Peskow erklärt, ein Treffen werde vorbereitet.", "de") == "Peskow"
    assert _source("Nach dem Telefonat mit Putin hatte Trump erklärt, man sei sich einig.", "de") == "Trump"
    assert _source("Das Telefonat sei gut gewesen, hatte Trump am Montag geschrieben.", "de") == "Trump"
    assert _source("On Monday Trump had said that the call with Putin went well.", "en") == "Trump"
    assert _source("Peskow has told reporters on Tuesday that a meeting is being prepared.", "en") == "Peskow"
    assert _source("The talks were suspended on Sunday, Zelensky had announced.", "en") == "Zelensky"


def test_a_person_introduced_by_a_possessor_and_a_role_is_the_source_not_the_possessor() -> None:
    assert _source("Putins Sprecher Peskow sagte, das Telefonat sei gut verlaufen.", "de") == "Peskow"
    assert _source("Das Treffen sei gut verlaufen, sagte Trumps Sondergesandter Witkoff.", "de") == "Witkoff"
    assert _source("Am Montag hatte Trumps Sondergesandter Witkoff gesagt, man verhandle.", "de") == "Witkoff"
    assert _source("Putin's spokesman Peskov had said on Monday that the call went well.", "en") == "Peskov"


def test_a_verb_of_saying_inside_a_quotation_frames_nothing() -> None:
    """The quoted words are the reported words: the speaker outside the quotation is the source."""
    for opening, closing in (("\u201c", "\u201d"), ('"', '"')):
        sentence = f"{opening}Hayward said BP met the demands on Friday,{closing} minister Ken Salazar said."
        assert _source(sentence, "en") == "Ken Salazar"
    sentence = "\u00bbTrump sagte mir, wir treffen uns am Freitag\u00ab, erklärte Kremlsprecher Dmitri Peskow."
    assert _source(sentence, "de") == "Dmitri Peskow"


def test_a_role_nobody_in_the_article_holds_is_the_source_as_written() -> None:
    doc = make_doc("Das Telefonat mit Putin soll nach Angaben des US-Präsidenten am Dienstag stattfinden.",
                   "2025-03-17", "de", {"am Dienstag": "2025-03-18"})
    assert doc.mentions[0].attributed_to == "US-Präsident"


def test_a_german_compound_names_the_happening_of_its_head() -> None:
    doc = make_doc(
        "Am Montag gab es einen Drohnenangriff auf Kiew. Am Dienstag kam in Brüssel der EU-Gipfel zusammen. "
        "Am Mittwoch machte Paris einen Vorschlag. Am Donnerstag erlitt die Regierung einen Rückschlag. "
        "Am Freitag wurde die Straßenreinigung eingestellt.",
        "2025-03-14",
        "de",
        {"Am Montag": "2025-03-10", "Am Dienstag": "2025-03-11", "Am Mittwoch": "2025-03-12",
         "Am Donnerstag": "2025-03-13", "Am Freitag": "2025-03-14"},
    )
    classes = {m.date.value: m.event_class for m in doc.mentions}
    assert classes.get("2025-03-10") == "attack"
    assert classes.get("2025-03-11") == "meeting"
    assert classes.get("2025-03-12") != "attack", "a Vorschlag is no Schlag"
    assert classes.get("2025-03-13") != "attack", "a Rückschlag is meant figuratively"
    assert classes.get("2025-03-14") != "agreement", "a Straßenreinigung is no Einigung"


def test_a_dateline_reports_nothing() -> None:
    doc = make_doc(
        "Ever Given freed\n\nISMAILIA, Egypt, March 29 (Example Wire) - Salvage crews freed the ship on Monday.",
        "2021-03-29",
        "en",
        {"March 29": "2021-03-29", "on Monday": "2021-03-29"},
    )
    assert [m.text for m in doc.mentions if m.sentence > 0] == ["Salvage crews freed the ship on Monday."]


def test_sentences_without_a_happening_are_not_mentions() -> None:
    doc = make_doc("Details nannte er nicht. Das ist eine schöne Stadt.", "2025-05-17", "de")
    assert doc.mentions == []


def test_a_headline_is_most_prominent() -> None:
    body = "Putin trifft Trump\n\nSpäter am Tag kam es zu einem Treffen in Alaska mit Putin."
    doc = make_doc(body, "2025-08-15", "de")
    assert doc.mentions[0].prominence > doc.mentions[-1].prominence


def test_a_date_in_a_relative_clause_dates_that_clause_not_the_event() -> None:
    doc = make_doc(
        "Seized\n\nEgypt has seized the Ever Given, the ship that blocked the canal last month.",
        "2021-04-13",
        "en",
        {"last month": "2021-03"},
    )
    by_trigger = {m.trigger: m for m in doc.mentions if m.sentence == 1}
    assert by_trigger["seized"].time_text is None
    assert by_trigger["seized"].date.value == "2021-04-13"
    assert by_trigger["blocked"].date.value == "2021-03", "the blockage is what happened last month"


def test_a_date_in_the_opening_clause_dates_the_event() -> None:
    doc = make_doc(
        "Kanal\n\nDie Kanalbehörde hatte am Donnerstag entschieden, keine Schiffe mehr einfahren zu lassen.",
        "2021-03-26",
        "de",
        {"am Donnerstag": "2021-03-25"},
    )
    assert doc.mentions[-1].date.value == "2021-03-25"


def test_a_noun_trigger_does_not_match_a_verb_of_the_same_lemma() -> None:
    straying = make_doc("Kurs\n\nWarum das Schiff am Dienstag vom Kurs abkam, ist unklar.", "2021-03-29", "de",
                        {"am Dienstag": "2021-03-23"})
    assert all(m.event_class != "agreement" for m in straying.mentions)
    deal = make_doc("Deal\n\nDas Abkommen wurde am Dienstag unterzeichnet.", "2021-03-29", "de",
                    {"am Dienstag": "2021-03-23"})
    assert deal.mentions[-1].event_class == "agreement"


def test_an_adjective_on_a_noun_or_a_past_passive_makes_no_plan() -> None:
    doc = make_doc(
        "Das viel erwartete Telefongespräch hat keine Waffenruhe gebracht. "
        "Dabei seien über 40 Maschinen zerstört worden. "
        "Die Debatte nach einem möglichen Friedensabkommen bleibt vage. "
        "Das Gespräch wird vorbereitet. "
        "Ein Treffen ist möglich.",
        "2025-06-04",
        "de",
    )
    statuses = [m.status for m in doc.mentions]
    assert statuses == [Status.OCCURRED, Status.OCCURRED, Status.OCCURRED, Status.PLANNED, Status.PLANNED]


def test_dates_listed_together_each_date_the_happening_and_a_bound_dates_none() -> None:
    doc = make_doc(
        "Die beiden Präsidenten hatten seit Trumps Amtsantritt im Januar bereits zwei Mal miteinander telefoniert: "
        "Mitte Februar und zuletzt Mitte März.",
        "2025-05-17",
        "de",
        {"im Januar": "2025-01", "Mitte Februar": "2025-02", "Mitte März": "2025-03"},
    )
    assert [(m.date.value, m.event_class) for m in doc.mentions] == [
        ("2025-02", "communication"),
        ("2025-03", "communication"),
    ]


def test_a_bound_beside_another_date_makes_no_mention_and_alone_is_background() -> None:
    beside = make_doc(
        "Das Telefonat soll am Dienstag stattfinden und wäre das zweite seit Amtsantritt des Republikaners im Januar.",
        "2025-03-17",
        "de",
        {"am Dienstag": "2025-03-18", "im Januar": "2025-01"},
    )
    assert [m.date.value for m in beside.mentions] == ["2025-03-18"]
    alone = make_doc(
        "Die beiden hatten seit Trumps Amtsantritt im Januar bereits zwei Mal telefoniert.",
        "2025-05-17",
        "de",
        {"im Januar": "2025-01"},
    )
    assert [(m.date.value, m.background) for m in alone.mentions] == [("2025-01", True)]


def test_a_sentence_without_a_date_that_tells_of_an_earlier_or_planned_happening_refers_back() -> None:
    doc = make_doc(
        "Gipfel\n\n"
        "In einem Telefonat während des anschließenden Gipfels erklärte Trump dann, Putin habe zugestimmt. "
        "Selenskyj hatte ein Treffen vorgeschlagen. "
        "Der Kreml bestätigte später das geplante Telefonat. "
        "Moskau dementierte danach Pläne für ein Treffen. "
        "Der Präsident Donald Trump hat mit Kremlchef Wladimir Putin telefoniert.",
        "2025-08-26",
        "de",
    )
    told = {m.sentence: (m.anaphoric, m.status) for m in doc.mentions}
    assert told[1] == (True, Status.OCCURRED), '"dann": dated by the summit, not by publication'
    assert told[2] == (True, Status.OCCURRED), "the past perfect tells of an earlier happening"
    assert told[3] == (True, Status.PLANNED), "the planned call, yet to come"
    assert told[4] == (False, Status.DENIED), "a denial is news of its own"
    assert told[5] == (False, Status.OCCURRED)

def test_a_multi_word_cue_of_reference_back_counts_only_as_a_whole_phrase() -> None:
    doc = make_doc(
        "Search\n\nRescuers at the site said it was time to resume the search. "
        "At the time, rescuers said they would resume the search.",
        "2025-08-26",
        "en",
    )
    told = {m.sentence: m.anaphoric for m in doc.mentions}
    assert told[1] is False, '"at the site … time" is no "at the time"'
    assert told[2] is True


def test_dates_joined_by_a_coordinating_phrase_date_the_same_happening() -> None:
    doc = make_doc(
        "The leaders met on 12 February as well as on 18 March.",
        "2025-05-17",
        "en",
        {"12 February": "2025-02-12", "18 March": "2025-03-18"},
    )
    assert [(m.date.value, m.event_class) for m in doc.mentions] == [
        ("2025-02-12", "meeting"),
        ("2025-03-18", "meeting"),
    ]


def test_a_subheading_mention_is_marked_as_a_heading() -> None:
    doc = make_doc(
        "Titel.\n\nTrump und Putin telefonieren erneut\n\nTrump hat mit Putin telefoniert.", "2025-02-12", "de"
    )
    heading, body = doc.mentions
    assert heading.text == "Trump und Putin telefonieren erneut" and heading.heading
    assert not body.heading


def test_a_live_blog_clock_dates_the_sentence_it_heads_and_reports_nothing_itself() -> None:
    doc = Document(
        id="doc",
        text="Live\n\n15:25 - The Ever Given was refloated. It was towed north.",
        lang="en",
        published=Period.parse("2021-03-29"),
    )
    pipeline.analyse(doc)
    (clock,) = [s for s in doc.sentences if s.text == "15:25 -"]
    refloated, towed = doc.mentions
    assert refloated.text == "The Ever Given was refloated."
    assert refloated.date.value == "2021-03-29T15:25" and refloated.time_text is None
    assert towed.date.value == "2021-03-29", "only the sentence the clock heads"
    assert clock.index not in {m.sentence for m in doc.mentions}


def test_a_photo_credit_is_no_evidence_of_who_takes_part() -> None:
    doc = Document(
        id="doc",
        text="Telefonat\n\nFoto: Michael Kappeler/dpa Kappeler hat am Dienstag mit Putin telefoniert.",
        lang="de",
        published=Period.parse("2025-03-19"),
    )
    pipeline.analyse(doc)
    (call,) = [m for m in doc.mentions if not m.heading]
    assert call.text == "Kappeler hat am Dienstag mit Putin telefoniert."
    kappeler = next(p for p in call.participants if p.name == "Kappeler")
    assert kappeler.kind != "person", "the photographer's first name says nothing of the Kappeler who calls"


def test_a_reader_comment_reports_nothing_and_its_writer_takes_no_part() -> None:
    """A comment's clock time, its writer and its words ("resigned last week") found nothing."""
    body = (
        "Port strike\n\nDockworkers voted on Friday to strike from Monday.\nComments (2)\n\n"
        "At 4:35 pm on 15 Jun 2024, Jane Smith wrote: The minister resigned last week.\n"
        "At 5:01 pm on 15 Jun 2024, SeaDog wrote: Nobody will strike tomorrow."
    )
    doc = pipeline.analyse(Document(id="doc", text=body, lang="en", published=Period.parse("2024-06-15")))
    assert [m.text for m in doc.mentions] == ["Port strike", "Dockworkers voted on Friday to strike from Monday."]
    assert not [p for m in doc.mentions for p in m.participants]


def test_a_clock_time_keeps_the_zone_the_sentence_gives() -> None:
    body = "Trump will am Montag Putin anrufen. Das Telefonat ist für 10 Uhr Ortszeit der US-Ostküste geplant."
    doc = pipeline.analyse(Document(id="doc", text=body, lang="de", published=Period.parse("2025-05-17")))
    monday, call = doc.mentions
    assert (monday.date.value, monday.timezone) == ("2025-05-19", None)
    assert (call.date.value, call.timezone) == ("2025-05-19T10:00", "America/New_York")


def _statuses(sentences: list[str], lang: str) -> dict[str, Status]:
    """The status of each sentence's mention, each sentence an article of its own of 20 May 2025."""
    found = {}
    for sentence in sentences:
        doc = make_doc(sentence, "2025-05-20", lang)
        found[sentence] = next(m.status for m in doc.mentions if m.text == sentence)
    return found


def _all(sentences: list[str], status: Status) -> dict[str, Status]:
    return dict.fromkeys(sentences, status)


def test_a_happening_said_not_to_take_place_or_not_to_be_planned_is_denied_in_english() -> None:
    sentences = [
        "Trump will not meet Putin.",
        "Trump didn't call Putin.",
        "Trump cannot meet Putin.",
        "Peskov said that the call did not take place.",
        "That meeting never happened.",
        "The talks would not be taking place.",
        "No meeting with Putin is planned.",
        "There are no plans for a meeting with Putin.",
        "A summit was ruled out by the Kremlin.",
        "The Kremlin ruled the summit out.",
    ]
    assert _statuses(sentences, "en") == _all(sentences, Status.DENIED)


def test_a_happening_said_not_to_take_place_or_not_to_be_planned_is_denied_in_german() -> None:
    sentences = [
        "Trump wird Putin am Freitag nicht treffen.",
        "Trump traf Putin am Freitag nicht.",
        "Das Telefonat am Montag fand nicht statt.",
        "Ein Treffen am Donnerstag ist nicht geplant, sagte Peskow.",
        "Das Treffen hat nie stattgefunden.",
        "Ein Gipfel wird niemals stattfinden.",
        "Kein Treffen geplant",
        "Es gab keine Gespräche.",
        "Es gab keinen Angriff.",
        "Putin stimmte keinem Abkommen zu.",
        "Zu keiner Einigung kam es.",
        "Keines der Treffen fand statt.",
        "Es gibt keine Pläne für ein Treffen mit Putin.",
        "Der Kreml schloss ein Treffen am Samstag aus.",
        "Ein Treffen ist ausgeschlossen.",
    ]
    assert _statuses(sentences, "de") == _all(sentences, Status.DENIED)


def test_a_negation_in_quoted_words_is_the_quoted_speakers_denial() -> None:
    assert _statuses(['"There will be no meeting", Peskov said.'], "en") == {
        '"There will be no meeting", Peskov said.': Status.DENIED
    }
    assert _statuses(["„Ein Treffen findet nicht statt“, sagte Peskow."], "de") == {
        "„Ein Treffen findet nicht statt“, sagte Peskow.": Status.DENIED
    }


def test_a_negation_denies_only_the_happening_it_reaches_in_its_clause() -> None:
    english = [
        "Trump said he would not comment on the call that took place on Monday.",
        "The call, which was not public, took place on Monday.",
        "Trump met Putin on Monday but a second meeting did not take place.",
        "Trump not only met Putin but also Xi.",
    ]
    german = [
        "Das Telefonat, das nicht öffentlich war, fand am Montag statt.",
        "Trump traf nicht nur Putin, sondern auch Xi.",
        "Auf Schloss Elmau trafen sich Vertreter aus sieben Staaten.",
        "Ein nicht geplantes Treffen fand am Montag statt.",
    ]
    assert _statuses(english, "en") == _all(english, Status.OCCURRED)
    assert _statuses(german, "de") == _all(german, Status.OCCURRED)


def test_a_negation_that_bounds_the_date_or_says_not_yet_leaves_a_plan() -> None:
    english = [
        "The meeting will take place no later than Friday.",
        "The meeting will not take place until Friday.",
        "The call has not yet taken place.",
        "They have not met yet.",
    ]
    german = [
        "Das Treffen soll spätestens am Freitag stattfinden.",
        "Das Treffen soll nicht später als Freitag stattfinden.",
        "Ein Treffen ist nicht vor Freitag geplant.",
        "Ein Treffen hat noch nicht stattgefunden.",
        "Trump hat noch nicht mit Putin telefoniert.",
    ]
    assert _statuses(english, "en") == _all(english, Status.PLANNED)
    assert _statuses(german, "de") == _all(german, Status.PLANNED)


def test_a_negated_denial_or_cancellation_is_taken_back_and_what_is_not_ruled_out_is_possible() -> None:
    taken_back = {
        "en": ["The Kremlin did not deny that the call took place.", "The summit was not cancelled."],
        "de": ["Der Kreml dementierte nicht, dass das Telefonat stattfand.", "Das Treffen wurde nicht abgesagt."],
    }
    possible = {
        "en": ["Trump did not rule out a meeting with Putin."],
        "de": ["Ein Treffen ist nicht ausgeschlossen.", "Trump schloss ein Treffen nicht aus."],
    }
    for lang in ("en", "de"):
        assert _statuses(taken_back[lang], lang) == _all(taken_back[lang], Status.OCCURRED)
        assert _statuses(possible[lang], lang) == _all(possible[lang], Status.PLANNED)


def test_a_postponement_to_a_named_date_is_a_plan_on_that_date_and_without_one_calls_the_happening_off() -> None:
    english = make_doc(
        "Visit\n\nThe visit planned for Thursday was postponed to next Wednesday. The summit was postponed.",
        "2024-06-15", "en", {"Thursday": "2024-06-20", "next Wednesday": "2024-06-19"},
    )
    german = make_doc(
        "Treffen\n\nDas Treffen wurde auf den 23. Mai verschoben. Der Gipfel wurde verschoben.",
        "2025-05-17", "de", {"23. Mai": "2025-05-23"},
    )
    for doc in (english, german):
        moved, off = [m for m in doc.mentions if m.sentence > 0]
        assert (moved.status, off.status) == (Status.PLANNED, Status.CANCELLED)
    assert [m.date.value for m in english.mentions if m.sentence == 1] == ["2024-06-19"], "the old date dates nothing"
    assert german.mentions[1].date.value == "2025-05-23"


def test_a_phrase_written_with_a_gap_counts_only_within_one_clause_closed_by_its_particle() -> None:
    assert _statuses(["Trump sagte, ab Montag gelte eine Waffenruhe."], "de") == {
        "Trump sagte, ab Montag gelte eine Waffenruhe.": Status.OCCURRED
    }
    gapped = ["Der Kreml sagte das Treffen ab.", "Russland wies den Angriff zurück."]
    assert _statuses(gapped, "de") == {gapped[0]: Status.CANCELLED, gapped[1]: Status.DENIED}


def test_a_mentions_content_words_leave_out_its_dates_and_stop_words_as_written() -> None:
    doc = make_doc("Call\n\nWashington said on Monday that the call went well.", "2025-05-17", "en",
                   {"Monday": "2025-05-12"})
    assert doc.mentions[-1].lemmas == {"washington", "call", "go", "well"}


def test_a_happening_dated_by_another_one_refers_back() -> None:
    doc = make_doc("Vote\n\nNegotiators met the day before the vote, in a hotel near the port.", "2024-06-15", "en")
    assert doc.mentions[-1].anaphoric, "it is not news of the publication day"


def test_a_hope_or_an_aim_is_a_plan() -> None:
    sentences = ["The charity hopes to open a clinic.", "Engineers aim to start the work."]
    assert _statuses(sentences, "en") == _all(sentences, Status.PLANNED)


def test_a_span_back_from_publication_dates_the_happening_by_the_point_it_names() -> None:
    body = "Probe\n\nVor zwei Wochen hatten sich SPD und Grüne in Hannover auf den Kompromiss geeinigt."
    doc = pipeline.analyse(Document(id="doc", text=body, lang="de", published=Period.parse("2025-09-26")))
    assert [(m.time_text, m.date.value) for m in doc.mentions if m.sentence == 1] == [("zwei Wochen", "2025-W37")]


def test_a_clock_time_right_after_its_day_dates_the_happening_to_the_minute() -> None:
    body = "Sondersitzung\n\nSie soll übermorgen um 10 Uhr stattfinden."
    doc = pipeline.analyse(Document(id="doc", text=body, lang="de", published=Period.parse("2025-09-24")))
    assert [m.date.value for m in doc.mentions if m.sentence == 1] == ["2025-09-26T10:00"]


def test_a_year_that_names_which_thing_is_meant_dates_nothing_where_the_day_is_told() -> None:
    """"den Haushaltsentwurf 2026" is the 2026 budget: the cabinet discussed it today."""
    for body, day, lang in (
        ("Kabinett\n\nDas Kabinett hat heute den Haushaltsentwurf 2026 beraten.", "heute", "de"),
        ("Budget\n\nOn Monday, ministers held talks on the 2026 budget.", "On Monday", "en"),
    ):
        doc = make_doc(body, "2025-09-15", lang, {day: "2025-09-15", "2026": "2026"})
        happening = next(m for m in doc.mentions if m.sentence == 1)
        assert (happening.time_text, happening.status) == (day, Status.OCCURRED)


def test_a_year_after_a_noun_still_dates_a_happening_nothing_else_dates() -> None:
    doc = make_doc("Gipfel\n\nDer Gipfel 2026 soll in Berlin stattfinden.", "2025-09-15", "de", {"2026": "2026"})
    summit = next(m for m in doc.mentions if m.sentence == 1)
    assert (summit.time_text, summit.status) == ("2026", Status.PLANNED)


def test_a_short_aside_in_brackets_does_not_cut_the_clause_that_tells_the_plan() -> None:
    """"(CDU)" stands inside its clause: "ist ebenfalls geplant" frames the talk it follows."""
    for body, lang in (
        ("Besuch\n\nEin Gespräch mit Friedrich Merz (CDU) ist ebenfalls geplant.", "de"),
        ("Visit\n\nA meeting with Friedrich Merz (CDU) is also planned.", "en"),
    ):
        talk = next(m for m in make_doc(body, "2025-03-17", lang).mentions if m.sentence == 1)
        assert talk.status is Status.PLANNED
        assert talk.anaphoric  # a plan without a date of its own founds no event on the publication day


def test_a_long_bracketed_clause_is_a_clause_of_its_own() -> None:
    body = "Treffen\n\nDas Treffen (das im Februar geplant worden war) fand am Montag statt."
    doc = make_doc(body, "2025-03-17", "de", {"am Montag": "2025-03-17"})
    meeting = next(m for m in doc.mentions if m.sentence == 1)
    assert meeting.status is Status.OCCURRED


def test_strikes_and_protests_are_happenings_also_as_compounds() -> None:
    for body, lang, words in (
        ("Streik\n\nVerdi hat am Montag zu einem Warnstreik aufgerufen. Am Dienstag gab es eine Kundgebung. "
         "Der Generalstreik begann am Mittwoch.", "de", ("Warnstreik", "Kundgebung", "Generalstreik")),
        ("Strike\n\nWorkers staged a walkout on Monday. Thousands joined a protest on Tuesday.", "en",
         ("walkout", "protest")),
    ):
        doc = make_doc(body, "2025-09-15", lang)
        assert [m.trigger for m in doc.mentions if m.event_class == "protest" and m.sentence > 0] == list(words)


def test_a_report_citing_its_source_is_attributed_to_that_source() -> None:
    for body, lang, source in (
        ("Rücktritt\n\nDer Minister ist unter Berufung auf die NATO am Dienstag zurückgetreten.", "de", "NATO"),
        ("Talks\n\nThe talks were held on Tuesday, citing NATO officials.", "en", "NATO"),
    ):
        doc = make_doc(body, "2025-09-10", lang, {"am Dienstag" if lang == "de" else "on Tuesday": "2025-09-09"})
        assert next(m for m in doc.mentions if m.sentence == 1).attributed_to == source


def test_an_idiom_that_rules_a_happening_out_denies_it_and_negated_leaves_it_possible() -> None:
    ruled_out = {
        "en": ["A resignation is off the table, said spokesman Jens Albers.", "A meeting is out of the question."],
        "de": ["Ein Rücktritt stehe nicht zur Debatte, sagte Regierungssprecher Jens Albers.",
               "Ein Treffen kommt nicht in Frage.", "Das Gipfeltreffen ist vom Tisch."],
    }
    possible = {"en": ["A summit is not off the table."], "de": ["Ein Treffen ist nicht vom Tisch."]}
    for lang in ("en", "de"):
        assert _statuses(ruled_out[lang], lang) == _all(ruled_out[lang], Status.DENIED)
        assert _statuses(possible[lang], lang) == _all(possible[lang], Status.PLANNED)
    aside = ["Er äußerte sich nicht zur Debatte über ein Treffen."]
    assert _statuses(aside, "de") == _all(aside, Status.OCCURRED)


def test_who_denies_a_report_is_its_source_not_the_subject_of_the_reported_clause() -> None:
    assert _source("The government denied reports that the minister had resigned.", "en") == "government"
    assert _source("Die Staatskanzlei dementierte Berichte, wonach der Minister zurückgetreten sei.", "de") == (
        "Staatskanzlei"
    )
    assert _source("The spokesman said Trump met Putin on Friday.", "en") == "spokesman"


def test_a_group_named_after_a_phrase_is_the_source_as_written() -> None:
    """Analysts, officials and anonymous circles are no participants, but they are who claims it."""
    cases = {
        "en": {
            "Shares fell 8% on Wednesday, according to analysts.": "analysts",
            "The minister resigned on Monday, according to diplomatic sources.": "diplomatic sources",
            "The minister resigned on Monday, according to people familiar with the matter.": "people",
            "The talks took place on Tuesday, according to reports.": None,
        },
        "de": {
            "Das Treffen fand am Mittwoch statt, laut Experten.": "Experten",
            "Nach Angaben von Ermittlern wurde der Verdächtige am Dienstag festgenommen.": "Ermittlern",
            "Der Minister ist unter Berufung auf Parteikreise am Montag zurückgetreten.": "Parteikreise",
            "Regierungskreisen zufolge fand das Treffen am Freitag statt.": "Regierungskreisen",
            "Das Treffen fand laut eigenen Angaben am Freitag statt.": None,
            "Das Telefonat fand nach Angaben seines Ministeriums am Montag statt.": None,
        },
    }
    for lang, sources in cases.items():
        assert {sentence: _source(sentence, lang) for sentence in sources} == sources
