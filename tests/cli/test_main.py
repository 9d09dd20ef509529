"""The ``storyline`` command itself: help that speaks to its user, and arguments it cannot place."""

from __future__ import annotations

import pytest

from storyline.cli import main


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_the_help_says_what_storyline_does_not_how_it_is_built(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys)
    assert "sourced timeline of what" in text
    assert "storyline COMMAND --help" in text
    assert "thin over the library" not in text and "``" not in text


def test_the_topic_options_say_how_to_give_several_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert '--query Telefonat --query Putin' in " ".join(help_text(capsys, "build").split())
    assert '--keywords "Ever Given, Suez"' in " ".join(help_text(capsys, "summarise").split())


def test_an_argument_it_cannot_place_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["tag", "x.txt", "--bogus"])
    assert stopped.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
