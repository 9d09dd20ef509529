"""Sentence splitting, tokens and language identification (``storyline.text``)."""

from __future__ import annotations

import pytest

from storyline.model import Document, SentenceKind
from storyline.text import annotate, detect_language, split_sentences, tokenize


def texts(text: str, lang: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text, lang)]


# German: each case is (text, expected sentences).
GERMAN_CASES = [
    # abbreviations inside a sentence
    (
        "Dr. Berger und Prof. Dr. Lang trafen z. B. Vertreter der Stadt. Danach ging es weiter.",
        ["Dr. Berger und Prof. Dr. Lang trafen z. B. Vertreter der Stadt.", "Danach ging es weiter."],
    ),
    (
        "Die Kosten liegen bei ca. 3,4 Mrd. Euro bzw. Franken. Das sagte der Minister.",
        ["Die Kosten liegen bei ca. 3,4 Mrd. Euro bzw. Franken.", "Das sagte der Minister."],
    ),
    (
        "Geladen waren Gäste aus Bayern u. a. Politiker, d. h. Abgeordnete. Sie kamen spät.",
        ["Geladen waren Gäste aus Bayern u. a. Politiker, d. h. Abgeordnete.", "Sie kamen spät."],
    ),
    ("Das Büro in der Lindenstr. 12 in Bad Soden a. d. Saale öffnet.", None),
    ("Sie nannten z.\u202fB. Herrn Vogt und Dr.\xa0Ott.", None),  # narrow and non-breaking spaces
    (
        "Der FC St. Pauli gewann gegen Nr. 3 der Tabelle. Im Okt. letzten Jahres nicht.",
        ["Der FC St. Pauli gewann gegen Nr. 3 der Tabelle.", "Im Okt. letzten Jahres nicht."],
    ),
    # a dateline that runs into the first sentence stands apart
    (
        "Berlin (dpa) - Die Regierung tagt. Sie beschließt nichts.",
        ["Berlin (dpa) -", "Die Regierung tagt.", "Sie beschließt nichts."],
    ),
    # "usw." may end a sentence
    (
        "Sie verkauften Kerzen, Karten usw. Danach schlossen sie den Stand.",
        ["Sie verkauften Kerzen, Karten usw.", "Danach schlossen sie den Stand."],
    ),
    # units and centuries end a sentence only before a sentence opener
    (
        "Der Umsatz stieg auf 4,1 Mrd. Der Gewinn fiel im 20. Jh. Die Zahlen kamen im Okt. heraus.",
        ["Der Umsatz stieg auf 4,1 Mrd.", "Der Gewinn fiel im 20. Jh.", "Die Zahlen kamen im Okt. heraus."],
    ),
    # ordinal dates and numbers
    ("Die Wahl findet am 26. September statt und endet am 1. Oktober 2025 um 18 Uhr.", None),
    ("Der 1. FC Heidenheim steigt in die 2. Bundesliga ab.", None),
    ("Im 4. Quartal 2024 wuchs die Firma, sagte Ludwig XIV. und lachte.", None),
    (
        "Die Mannschaft beendete die Saison auf Platz 5. Sie will mehr.",
        ["Die Mannschaft beendete die Saison auf Platz 5.", "Sie will mehr."],
    ),
    # times, scores, decimals
    (
        "Das Finale endete 3:2. Die Zuschauer jubelten um 21.45 Uhr.",
        ["Das Finale endete 3:2.", "Die Zuschauer jubelten um 21.45 Uhr."],
    ),
    (
        "Die Arbeitslosigkeit sank auf 5,9 Prozent. Das ist ein Rekord.",
        ["Die Arbeitslosigkeit sank auf 5,9 Prozent.", "Das ist ein Rekord."],
    ),
    (
        "Die Feier war am 24.12.2024. Niemand kam.",
        ["Die Feier war am 24.12.2024.", "Niemand kam."],
    ),
    # quotes, questions, exclamations
    (
        "„Wir bleiben hier.“ Das erklärte die Sprecherin.",
        ["„Wir bleiben hier.“", "Das erklärte die Sprecherin."],
    ),
    (
        "»Warum jetzt?« fragte er. Keiner antwortete! Dann gingen alle.",
        ["»Warum jetzt?« fragte er.", "Keiner antwortete!", "Dann gingen alle."],
    ),
    ("Sie sagte: „Wir kommen“. Dann ging sie.", ["Sie sagte: „Wir kommen“.", "Dann ging sie."]),
    ("«Das reicht nicht.» Danach schwieg er.", ["«Das reicht nicht.»", "Danach schwieg er."]),
    # headlines, datelines and paragraphs
    (
        "Streik bei der Bahn\nBerlin (dpa)\nDie Lokführer streiken heute.\n\nMorgen geht es weiter.",
        ["Streik bei der Bahn", "Berlin (dpa)", "Die Lokführer streiken heute.", "Morgen geht es weiter."],
    ),
    (
        "Der Vertrag wurde im Jahr 2019 unterzeichnet,\nund er gilt bis heute.",
        ["Der Vertrag wurde im Jahr 2019 unterzeichnet,\nund er gilt bis heute."],
    ),
    (  # hard-wrapped text: a line without final punctuation, continued in lower case
        "Die Brücke über den Fluss bleibt\nbis Ende Mai gesperrt. Umleitungen sind ausgeschildert.",
        ["Die Brücke über den Fluss bleibt\nbis Ende Mai gesperrt.", "Umleitungen sind ausgeschildert."],
    ),
    (  # a colon runs on into a quotation, not into a headline
        "Der Minister sagte:\n„Wir warten ab.“\nDer Streit geht weiter:\nNeue Gespräche im Herbst",
        ["Der Minister sagte:\n„Wir warten ab.“", "Der Streit geht weiter:", "Neue Gespräche im Herbst"],
    ),
]

