"""Participants: people under role words, countries from names and adjectives, organisations."""

from storyline.participants import country_name, find


def keys(sentence: str, lang: str) -> list[str]:
    return [p.key for p in find(sentence, lang)]


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
    assert "person:putin" in keys("Putin fehlte bei dem Treffen in Istanbul.", "de")
    assert "person:putin" in keys("Russian President Vladimir Putin spoke on Tuesday.", "en")


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


def test_a_country_adjective_in_time_zone_talk_names_no_country() -> None:
    assert keys("Das Telefonat ist für 16 Uhr deutscher Zeit angesetzt.", "de") == []
    assert keys("Die deutsche Regierung berät.", "de") == ["country:DE"]
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
