"""Build the wheel and sdist, check what they hold, and run every command from the installed wheel.

The test suite runs against the editable tree, which hides a module or data file left out of the
package; this check installs the wheel the ordinary way, in a fresh virtual environment, and uses
it from a folder outside the repository, as a user would.

    python .ci/check_dist.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"


def expected_wheel_files() -> set[str]:
    """Every module, the package data and the voice presets, as paths inside the wheel."""
    names = set()
    for name in source_files():
        path = Path(name)
        if name.startswith("audio_edition/") and (
            path.suffix in {".py", ".toml"} or path.name == "py.typed"
        ):
            names.add(name)
        elif name.startswith("voices/") and path.suffix == ".toml":
            names.add(f"audio_edition/voices/{path.name}")
    return names


@functools.cache
def source_files() -> list[str]:
    """The repository's files, tracked or new, without what .gitignore leaves out."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [name for name in listing.split("\0") if name and (ROOT / name).is_file()]


def clean_copy(target: Path) -> Path:
    """The source tree without build leftovers: a stale ``*.egg-info`` lists every file, and
    setuptools would put a module into the wheel from it even when its package is not found."""
    for name in source_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    return target


def expected_sdist_files() -> set[str]:
    """What a downstream packager needs to build, test and license the package."""
    wanted = ("audio_edition/", "voices/", "tests/", "examples/")
    names = {name for name in source_files() if name.startswith(wanted)}
    return names | {"LICENSE", "README.md", "pyproject.toml", "setup.py"}


def fail(message: str) -> None:
    sys.exit(f"check_dist: {message}")


def check_contents(wheel: Path, sdist: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    missing = sorted(expected_wheel_files() - in_wheel)
    if missing:
        fail(f"{wheel.name} lacks {len(missing)} file(s): {', '.join(missing)}")
    with tarfile.open(sdist) as archive:
        prefix = sdist.name.removesuffix(".tar.gz") + "/"
        in_sdist = {name.removeprefix(prefix) for name in archive.getnames()}
    missing = sorted(expected_sdist_files() - in_sdist)
    if missing:
        fail(f"{sdist.name} lacks {len(missing)} file(s): {', '.join(missing[:20])}")
    print(f"check_dist: {wheel.name} and {sdist.name} hold every module and data file")


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> str:
    print("check_dist: $", " ".join(argv[1:] if argv[0].endswith("audio-edition") else argv))
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        fail(f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def smoke_test_serve(tool: str, folder: Path, env: dict[str, str], mp3_name: str) -> None:
    """``serve`` answers the page and a ranged MP3 request, then stops on a signal."""
    server = subprocess.Popen(
        [tool, "serve", str(folder), "--port", "0"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        line = server.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            fail(f"serve printed no address: {line!r}")
        base = f"http://127.0.0.1:{match.group(1)}/"
        with urllib.request.urlopen(base, timeout=10) as response:
            page = response.read().decode()
        if "<audio" not in page:
            fail("serve: / is not the listening page")
        request = urllib.request.Request(base + mp3_name, headers={"Range": "bytes=0-99"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            if response.status != 206 or len(body) != 100:
                fail(f"serve: Range request gave {response.status} with {len(body)} bytes")
        print("check_dist: serve answered / and a ranged MP3 request")
    finally:
        server.terminate()
        server.wait(timeout=10)


# A web page, read by trafilatura and lxml as a user's HTML would be.
SITE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lamps on the Quay</title></head><body><article><h1>Lamps on the Quay</h1>
<p>The harbour lamps were lit again on Friday, after a winter in the workshop.</p>
<p>Volunteers cleaned every pane and the council paid for new wicks.</p></article></body></html>
"""

# A site's feed with one article in full, for `sync`.
SITE_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Check Site</title><link>https://example.com/</link><description>Checks.</description>
<item><title>The Wheel Is Checked</title><link>https://example.com/wheel</link>
<pubDate>Mon, 02 Jun 2025 08:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>The installed wheel built this from a feed.</p>]]>
</content:encoded>
</item></channel></rss>
"""


def smoke_test(wheel: Path, work: Path) -> None:
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    python = str(env_dir / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    tool = str(env_dir / "bin" / "audio-edition")
    # A folder outside the repository, with a cache of its own: nothing comes from the tree.
    cwd = work / "user"
    cwd.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "PYTHONNOUSERSITE": "1"}
    env.pop("PYTHONPATH", None)
    article = cwd / EXAMPLE.name
    article.write_bytes(EXAMPLE.read_bytes())
    out = cwd / "public"

    origin = run([python, "-c", "import audio_edition; print(audio_edition.__file__)"], cwd, env)
    if str(env_dir) not in origin:
        fail(f"audio_edition was imported from {origin.strip()}, not the installed wheel")
    run([tool, "--version"], cwd, env)
    if "joe" not in run([tool, "voices"], cwd, env):
        fail("voices does not list the bundled voice")
    run([tool, "parse", article.name], cwd, env)
    page = cwd / "page.html"
    page.write_text(SITE_PAGE, encoding="utf-8")
    if "Lamps on the Quay" not in run([tool, "parse", page.name], cwd, env):
        fail("parse of an HTML page did not find its headline")
    run([tool, "normalize", article.name], cwd, env)
    run([tool, "say", "Checking the installed wheel.", "-o", "say.mp3"], cwd, env)
    run([tool, "--debug", "build", article.name, "-o", str(out), "--quiet"], cwd, env)
    run(
        [tool, "feed", str(out), "--title", "Check", "--base-url", "https://example.com/"], cwd, env
    )
    mp3s = sorted(out.glob("*.mp3"))
    if not mp3s or not (out / "feed.xml").exists() or not (out / "index.html").exists():
        fail(f"build and feed left {sorted(p.name for p in out.iterdir())}")
    smoke_test_serve(tool, out, env, mp3s[0].name)
    feed = cwd / "site-feed.xml"
    feed.write_text(SITE_FEED, encoding="utf-8")
    synced = cwd / "synced"
    run(
        [tool, "sync", feed.name, "-o", str(synced), "--base-url", "https://example.com/"], cwd, env
    )
    if not list(synced.glob("*.mp3")) or not (synced / "feed.xml").exists():
        fail(f"sync left {sorted(p.name for p in synced.iterdir())}")
    run([tool, "cache", "info"], cwd, env)
    print("check_dist: every command ran from the installed wheel")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build and install in DIR and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="check-dist-") as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        dist = work / "dist"
        source = clean_copy(work / "source")
        subprocess.run(
            [sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wheel = next(dist.glob("*.whl"))
        sdist = next(dist.glob("*.tar.gz"))
        check_contents(wheel, sdist)
        subprocess.run(
            [sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)], check=True
        )
        smoke_test(wheel, work)


if __name__ == "__main__":
    main()
