"""End to end with real parts: Piper speech, ffmpeg MP3, mutagen tags, transcripts, cache."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import srt
import webvtt
from mutagen.id3 import ID3
from mutagen.mp3 import MP3, BitrateMode

from audio_edition import Edition, Settings, build, load_article
from audio_edition.media import decode_audio
from audio_edition.tts import Engine

from .conftest import FIXTURES, CountingEngine, decode_errors, ebur128, ffmpeg_info, tiny_png


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, piper: Engine) -> tuple[Edition, Settings]:
    """The short fixture article, built once for the checks of this module."""
    root = tmp_path_factory.mktemp("build")
    cover = root / "cover.png"
    cover.write_bytes(tiny_png())
    settings = Settings(output_dir=root / "out", cache_dir=root / "cache", cover=cover)
    return build(FIXTURES / "short-article.txt", settings, engine=piper), settings


def test_files_are_named_from_date_and_headline(built: tuple[Edition, Settings]) -> None:
    edition, settings = built
    assert (
        edition.mp3_path == settings.output_dir / "2025-06-03-rain-garden-opens-on-mill-street.mp3"
    )
    for path in (edition.mp3_path, edition.vtt_path, edition.srt_path, edition.manifest_path):
        assert path.is_file() and path.stat().st_size > 0
    leftovers = [p.name for p in settings.output_dir.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_mp3_decodes_cleanly_and_duration_matches_manifest(built: tuple[Edition, Settings]) -> None:
    edition, _ = built
    assert decode_errors(edition.mp3_path) == ""
    manifest = json.loads(edition.manifest_path.read_text())
    info = MP3(edition.mp3_path).info
    assert info.sample_rate == 44100 and info.channels == 1
    assert info.bitrate == 64000 and info.bitrate_mode == BitrateMode.CBR
    assert abs(info.length * 1000 - manifest["duration_ms"]) < 60
    samples, rate = decode_audio(edition.mp3_path)
    assert abs(len(samples) * 1000 / rate - manifest["duration_ms"]) < 60
    assert manifest["size_bytes"] == edition.mp3_path.stat().st_size
    assert manifest["cue_count"] == len(edition.cues)
    assert manifest["article"]["headline"] == "Rain Garden Opens on Mill Street"


def test_has_a_xing_lame_header_for_exact_duration(built: tuple[Edition, Settings]) -> None:
    edition, _ = built
    data = edition.mp3_path.read_bytes()
    assert b"Info" in data[:8192] or b"Xing" in data[:8192]
    assert b"LAME" in data[:8192] or b"Lavc" in data[:8192]


def test_loudness_meets_the_podcast_standard(built: tuple[Edition, Settings]) -> None:
    edition, _ = built
    integrated, true_peak = ebur128(edition.mp3_path)
    assert -17.0 <= integrated <= -15.0
    assert true_peak <= -1.0


def test_tags_read_back(built: tuple[Edition, Settings]) -> None:
    edition, _ = built
    tags = ID3(edition.mp3_path)
    assert tags.version == (2, 3, 0)
    assert str(tags["TIT2"]) == "Rain Garden Opens on Mill Street"
    assert tags["TPE1"].text == ["Ada Lind"] and tags["TPE2"].text == ["Ada Lind"]
    assert str(tags["TDRC"]) == "2025-06-03"
    stored = ID3(edition.mp3_path, translate=False)  # as ID3v2.3 players read it
    assert str(stored["TYER"]) == "2025" and str(stored["TDAT"]) == "0306"
    assert str(tags["TCON"]) == "Podcast"
    assert tags.getall("COMM")[0].text[0].startswith("A new rain garden")
    assert "Neighbours Take Over" in tags.getall("USLT")[0].text
    assert str(tags["TENC"]).startswith("audio-edition ")
    assert str(tags["TLAN"]) == "eng"
    cover = tags.getall("APIC")[0]
    assert cover.mime == "image/png" and cover.data == tiny_png()


def test_chapters_match_sections_and_audio(built: tuple[Edition, Settings]) -> None:
    edition, _ = built
    tags = ID3(edition.mp3_path)
    toc = tags.getall("CTOC")[0]
    chapters = [tags[f"CHAP:{element}"] for element in toc.child_element_ids]
    titles = [str(chapter.sub_frames["TIT2"]) for chapter in chapters]
    assert titles == ["Rain Garden Opens on Mill Street", "Neighbours Take Over"]
    starts = [chapter.start_time for chapter in chapters]
    assert starts[0] == 0 and starts == sorted(starts)
    duration_ms = MP3(edition.mp3_path).info.length * 1000
    assert all(chapter.end_time <= duration_ms + 50 for chapter in chapters)
    # The heading chapter starts where the heading's cue starts (within 50 ms).
    heading_cue = next(c for c in edition.cues if c.text == "Neighbours Take Over")
    assert abs(starts[1] - heading_cue.start_ms) <= 50
    listing = ffmpeg_info(edition.mp3_path)
    assert listing.index("Rain Garden Opens") < listing.index("Neighbours Take Over")
    assert listing.count("Chapter #") == 2


def test_transcripts_parse_and_follow_the_speech(built: tuple[Edition, Settings]) -> None:
    edition, _ = built
    captions = webvtt.read(str(edition.vtt_path))
    texts = [caption.text for caption in captions]
    assert texts[0] == "Rain Garden Opens on Mill Street"
    assert "By Ada Lind." in texts and "Published June 3, 2025." in texts
    assert "Workers planted 300 native shrubs in April." in texts
    subtitles = list(srt.parse(edition.srt_path.read_text()))
    assert [s.content for s in subtitles] == texts
    samples, rate = decode_audio(edition.mp3_path, 22050)
    duration_ms = len(samples) * 1000 // rate
    ends = [c.end_ms for c in edition.cues]
    assert edition.cues[-1].end_ms <= duration_ms and ends == sorted(ends)

    def level(start_ms: int, end_ms: int) -> float:
        chunk = samples[start_ms * rate // 1000 : end_ms * rate // 1000]
        return float(np.sqrt(np.mean(np.square(chunk)))) if chunk.size else 0.0

    # Within 50 ms: the pause between two cues is silent and each cue's first 200 ms is speech.
    for previous, cue in itertools.pairwise(edition.cues):
        assert level(previous.end_ms + 50, cue.start_ms - 50) < 0.003, cue.text
        assert level(cue.start_ms, cue.start_ms + 200) > 0.01, cue.text


def test_rebuild_synthesizes_nothing_and_edits_resynthesize_one_paragraph(
    tmp_path: Path, counting: CountingEngine, article_copy: Path
) -> None:
    settings = Settings(output_dir=tmp_path / "a", cache_dir=tmp_path / "cache")
    first = build(article_copy, settings, engine=counting)
    assert len(counting.texts) == len(first.cues) and first.clips_synthesized == len(first.cues)

    counting.texts.clear()
    again = build(article_copy, settings, engine=counting)
    assert again.up_to_date and counting.texts == []

    elsewhere = Settings(output_dir=tmp_path / "b", cache_dir=tmp_path / "cache")
    from_cache = build(article_copy, elsewhere, engine=counting)
    assert counting.texts == [] and from_cache.clips_synthesized == 0
    assert (
        decode_audio(from_cache.mp3_path)[0].tobytes() == decode_audio(first.mp3_path)[0].tobytes()
    )

    edited = article_copy.read_text().replace(
        "Residents will water the beds during dry weeks. The school will use",
        "Residents will water the beds during hot weeks. The college will use",
    )
    article_copy.write_text(edited)
    rebuilt = build(article_copy, settings, engine=counting)
    assert sorted(counting.texts) == [  # made side by side, so in either order
        "Residents will water the beds during hot weeks.",
        "The college will use the garden for science lessons.",
    ]
    assert rebuilt.clips_synthesized == 2 and not rebuilt.up_to_date


def test_bitrate_sample_rate_and_id3_version_are_honoured(
    built: tuple[Edition, Settings], tmp_path: Path, counting: CountingEngine
) -> None:
    _, first = built
    settings = Settings(
        output_dir=tmp_path,
        cache_dir=first.cache_dir,
        bitrate_kbps=96,
        sample_rate=48000,
        id3_version=4,
    )
    edition = build(FIXTURES / "short-article.txt", settings, engine=counting)
    assert counting.texts == []  # every clip came from the first build's cache
    info = MP3(edition.mp3_path).info
    assert (info.sample_rate, info.bitrate) == (48000, 96000)
    assert ID3(edition.mp3_path).version == (2, 4, 0)
    integrated, true_peak = ebur128(edition.mp3_path)
    assert -17.0 <= integrated <= -15.0 and true_peak <= -1.0


def test_no_cache_synthesizes_everything_and_stores_nothing(
    tmp_path: Path, counting: CountingEngine
) -> None:
    settings = Settings(output_dir=tmp_path / "out", cache_dir=tmp_path / "cache", use_cache=False)
    edition = build(FIXTURES / "short-article.txt", settings, engine=counting)
    assert len(counting.texts) == len(edition.cues)
    assert not (tmp_path / "cache").exists()


def test_pathological_sentence_is_split_not_fed_whole(
    tmp_path: Path, counting: CountingEngine
) -> None:
    words = " ".join(f"word{i % 50}" for i in range(3000))
    article_path = tmp_path / "long.txt"
    article_path.write_text(f"One Very Long Sentence\n\nBy Ada Lind\n\n{words}, the end.\n")
    article = load_article(article_path)
    assert article.lede is not None and len(article.lede) > 20_000
    from audio_edition.config import ReadingStyle
    from audio_edition.script.writer import write_script

    script = write_script(article, ReadingStyle(), "joe")
    assert max(len(segment.spoken_text) for segment in script.segments) <= 400
    assert (
        " ".join(s.display_text for s in script.segments if s.kind == "lede").replace(" ,", ",")
        == article.lede
    )


def test_damaged_cache_entries_are_made_again(tmp_path: Path, counting: CountingEngine) -> None:
    settings = Settings(output_dir=tmp_path / "a", cache_dir=tmp_path / "cache")
    first = build(FIXTURES / "short-article.txt", settings, engine=counting)
    entries = sorted((tmp_path / "cache" / "clips").rglob("*.wav"))
    entries[0].write_bytes(entries[0].read_bytes()[:-1000])  # cut short
    entries[1].write_bytes(b"RIFF garbage, not a wave file at all")
    counting.texts.clear()
    again = build(
        FIXTURES / "short-article.txt",
        replace(settings, output_dir=tmp_path / "b"),
        engine=counting,
    )
    assert len(counting.texts) == 2  # exactly the two damaged clips
    assert abs(again.duration_ms - first.duration_ms) < 1000  # Piper varies a little per run


def test_temporaries_left_by_a_killed_build_are_cleaned_up(tmp_path: Path, piper: Engine) -> None:
    import os
    import subprocess

    finished = subprocess.Popen(["true"])
    finished.wait()  # its process id now belongs to no running process
    out = tmp_path / "out"
    out.mkdir()
    abandoned = out / f".partial-{finished.pid}-2025-06-03-rain-garden.mp3.abc123"
    abandoned.write_bytes(b"half an mp3")
    running = out / f".partial-{os.getppid()}-other.mp3.def456"
    running.write_bytes(b"another build is writing this right now")
    build(
        FIXTURES / "short-article.txt",
        Settings(output_dir=out, cache_dir=tmp_path / "cache"),
        engine=piper,
    )
    assert not abandoned.exists() and running.exists()


def test_a_parallel_batch_matches_a_serial_one(tmp_path: Path, piper: Engine) -> None:
    from audio_edition.orchestration.runners import build_batch, default_jobs

    second = tmp_path / "second.txt"
    second.write_text(
        (FIXTURES / "short-article.txt").read_text().replace("Mill Street", "Quay Road")
    )
    sources = [str(FIXTURES / "short-article.txt"), str(second)]
    cache = tmp_path / "cache"
    serial = dict(
        build_batch(sources, Settings(output_dir=tmp_path / "serial", cache_dir=cache), jobs=1)
    )
    parallel = dict(
        build_batch(sources, Settings(output_dir=tmp_path / "parallel", cache_dir=cache), jobs=2)
    )
    for source in sources:
        one, other = serial[source], parallel[source]
        assert isinstance(one, Edition) and isinstance(other, Edition)
        assert other.clips_synthesized == 0  # the serial build's clips, from the shared cache
        assert other.duration_ms == one.duration_ms
        assert other.chapters == one.chapters and other.cues == one.cues
        assert decode_audio(other.mp3_path)[0].tobytes() == decode_audio(one.mp3_path)[0].tobytes()
    assert default_jobs(1) == 2 and default_jobs(2) == 2 and default_jobs(8) == 4


def test_a_failing_article_in_a_parallel_batch_is_reported(tmp_path: Path) -> None:
    from audio_edition.errors import InputError
    from audio_edition.orchestration.runners import build_batch

    missing = str(tmp_path / "missing.txt")
    results = dict(
        build_batch(
            [missing, missing + "2"],
            Settings(output_dir=tmp_path, cache_dir=tmp_path / "c"),
            jobs=2,
        )
    )
    assert all(isinstance(result, InputError) for result in results.values())


def test_a_damaged_mp3_does_not_pass_the_strict_decode(
    built: tuple[Edition, Settings], tmp_path: Path
) -> None:
    from audio_edition import EncodeError

    edition, _ = built
    damaged = tmp_path / "damaged.mp3"
    data = bytearray(edition.mp3_path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 3000] = bytes((i * 37) % 256 for i in range(3000))
    damaged.write_bytes(bytes(data))
    decode_audio(edition.mp3_path, strict=True)  # the built file decodes cleanly
    with pytest.raises(EncodeError, match="does not decode cleanly"):
        decode_audio(damaged, strict=True)


def test_sentences_made_side_by_side_land_where_a_serial_build_puts_them(
    tmp_path: Path, counting: CountingEngine
) -> None:
    counting.concurrency = 3  # side by side, whatever this machine's cores
    cache = tmp_path / "cache"
    parallel = build(
        FIXTURES / "short-article.txt",
        Settings(output_dir=tmp_path / "parallel", cache_dir=cache),
        engine=counting,
    )
    assert parallel.clips_synthesized == len(parallel.cues)
    counting.concurrency = 1
    serial = build(
        FIXTURES / "short-article.txt",
        Settings(output_dir=tmp_path / "serial", cache_dir=cache),
        engine=counting,
    )
    # The serial build takes each sentence's clip from the cache by its text: any clip the
    # parallel build put in the wrong place would move the times and change the audio.
    assert serial.clips_synthesized == 0
    assert serial.duration_ms == parallel.duration_ms
    assert serial.chapters == parallel.chapters and serial.cues == parallel.cues
    assert (
        decode_audio(serial.mp3_path)[0].tobytes() == decode_audio(parallel.mp3_path)[0].tobytes()
    )


class _FailingEngine(CountingEngine):
    """The real engine, failing on one sentence as a broken voice or a lost network would."""

    def synthesize(self, text: str) -> np.ndarray:
        if "science lessons" in text:
            from audio_edition import EngineError

            raise EngineError("the voice failed", "test-voice")
        return super().synthesize(text)


def test_a_failure_during_parallel_synthesis_stops_the_build_cleanly(
    tmp_path: Path, piper: Engine
) -> None:
    from audio_edition import EngineError

    failing = _FailingEngine(piper)
    failing.concurrency = 3
    settings = Settings(output_dir=tmp_path / "out", cache_dir=tmp_path / "cache")
    with pytest.raises(EngineError, match="the voice failed"):
        build(FIXTURES / "short-article.txt", settings, engine=failing)
    assert list(settings.output_dir.iterdir()) == []  # nothing half-written, no programme left


def test_memory_does_not_grow_with_the_length_of_the_programme(
    tmp_path: Path, piper: Engine
) -> None:
    import tracemalloc

    # Articles of 6 and 12 minutes from seven sentences, in paragraphs that differ in their
    # order (repeated paragraphs would be dropped as boilerplate); the cache makes each once.
    sentences = [
        "The tide came in at the harbour, and the boats rose with it.",
        "Nobody on the pier said a word until the lamps came on.",
        "A ferry sounded twice beyond the breakwater.",
        "The keeper wrote the time of high water in a green ledger.",
        "Gulls settled on the roof of the fish market.",
        "Two children counted the ropes along the quay.",
        "By nine o'clock the water had begun to fall again.",
    ]
    orders = [" ".join(order) for order in itertools.permutations(sentences, 3)]
    settings = Settings(output_dir=tmp_path / "out", cache_dir=tmp_path / "cache")
    measured = []
    for count in (40, 80):
        article = tmp_path / f"tide-{count}.txt"
        article.write_text(
            f"The Long Tide {count}\n\nBy Ada Lind\n\n" + "\n\n".join(orders[:count])
        )
        tracemalloc.start()
        try:
            edition = build(article, settings, engine=piper)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        measured.append((edition.duration_ms, peak))
    (short_ms, short_peak), (long_ms, long_peak) = measured
    assert long_ms > 10 * 60_000 and long_ms > 1.8 * short_ms
    # NumPy's arrays are traced. Six more minutes are 32 MB more of programme (as float32);
    # the build's memory grows by a small part of that: the loudness analysis, two numbers
    # per 49 samples. (Holding the programme, it would grow by three times as much.)
    programme_growth = (long_ms - short_ms) * 22050 // 1000 * 4
    growth = long_peak - short_peak
    assert growth < programme_growth / 4, f"{growth / 1e6:.1f} MB more for 6 more minutes"
