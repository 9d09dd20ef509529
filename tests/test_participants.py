"""Participants: a name is a person, an organisation or a place only on evidence (a role, a
first name, a verb of saying, a head word, the gazetteer, a preposition, the rest of the
document); any other name is kept under its full form."""

from storyline.model import Participant
from storyline.participants import _gazetteer, country_name, find, find_in_document, locate_in_document


def keys(sentence: str, lang: str) -> list[str]:
    return [p.key for p in find(sentence, lang)]


def named(sentence: str, lang: str) -> list[tuple[str, str, str]]:
    return [(p.kind, p.key, p.name) for p in find(sentence, lang)]


def in_document(sentences: list[str], lang: str) -> list[list[Participant]]:
    return find_in_document(sentences, lang)


def test_role_words_introduce_names_and_countries_come_from_adjectives() -> None:
    sentence = "US-Präsident Donald Trump hat mit Kremlchef Wladimir Putin und dem russischen Militär gesprochen."
    found = find(sentence, "de")
    assert [(p.key, p.name) for p in found] == [
        ("country:US", "USA"),
        ("person:trump", "Donald Trump"),
        ("person:putin", "Wladimir Putin"),
        ("country:RU", "Russland"),
    ]


def test_the_same_person_has_one_key_however_named() -> None:
    introduced, bare = in_document(["Kremlchef Wladimir Putin sprach mit Trump.", "Putin fehlte beim Treffen."], "de")
    assert [p.key for p in bare] == ["person:putin"] == [p.key for p in introduced if p.name == "Wladimir Putin"]
    assert "person:putin" in keys("Russian President Vladimir Putin spoke on Tuesday.", "en")


def test_a_bare_surname_with_no_evidence_is_a_name_not_a_person() -> None:
    assert named("Putin fehlte bei dem Treffen.", "de") == [("name", "name:putin", "Putin")]


def test_roles_first_names_and_verbs_of_saying_make_a_person() -> None:
    assert keys("Talks resumed after Mr Hayward arrived.", "en") == ["person:hayward"]
    assert keys("The plan came from Tony Hayward in London.", "en")[0] == "person:hayward"
    assert keys("Hayward said the leak was small.", "en") == ["person:hayward"]
    assert keys("Hayward had said the leak was small.", "en") == ["person:hayward"]
    assert keys("Die Lage sei ernst, sagte Peskow.", "de") == ["person:peskow"]


def test_beside_a_verb_of_saying_a_proper_noun_the_english_lexicon_knows_is_a_person() -> None:
    assert keys("The call went well, Trump said.", "en") == ["person:trump"]
    assert keys("On Monday Trump had said that talks resume.", "en") == ["person:trump"]
    assert keys("Police said the call went well.", "en") == [], "a common noun opening a sentence"


def test_a_preposition_before_a_name_is_no_subject_of_the_verb_after_it() -> None:
    assert named("In Dschidda sagte er, die Lage sei ernst.", "de") == [("place", "place:jeddah", "Dschidda")]


def test_common_nouns_and_sentence_openers_are_not_names() -> None:
    assert keys("Die Bemühungen um ein Ende des Krieges laufen weiter.", "de") == []
    assert keys("The ship was freed on Monday.", "en") == []


def test_organisations_are_found_and_not_read_as_people() -> None:
    found = find("The Suez Canal Authority said chairman Osama Rabie would speak.", "en")
    assert [(p.kind, p.name) for p in found] == [("organisation", "Suez Canal Authority"), ("person", "Osama Rabie")]


def test_country_names_follow_the_language() -> None:
    assert country_name("RU", "de") == "Russland"
    assert country_name("RU", "en") == "Russia"
    assert keys("Russlands Präsident sprach mit der Ukraine.", "de") == ["country:RU", "country:UA"]


def test_a_ship_is_a_name_under_its_full_form_in_both_languages() -> None:
    ship = ("name", "name:ever-given", "Ever Given")
    assert named("Der Frachter «Ever Given» steckt fest.", "de") == [ship]
    assert named("Der Frachter \u2039Ever Given\u203a steckt fest.", "de") == [ship]  # any quotation marks
    assert named("The 'Ever Given' is free.", "en") == [ship]
    assert named("The Ever Given is free.", "en") == [ship]


def test_names_of_people_who_share_a_surname_keep_apart() -> None:
    found = in_document(["Donald Trump sprach.", "Auch Frau Melania Trump kam.", "Dann ging Trump."], "de")
    keys_found = [p.key for sentence in found for p in sentence]
    assert keys_found == ["person:donald-trump", "person:melania-trump", "name:trump"]