ENGLISH_CASES = [
    (
        "Dr. Hale met Mr. Ortiz on Feb. 3, 2026 at 4:15 p.m. in Denver. They spoke briefly.",
        ["Dr. Hale met Mr. Ortiz on Feb. 3, 2026 at 4:15 p.m. in Denver.", "They spoke briefly."],
    ),
    ("The U.S. Department of Energy hired approx. 900 people, e.g. engineers.", None),
    (
        "Globex Inc. reported a loss. The shares fell 4.5 percent.",
        ["Globex Inc. reported a loss.", "The shares fell 4.5 percent."],
    ),
    (
        "She returned to the U.S. The trip took a week.",
        ["She returned to the U.S.", "The trip took a week."],
    ),
    ("A speech by J. R. Smith drew crowds.", None),
    # a dateline that runs into the first sentence stands apart, with the byline and stamp
    ("CONCORD, N.H. (AP) -- Officials met on Tuesday.", ["CONCORD, N.H. (AP) --", "Officials met on Tuesday."]),
    (
        "By Ann Lee WASHINGTON | Tue Apr 21, 2009 10:19 pm BST WASHINGTON (Reuters) - A new flu spread. It is mild.",
        [
            "By Ann Lee WASHINGTON | Tue Apr 21, 2009 10:19 pm BST WASHINGTON (Reuters) -",
            "A new flu spread.",
            "It is mild.",
        ],
    ),
    ("NEW ORLEANS -- No oil leaked, the Coast Guard said.", ["NEW ORLEANS --", "No oil leaked, the Coast Guard said."]),
    # a bracket and a dash inside a sentence are no dateline
    ("The company (BP) - which owns the well - said so.", None),
    (
        "Results are due Sept. 30. The board meets on Wed. The shares rose at 10 a.m. Friday.",
        ["Results are due Sept. 30.", "The board meets on Wed.", "The shares rose at 10 a.m. Friday."],
    ),
    (
        '"We will win," he said. "Really?" Nobody knew.',
        ['"We will win," he said.', '"Really?"', "Nobody knew."],
    ),
    (
        "``It was a bomb,'' an official said. Police arrived.",
        ["``It was a bomb,'' an official said.", "Police arrived."],
    ),
    (
        "He finished 2nd. Then he retired in 1998. After that, silence.",
        ["He finished 2nd.", "Then he retired in 1998.", "After that, silence."],
    ),
    (
        "MIAMI _\n\nOfficials met on Tuesday.",
        ["MIAMI _", "Officials met on Tuesday."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GERMAN_CASES)
def test_german_sentences(text: str, expected: list[str] | None) -> None:
    assert texts(text, "de") == (expected if expected is not None else [text])


@pytest.mark.parametrize(("text", "expected"), ENGLISH_CASES)
def test_english_sentences(text: str, expected: list[str] | None) -> None:
    assert texts(text, "en") == (expected if expected is not None else [text])


def test_offsets_delimit_the_stripped_sentence() -> None:
    text = "  Erster Satz.   Zweiter Satz!\n\n\n  Dritter  "
    sentences = split_sentences(text, "de")
    assert [s.index for s in sentences] == [0, 1, 2]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    assert [s.text for s in sentences] == ["Erster Satz.", "Zweiter Satz!", "Dritter"]


def test_a_dateline_is_looked_for_only_near_the_start_of_a_text() -> None:
    later = "Der Minister sprach lange. " * 20 + "Berlin (dpa) - Die Regierung tagt."
    assert texts(later, "de")[-1] == "Berlin (dpa) - Die Regierung tagt."


def test_a_dateline_or_stamp_split_off_is_known_as_furniture() -> None:
    first, body = split_sentences("Ismailia, 24. März (bdd) - Ein Frachter blockiert den Kanal.", "de")
    assert (first.kind, body.kind) == (SentenceKind.FURNITURE, SentenceKind.BODY)
    headline, stamp, lead = split_sentences(
        "Trump will am Montag mit Putin telefonieren Stand: 17.05.2025 19:54 Uhr\n\nDie Bemühungen laufen weiter.", "de"
    )
    assert (headline.text, stamp.text) == ("Trump will am Montag mit Putin telefonieren", "Stand: 17.05.2025 19:54 Uhr")
    assert [headline.kind, stamp.kind, lead.kind] == [SentenceKind.HEADING, SentenceKind.FURNITURE, SentenceKind.BODY]


def kinds(text: str, lang: str) -> list[tuple[str, SentenceKind]]:
    return [(sentence.text, sentence.kind) for sentence in split_sentences(text, lang)]


HEADING, BODY, FURNITURE, CLOCK = SentenceKind.HEADING, SentenceKind.BODY, SentenceKind.FURNITURE, SentenceKind.CLOCK
COMMENT = SentenceKind.COMMENT


def test_a_line_that_ends_no_statement_is_a_heading() -> None:
    """Subheadings, and a lead-in whose quotation is missing, name a topic and report nothing."""
    assert kinds(
        "Erster Absatz.\n\nWas bisher über das Telefonat bekannt wurde\n\nDas Gespräch dauerte eine Stunde.\n"
        "Auf die Frage, wie das Gespräch verlaufen sei, sagte Trump:\nRingen um ein Treffen\n"
        "Trump hatte Putin getroffen.",
        "de",
    ) == [
        ("Erster Absatz.", BODY),
        ("Was bisher über das Telefonat bekannt wurde", HEADING),
        ("Das Gespräch dauerte eine Stunde.", BODY),
        ("Auf die Frage, wie das Gespräch verlaufen sei, sagte Trump:", HEADING),
        ("Ringen um ein Treffen", HEADING),
        ("Trump hatte Putin getroffen.", BODY),
    ]


def test_the_last_sentence_of_a_paragraph_without_a_full_stop_is_no_heading() -> None:
    assert kinds("Ich freue mich auf das Gespräch. Donald Trump\n\nDanach.", "de")[1] == ("Donald Trump", BODY)


def test_a_headline_with_its_time_stamp_is_a_heading() -> None:
    headline, stamp = kinds("Trump will am Montag telefonieren Stand: 17.05.2025 19:54 Uhr", "de")
    assert (headline[1], stamp[1]) == (HEADING, FURNITURE)


def test_a_box_label_run_into_its_first_sentence_is_a_heading_of_its_own() -> None:
    assert kinds("Titel\n\nDas Wichtigste in Kürze Trump kündigt ein Telefonat an.", "de")[1:] == [
        ("Das Wichtigste in Kürze", HEADING),
        ("Trump kündigt ein Telefonat an.", BODY),
    ]
    assert kinds("In Kürze wird gewählt.", "de") == [("In Kürze wird gewählt.", BODY)], "no label before lower case"
    assert kinds("Headline\nKey points: The ship is free.", "en")[1:] == [
        ("Key points:", HEADING),
        ("The ship is free.", BODY),
    ]


def test_a_live_blog_clock_time_is_split_off_its_entry() -> None:
    text = "Live\n\n19:10 - Navigation has resumed. It takes days.\n\n15.25 Uhr: Die Ever Given ist frei."
    assert kinds(text, "en")[1:4] == [("19:10 -", CLOCK), ("Navigation has resumed.", BODY), ("It takes days.", BODY)]
    assert kinds(text, "de")[-2:] == [("15.25 Uhr:", CLOCK), ("Die Ever Given ist frei.", BODY)]
    assert kinds("Sie kamen. 4.03 pm: An hour later, he spoke.", "en")[1:] == [
        ("4.03 pm:", CLOCK),
        ("An hour later, he spoke.", BODY),
    ]
    assert kinds("Um 10.30 Uhr beginnt die Sitzung.", "de") == [("Um 10.30 Uhr beginnt die Sitzung.", BODY)]
    assert kinds("12.40 Euro kostet das Ticket.", "de") == [("12.40 Euro kostet das Ticket.", BODY)]


def test_a_page_stamp_run_into_the_text_is_split_off() -> None:
    text = (
        "Gulf oil spill cap is holding, says BP Louisianans see light at the end of a long tunnel "
        "Sunday 18 July 2010 18.45 BST Work boats at the site of the spill. Later, BP spoke."
    )
    assert kinds(text, "en")[:3] == [
        ("Gulf oil spill cap is holding, says BP Louisianans see light at the end of a long tunnel", BODY),
        ("Sunday 18 July 2010 18.45 BST", FURNITURE),
        ("Work boats at the site of the spill.", BODY),
    ]
    assert kinds("Trial 29 September 2011 Last updated at 15:44 GMT Live coverage of the trial.", "en")[1] == (
        "29 September 2011 Last updated at 15:44 GMT",
        FURNITURE,
    )
    prose = "The talks ended on Friday 23 July 2010 at 10.27 BST The company said so."
    assert [sentence for sentence, _ in kinds(prose, "en")] == [prose], "a date after a preposition is the sentence's"


def test_a_photo_credit_is_split_off_the_sentence_it_runs_into() -> None:
    text = (
        "It sank. Photograph: Gerald Herbert/AP Shares in BP plunged. Photograph: Chip Somodevilla/Getty Images "
        "White House staff left. Photograph: Reuters The rig burned. Photo: Carolyn Cole Here's my take."
    )
    assert kinds(text, "en") == [
        ("It sank.", BODY),
        ("Photograph: Gerald Herbert/AP", FURNITURE),
        ("Shares in BP plunged.", BODY),
        ("Photograph: Chip Somodevilla/Getty Images", FURNITURE),
        ("White House staff left.", BODY),
        ("Photograph: Reuters", FURNITURE),
        ("The rig burned.", BODY),
        ("Photo: Carolyn Cole", FURNITURE),
        ("Here's my take.", BODY),
    ]
    assert kinds("Foto: Michael Kappeler/dpa Die Kanzlerin kam.", "de")[0] == ("Foto: Michael Kappeler/dpa", FURNITURE)


def test_a_credit_whose_end_is_unclear_stays_in_its_sentence() -> None:
    text = "It sank. Photograph: Sarah Lee for the Guardian Tony Hayward, the boss, resigned."
    assert kinds(text, "en")[1] == ("Photograph: Sarah Lee for the Guardian Tony Hayward, the boss, resigned.", BODY)
    assert len(split_sentences("Das Foto: Merkel lächelt.", "de")) == 1


def test_a_credit_connector_counts_only_as_its_whole_phrase() -> None:
    """"für den" joins a credit's names; an article alone ("die Polizei") is no name word."""
    assert kinds("Foto: Sarah Lee für den Spiegel Die Polizei sucht Zeugen.", "de")[0] == (
        "Foto: Sarah Lee für den Spiegel",
        FURNITURE,
    )
    assert kinds("Es brannte. Foto: die Polizei sucht Zeugen.", "de")[1] == ("Foto: die Polizei sucht Zeugen.", BODY)


def test_reader_comments_run_from_the_first_signature_to_the_end() -> None:
    """A signature marks the comments wherever it stands, even run into the article's last
    sentence, and the comments' own kinds (a clock, a heading) give way."""
    text = (
        "Port strike\n\nDockworkers voted to strike. It would cost millions to drill "
        "At 5:27 pm on 28 May 2010, AlexB wrote: President Obama has failed here. It was a disgrace.\n"
        "Worst day ever\n"
        "At 12:19 26th Apr 2009, barriesingleton wrote: This comment was removed because the moderators found it "
        "broke the house rules."
    )
    assert kinds(text, "en") == [
        ("Port strike", HEADING),
        ("Dockworkers voted to strike.", BODY),
        ("It would cost millions to drill", BODY),
        ("At 5:27 pm on 28 May 2010, AlexB wrote: President Obama has failed here.", COMMENT),
        ("It was a disgrace.", COMMENT),
        ("Worst day ever", COMMENT),
        (
            "At 12:19 26th Apr 2009, barriesingleton wrote: This comment was removed because the moderators found it "
            "broke the house rules.",
            COMMENT,
        ),
    ]
    removed = "Er starb im Juni. 8th November 2011 - 17:42 This comment was removed by a moderator. 9th November"
    assert [kind for _, kind in kinds(removed, "en")] == [BODY, COMMENT, COMMENT]


def test_a_comment_label_opens_the_comments_only_above_a_signature() -> None:
    """"Comments (12)" standing as a line heads the comments below it; a bare "NAME wrote:"
    counts as a signature only below such a label."""
    text = "Headline\n\nThe union said so.\nComments (12)\n\nharbourfan wrote: A disgrace.\nSeaDog wrote: Indeed."
    assert [kind for _, kind in kinds(text, "en")] == [HEADING, BODY, COMMENT, COMMENT, COMMENT]
    unsigned = "Headline\n\nComments (12)\n\nIt is a disgrace."
    assert [kind for _, kind in kinds(unsigned, "en")] == [HEADING, HEADING, BODY]
    german = "Titel\n\nDie Gewerkschaft streikt.\n\nLeserkommentare\n\nhans_m schrieb am 17.05.2025 um 19:54 Uhr: Toll."
    assert [kind for _, kind in kinds(german, "de")] == [HEADING, BODY, COMMENT, COMMENT]
    removed = "Titel\n\nDie Gewerkschaft streikt.\nDieser Kommentar wurde von der Moderation entfernt."
    assert kinds(removed, "de")[-1] == ("Dieser Kommentar wurde von der Moderation entfernt.", COMMENT)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Napier wrote: “There is a sense here that these attacks are made.” He said so.", "en"),
        ("Headline\n\nComments\n\nThe minister's comments drew criticism. Napier wrote: “No.”", "en"),
        ("Kommentare\n\nDer Minister schrieb: „Nein.“ Er blieb dabei.", "de"),
        ("In a letter, the former leader wrote at 4:35 pm on Monday: “Mexico did not inform us.”", "en"),
    ],
)
def test_an_article_that_quotes_what_someone_wrote_has_no_comments(text: str, lang: str) -> None:
    assert COMMENT not in [kind for _, kind in kinds(text, lang)]


