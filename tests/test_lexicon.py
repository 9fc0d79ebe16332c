"""Pronunciation lexicon: loading, matching rules, and what the real Piper voice receives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from audio_edition import Article, ReadingStyle, Section
from audio_edition.config import load_settings
from audio_edition.errors import ConfigError
from audio_edition.script.lexicon import (
    BUILTIN_LEXICON,
    Entry,
    Lexicon,
    load_lexicon,
    possessive_phonemes,
    read_lexicon,
    readable_respelling,
)
from audio_edition.script.writer import speak_lines, spoken_text, write_script
from audio_edition.tts import Engine
from audio_edition.tts.piper import PiperEngine

# A lexicon of our own, so the rules are tested apart from the built-in entries.
OWN = Lexicon(
    (
        Entry("Kyiv", respelling="KEE-iv", phonemes="kˈiːɪv"),
        Entry("Nice", respelling="NEESS"),
        Entry("NATO", respelling="nay-toe", match_case=True),
        Entry("Xi", respelling="SHEE", phonemes="ʃˈiː", match_case=True),
        Entry("Xi Jinping", respelling="SHEE JIN-PING", phonemes="ʃˈiː dʒˈɪnpˈɪŋ"),
        Entry("Kim", respelling="KEEM"),
        Entry("Kim Jong Un", respelling="KIM jong OON"),
        Entry("gif", respelling="JIF"),
        Entry("Merz", phonemes="mˈɛɹts"),
        Entry("Sunak", phonemes="sˈuːnæk"),
    )
)


def write(tmp_path: Path, text: str, name: str = "names.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# Loading and merging


def test_builtin_lexicon_loads_with_both_forms_for_every_entry() -> None:
    lexicon = load_lexicon()
    assert 25 <= len(lexicon) <= 45
    assert lexicon.get("Qatar") == Entry("Qatar", respelling="KUH-tar", phonemes="kˈʌtɑːɹ")
    assert all(entry.phonemes and entry.respelling for entry in lexicon.entries)
    assert len({entry.key for entry in lexicon.entries}) == len(lexicon)
    assert read_lexicon(BUILTIN_LEXICON) == lexicon


def test_file_forms_and_a_user_file_merged_over_the_builtin(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        '[words]\n"Zelensky" = "zeh-LEN-skee"\n'
        '"Kyiv" = { phonemes = "kɪjˈiːf", respelling = "kih-YEEF" }\n'
        '"NATO" = { respelling = "nay-toe", match_case = true }\n',
    )
    own = read_lexicon(user)
    assert own.entries == (
        Entry("Zelensky", respelling="zeh-LEN-skee"),
        Entry("Kyiv", respelling="kih-YEEF", phonemes="kɪjˈiːf"),
        Entry("NATO", respelling="nay-toe", match_case=True),
    )
    merged = load_lexicon([user])
    assert merged.get("Kyiv") == Entry("Kyiv", respelling="kih-YEEF", phonemes="kɪjˈiːf")
    assert merged.get("Qatar") is not None  # built-in entries stay
    assert len(merged) == len(load_lexicon()) + 3  # none of the three is built in
    assert merged.apply("in Kyiv", phonemes=True) == "in [[ kɪjˈiːf ]]"
    assert load_lexicon([user], builtin=False) == own


def test_later_file_wins_and_an_equal_length_key_of_a_later_file_is_tried_first(
    tmp_path: Path,
) -> None:
    first = write(tmp_path, '[words]\n"Rafah" = "RAF-uh"\n"Gaza" = "GAH-zuh"\n', "a.toml")
    second = write(tmp_path, '[words]\n"Rafah" = "RAH-fah"\n"GAZA" = "GAH-zah"\n', "b.toml")
    lexicon = load_lexicon([first, second], builtin=False)
    assert lexicon.apply("Rafah and GAZA", phonemes=False) == "rahfah and gahzah"


def test_settings_and_config_file_name_a_lexicon(tmp_path: Path) -> None:
    config = write(tmp_path, '[build]\nlexicon = "~/names.toml"\n', "audio-edition.toml")
    assert load_settings(config).lexicon == Path("~/names.toml").expanduser()
    assert load_settings(config, lexicon=tmp_path / "x.toml").lexicon == tmp_path / "x.toml"
    assert load_settings(write(tmp_path, "", "empty.toml")).lexicon is None


BAD_FILES = {
    "bad TOML": ('[words]\n"Kyiv" = \n', "invalid TOML"),
    "not a string or table": (
        '[words]\n"Kyiv" = 3\n',
        "entry 'Kyiv': must be a respelling string or a table, not int",
    ),
    "a list": (
        '[words]\n"Kyiv" = ["KEE-iv"]\n',
        "entry 'Kyiv': must be a respelling string or a table, not list",
    ),
    "unknown key": (
        '[words]\n"Kyiv" = { phonemes = "kˈiːɪv", stress = 1 }\n',
        "entry 'Kyiv': unknown key(s): stress",
    ),
    "empty table": ('[words]\n"Kyiv" = {}\n', "entry 'Kyiv': needs a respelling or phonemes"),
    "match_case not a bool": (
        '[words]\n"NATO" = { respelling = "nay-toe", match_case = "yes" }\n',
        "entry 'NATO': match_case must be true or false",
    ),
    "respelling with digits": (
        '[words]\n"Kyiv" = "KEE-1v"\n',
        "entry 'Kyiv': respelling must be letters",
    ),
    "phonemes with brackets": (
        '[words]\n"Kyiv" = { phonemes = "[[ kˈiːɪv ]]" }\n',
        "entry 'Kyiv': phonemes must be",
    ),
    "empty key": ('[words]\n" " = "KEE-iv"\n', "entry ' ': the word is empty"),
    "unknown table": ('[names]\n"Kyiv" = "KEE-iv"\n', "unknown table(s): names"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_errors_name_the_file_and_the_entry(tmp_path: Path, case: str) -> None:
    text, message = BAD_FILES[case]
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_lexicon([path])
    assert str(caught.value).startswith(f"{path}: {message}")


def test_missing_lexicon_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such lexicon file"):
        load_lexicon([tmp_path / "nowhere.toml"])


# Matching: whole words, case, possessives, phrases

MATCHES = [
    ("Talks in Kyiv resumed.", "Talks in keeiv resumed."),
    ("Kyiv's mayor", "keeiv's mayor"),
    ("Kyiv’s mayor", "keeiv’s mayor"),
    ("Kyivan poets", "Kyivan poets"),  # whole words only
    ("pro-Kyiv forces", "pro-keeiv forces"),  # a hyphen is a word boundary
    ("KYIV UNDER FIRE", "keeiv UNDER FIRE"),  # a capital key matches an all-capital headline
    ("kyiv", "kyiv"),  # ... but not a word without its capital
    ("A nice day in Nice.", "A nice day in neess."),
    ("NATO and Nato", "naytoe and Nato"),  # match_case
    ("Xi met Pope Pius XI.", "shee met Pope Pius XI."),  # match_case keeps the Roman numeral
    ("Xi Jinping spoke", "shee jinping spoke"),  # the phrase wins over "Xi"
    ("Xi  Jinping\nspoke", "shee jinping\nspoke"),  # any whitespace inside a phrase
    ("Kim Jong Un and Kim", "kim jong oon and keem"),  # the phrase wins over "Kim"
    ("a GIF or a gif", "a jif or a jif"),  # a lowercase key matches in any case
    ("Merz spoke", "Merz spoke"),  # phonemes only: nothing to say without phonemes
    ("no names here, 2 of them", "no names here, 2 of them"),
]


@pytest.mark.parametrize(("text", "spoken"), MATCHES)
def test_whole_word_and_case_rules_with_respellings(text: str, spoken: str) -> None:
    assert OWN.apply(text, phonemes=False) == spoken


PHONEME_MATCHES = [
    ("Talks in Kyiv resumed", "Talks in [[ kˈiːɪv ]] resumed"),
    # Possessive "'s" is said inside the block: Piper would spell a bare "'s" as the letter S.
    ("Kyiv's mayor", "[[ kˈiːɪvz ]] mayor"),
    ("Merz's plan", "[[ mˈɛɹtsᵻz ]] plan"),
    ("Sunak's plan", "[[ sˈuːnæks ]] plan"),
    # Punctuation right after a name goes inside: Piper drops it (and the space after it).
    ("Xi Jinping, then Xi.", "[[ ʃˈiː dʒˈɪnpˈɪŋ, ]] then [[ ʃˈiː. ]]"),
    ("Did Merz go?", "Did [[ mˈɛɹts ]] go?"),
    ("Was it Merz?", "Was it [[ mˈɛɹts? ]]"),
    ("A nice day in Nice.", "A nice day in neess."),  # no phonemes: the respelling
]


@pytest.mark.parametrize(("text", "spoken"), PHONEME_MATCHES)
def test_phoneme_blocks_for_engines_that_read_them(text: str, spoken: str) -> None:
    assert OWN.apply(text, phonemes=True) == spoken


@pytest.mark.parametrize(
    ("phonemes", "suffix"),
    [("kˈiːɪv", "z"), ("hˈuːθi", "z"), ("sˈuːnæk", "s"), ("ɹˈɪʃ", "ᵻz"), ("mˈɛɹts", "ᵻz"),
     ("ʃˈiː", "z"), ("bɑːkmˈuːt", "s"), ("sˈæntʃɛz", "ᵻz")],
)  # fmt: skip
def test_possessive_sound_follows_the_last_phoneme(phonemes: str, suffix: str) -> None:
    assert possessive_phonemes(phonemes) == suffix


def test_text_without_names_is_returned_as_given() -> None:
    decomposed = "Cafe\u0301 in Lyon"  # not NFC, and no entry matches: untouched
    assert OWN.apply(decomposed, phonemes=True) is decomposed
    assert Lexicon().apply("Kyiv", phonemes=True) == "Kyiv"
    sanchez = Lexicon((Entry("Sánchez", phonemes="sˈæntʃɛz"),))
    assert sanchez.apply("Sa\u0301nchez said", phonemes=True) == "[[ sˈæntʃɛz ]] said"


# Respellings for engines without phonemes

RESPELLINGS = [
    ("KEE-iv", "keeiv"),
    ("zeh-LEN-skee", "zelenskee"),
    ("tuh-bih-LEE-see", "tabileesee"),
    ("zap-uh-RIZH-uh", "zaparizha"),
    ("SHEE JIN-PING", "shee jinping"),
    ("NEEV", "neev"),
    ("duh", "duh"),  # a word of one syllable is left as it is
]


@pytest.mark.parametrize(("respelling", "readable"), RESPELLINGS)
def test_respelling_is_joined_into_plain_words(respelling: str, readable: str) -> None:
    assert readable_respelling(respelling) == readable


# What the real voice receives


def _voice(piper: Engine) -> PiperEngine:
    assert isinstance(piper, PiperEngine)
    return piper


def _without_stress(phonemes: str) -> str:
    return re.sub(r"[ˈˌːʲ ]", "", phonemes)


def _distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, left in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, right in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (left != right))
    return row[-1]


def test_piper_receives_the_lexicon_phonemes(piper: Engine) -> None:
    voice = _voice(piper)
    article = Article(
        headline="Talks Resume",
        sections=(Section(None, ("Officials in Qatar's capital met Erdoğan, then left.",)),),
    )
    script = write_script(article, ReadingStyle(), "joe", load_lexicon(), phoneme_voices={"joe"})
    segment = script.segments[-1]
    assert segment.display_text == "Officials in Qatar's capital met Erdoğan, then left."
    received = " ".join(voice.phonemize(segment.spoken_text))
    assert "kˈʌtɑːɹz kˈæpɪɾəl" in received and "ˈɛɹdoʊˌɑːn, ðˈɛn" in received
    assert "kˈæɾɑːɹ" not in received and "ɡən" not in received
    without = " ".join(
        voice.phonemize(write_script(article, ReadingStyle(), "joe").segments[-1].spoken_text)
    )
    assert "kˈæɾɑːɹz" in without  # what the voice says without the lexicon


def test_every_builtin_entry_changes_what_the_voice_says(piper: Engine) -> None:
    voice = _voice(piper)
    known = set(json.loads(voice.config_path.read_text(encoding="utf-8"))["phoneme_id_map"])
    for entry in load_lexicon().entries:
        assert entry.phonemes is not None
        unknown = set(entry.phonemes) - known
        assert not unknown, f"{entry.key}: the voice has no phoneme {unknown}"
        assert voice.phonemize(f"[[ {entry.phonemes} ]]") == [entry.phonemes], entry.key
        default = " ".join(voice.phonemize(entry.key))
        assert default != entry.phonemes, f"{entry.key}: the voice already says {default}"


def test_readable_respellings_come_close_to_the_phonemes(piper: Engine) -> None:
    """Across the built-in entries, the voice reading the readable respelling lands far nearer
    the entry's phonemes than it does reading the word, and nearer than plainly joined
    syllables ("zehlenskee" is "ZAY-len-skee")."""
    voice = _voice(piper)

    def off(text: str, phonemes: str) -> int:
        heard = " ".join(voice.phonemize(text))
        return _distance(_without_stress(heard), _without_stress(phonemes))

    word = readable = joined = 0
    for entry in load_lexicon().entries:
        assert entry.phonemes and entry.respelling
        word += off(entry.key, entry.phonemes)
        readable += off(readable_respelling(entry.respelling), entry.phonemes)
        plain = " ".join("".join(w.lower().split("-")) for w in entry.respelling.split())
        joined += off(plain, entry.phonemes)
    assert readable * 2 < word
    assert readable < joined


# The script stage


def test_spoken_text_and_plain_lines_use_the_lexicon_after_normalizing() -> None:
    assert spoken_text("Dr. Merz flew. Then Kyiv.", OWN, phonemes=True) == (
        "Doctor [[ mˈɛɹts ]] flew. Then [[ kˈiːɪv. ]]"
    )
    assert speak_lines(["Nice.", "", "Kyiv's!"], OWN, phonemes=False) == ["neess.", "", "keeiv's!"]


def test_say_speaks_a_user_lexicon_entry_with_the_session_voice(
    piper: Engine, tmp_path: Path
) -> None:
    from audio_edition.config import Settings
    from audio_edition.media import decode_audio
    from audio_edition.orchestration.speak import say

    names = write(tmp_path, '[words]\n"Niamh" = { phonemes = "nˈiːəv", respelling = "NEE-uv" }\n')
    out = tmp_path / "niamh.wav"
    utterance = say("Niamh's talk.", out, Settings(lexicon=names), engine=piper)
    assert utterance.spoken_text == "[[ nˈiːəvz ]] talk."
    assert _voice(piper).phonemize(utterance.spoken_text) == ["nˈiːəvz tˈɔːk."]
    samples, rate = decode_audio(out)
    assert rate == piper.sample_rate
    assert abs(len(samples) * 1000 // rate - utterance.duration_ms) <= 1
    assert 400 < utterance.duration_ms < 2500
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names.toml", "niamh.wav"]