def test_organisations_by_head_word_legal_form_and_cue() -> None:
    sentence = "The ship, run by Evergreen Marine and owned by Acme Shipping Inc, is named by the journal Lloyd's List."
    found = named(sentence, "en")
    assert found == [
        ("organisation", "org:evergreen-marine", "Evergreen Marine"),
        ("organisation", "org:acme-shipping-inc", "Acme Shipping Inc"),
        ("organisation", "org:lloyds-list", "Lloyd's List"),
    ]


def test_places_come_from_the_gazetteer_heads_and_prepositions() -> None:
    assert named("The vessel is expected to arrive in Rotterdam later this month.", "en") == [
        ("place", "place:rotterdam", "Rotterdam")
    ]
    assert [p.key for p in find("Flugzeuge bei Murmansk und Irkutsk wurden beschädigt.", "de")] == [
        "place:murmansk", "place:irkutsk"
    ]
    lake = ("place", "place:great-bitter-lake", "Great Bitter Lake")
    assert named("Ships pass the Great Bitter Lake.", "en") == [lake]
    assert named("Ships went around the Cape of Good Hope.", "en") == [("name", "name:good-hope", "Good Hope")]
    # An alternate name several cities share names none of them: "Newtown" is no Tallahassee.
    assert named("The talks were held in Newtown.", "en") == [("place", "place:newtown", "Newtown")]


def test_the_gazetteer_knows_big_cities_and_their_own_alternate_names_in_latin_script() -> None:
    gazetteer = _gazetteer()
    assert gazetteer.get("Rotterdam") == "Rotterdam"
    assert gazetteer.get("Dschidda") == "Jeddah"  # an alternate name of one big city
    assert gazetteer.get("Newtown") is None  # several cities' alternate name
    assert gazetteer.get("Ena") is None  # a smaller town's own name, not Jena
    assert gazetteer.get("Rotterdamm") is None


def test_a_country_adjective_in_time_zone_talk_names_no_country_and_country_names_may_have_two_words() -> None:
    assert keys("Das Telefonat ist für 16 Uhr deutscher Zeit angesetzt.", "de") == []
    assert keys("Die deutsche Regierung und die Vereinigten Staaten berieten.", "de") == ["country:DE", "country:US"]
    assert keys("The call is set for 4 pm German time.", "en") == []


def test_a_name_does_not_run_across_punctuation() -> None:
    names = [p.name for p in find("Salvage crews free Ever Given, Suez traffic resumes", "en")]
    assert "Ever Given" in names
    assert not any(name.startswith("Ever Given ") for name in names)


def test_an_organisation_has_one_key_in_every_language() -> None:
    (german,) = [p for p in find("Die Kanalbehörde SCA stoppte den Verkehr.", "de") if p.kind == "organisation"]
    (english,) = [p for p in find("The Suez Canal Authority halted traffic.", "en") if p.kind == "organisation"]
    assert german.key == english.key == "org:suez-canal-authority"
    assert (german.name, english.name) == ("Suezkanalbehörde", "Suez Canal Authority")


def test_a_lone_capital_opening_an_english_sentence_is_no_name() -> None:
    assert keys("Explainer: why one ship holds up world trade", "en") == []
    assert "person:rabie" in keys("On Saturday Rabie said the wind was not the only cause.", "en")


def test_each_occurrence_is_located_in_its_sentence_as_the_document_reads_it() -> None:
    sentences = ["Kremlchef Wladimir Putin schweigt.", "Trump telefonierte mit Putin, teilte die NATO mit."]
    located = locate_in_document(sentences, "de")[1]
    assert [(sentences[1][o.start : o.end], o.participant.kind) for o in located] == [
        ("Trump", "name"),
        ("Putin", "person"),
        ("NATO", "organisation"),
    ]


def test_a_surname_in_s_is_a_name_where_a_first_name_or_role_introduces_it_and_no_noun_follows() -> None:
    assert named("Finanzministerin Anna Albers sprach am Donnerstag mit Journalisten.", "de") == [
        ("person", "person:albers", "Anna Albers")
    ]
    assert keys("Das kündigte Ministerpräsidentin Katrin Albers (SPD) am Freitag an.", "de")[0] == "person:albers"
    assert keys("Hans Peters, der Verdi-Chef, sprach von Streik.", "de")[0] == "person:peters"
    # A possessor stands before its noun: "Putins" and "Donald Trumps" name whose spokesman.
    assert "person:putin" not in keys("Putins Sprecher Dmitri Peskow widersprach.", "de")
    assert not any("trump" in key for key in keys("Donald Trumps Sprecher widersprach am Montag.", "de"))