def test_a_german_ordinal_splits_in_english() -> None:
    """Only languages that write ordinals with a dot keep "5. Die" together."""
    assert len(split_sentences("He came in at number 5. Die hard fans cheered.", "en")) == 2


def test_empty_and_blank_texts_have_no_sentences() -> None:
    assert split_sentences("", "de") == []
    assert split_sentences(" \n\n \t", "en") == []


def test_tokens_keep_numbers_and_hyphenated_words_whole() -> None:
    text = "Um 14.30 Uhr stand es 2:1, die U-Bahn fuhr (2,5 km)."
    tokens = [text[start:end] for start, end in tokenize(text)]
    assert tokens == [
        *["Um", "14.30", "Uhr", "stand", "es", "2:1", ",", "die", "U-Bahn", "fuhr"],
        *["(", "2,5", "km", ")", "."],
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Regierung hat am Montag neue Regeln für den Bahnverkehr beschlossen.", "de"),
        ("The government announced new rules for rail traffic on Monday.", "en"),
        ("Kanzler trifft Bahnchefin", "de"),
        ("Rail strike ends.", "en"),
        ("Streik bei der Bahn", "de"),
        ("Talks collapse after a week", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_detect_language_falls_back_without_words() -> None:
    assert detect_language("2025 — 14:30", default="en") == "en"
    assert detect_language("") == "de"


def test_annotate_keeps_a_given_language() -> None:
    doc = annotate(Document(id="d", text="Der Zug kam. The train left.", lang="en"))
    assert doc.lang == "en"
    assert len(doc.sentences) == 2
    assert annotate(Document(id="e", text="Der Zug kam am Montag pünktlich in Berlin an.")).lang == "de"
    assert annotate(Document(id="f", text="The train left on time.", lang="fr")).lang == "en"
