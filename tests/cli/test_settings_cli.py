"""Issue 18 on the command line: settings, --version, help, completion,
global options after the verb, stdin, pipes, new actors, new files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dateline import __version__
from dateline.store.disk import backup_path
from dateline.store.timeline import Timeline
from dateline.tui.cli.command import main
from dateline.tui.settings import load_settings, parse_settings, save_setting

from tests.cli.test_cli_records import run


def _config(home: Path, text: str) -> Path:
    path = home / "dateline" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


# -- the settings file --------------------------------------------------------
def test_every_key_is_read(tmp_path: Path) -> None:
    settings = parse_settings(
        'theme = "nord"\nauthor = "Ana Ruiz"\ndb = "~/news/t.json"\n'
        'date_order = "dmy"\nprefer = "past"\nlanguages = ["en", "es", "en"]\n'
        '[keymap]\n"main.goto" = "ctrl+g"\n'
    )
    assert settings.theme == "nord" and settings.author == "Ana Ruiz"
    assert settings.db == Path("~/news/t.json").expanduser()
    assert settings.date_order == "DMY" and settings.prefer == "past"
    assert settings.languages == ("en", "es")
    assert dict(settings.keymap) == {"main.goto": "ctrl+g"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('theme = "nord"\ntheme2 = 3\n', ["unknown key `theme2` (line 2)", "author"]),
        ('author = "A"\ndate_order = 12\n', ["`date_order` (line 2)", "a string"]),
        ('date_order = "YMD"\n', ["`date_order` (line 1)", '"DMY"', '"MDY"']),
        ('prefer = "soon"\n', ["`prefer` (line 1)", '"past"']),
        ('languages = "en"\n', ["`languages` (line 1)", "list"]),
        ('languages = ["english"]\n', ['"english"', "language code"]),
        ('keymap = "ctrl+g"\n', ["`keymap` (line 1)", "table"]),
        ('[keymap]\n"main.goto" = 7\n', ["`keymap` (line 1)", '"main.goto"']),
        ('theme = "nord\n', ["not valid TOML", "line 1"]),
    ],
)
def test_a_bad_file_is_defaults_and_one_message(
    config_home: Path, text: str, words: list[str]
) -> None:
    path = _config(config_home, text)
    loaded = load_settings()
    assert loaded.path == path
    assert loaded.settings == parse_settings("")
    assert str(path) in loaded.problem and "default settings" in loaded.problem
    for word in words:
        assert word in loaded.problem, word


def test_verb_runs_with_defaults_after_one_line_about_the_settings(
    capsys: pytest.CaptureFixture[str], config_home: Path, demo_path: Path
) -> None:
    _config(config_home, 'prefer = "past"\ntheme = "nord\n')
    code, out, err = run(capsys, "--db", str(demo_path), "list")
    assert code == 0 and "Petro" in out
    [notice, count] = err.splitlines()
    assert notice.startswith("dateline: Settings file") and "line 2" in notice
    assert count == "8 of 8 events"


def test_saving_creates_the_file_and_keeps_what_was_there(config_home: Path) -> None:
    path = config_home / "dateline" / "config.toml"
    assert save_setting("theme", "nord") == path
    assert load_settings().settings.theme == "nord"
    path.write_text('# my notes\nauthor = "Ana"\n' + path.read_text("utf-8"))
    save_setting("theme", "gruvbox")
    assert path.read_text("utf-8").startswith('# my notes\nauthor = "Ana"\n')
    settings = load_settings().settings
    assert (settings.theme, settings.author) == ("gruvbox", "Ana")


def test_saving_never_overwrites_a_broken_file(config_home: Path) -> None:
    path = _config(config_home, "theme = [\n")
    with pytest.raises(ValueError, match="not saved"):
        save_setting("theme", "nord")
    assert path.read_text("utf-8") == "theme = [\n"


def test_settings_db_is_the_default_timeline(
    capsys: pytest.CaptureFixture[str], config_home: Path, demo_path: Path
) -> None:
    _config(config_home, f'db = "{demo_path}"\n')
    code, out, _ = run(capsys, "list")
    assert code == 0 and "Petro" in out


def test_date_order_reads_numeric_dates_both_orders_allow(
    capsys: pytest.CaptureFixture[str], config_home: Path
) -> None:
    code, _, err = run(capsys, "dates", "3/4/2026", "--format", "json")
    assert code == 2 and "day first" in err
    _config(config_home, 'date_order = "MDY"\n')
    code, out, _ = run(capsys, "dates", "3/4/2026", "--format", "json")
    assert code == 0 and json.loads(out)["start"] == "2026-03-04"
    _config(config_home, 'date_order = "DMY"\n')
    code, out, _ = run(capsys, "dates", "3/4/2026", "--format", "json")
    assert json.loads(out)["start"] == "2026-04-03"
    # One only one order allows is still read, whatever the setting says.
    code, out, _ = run(capsys, "dates", "12/25/2025", "--format", "json")
    assert json.loads(out)["start"] == "2025-12-25"


def test_prefer_setting_is_the_default_and_the_flag_wins(
    capsys: pytest.CaptureFixture[str], config_home: Path
) -> None:
    args = ("dates", "September", "--anchor", "2026-01-10", "--format", "json")
    _config(config_home, 'prefer = "future"\n')
    _, out, _ = run(capsys, *args)
    assert json.loads(out)["start"] == "2026-09-01"
    _, out, _ = run(capsys, *args, "--prefer", "past")
    assert json.loads(out)["start"] == "2025-09-01"


def test_settings_verb_names_the_file_and_values(
    capsys: pytest.CaptureFixture[str], config_home: Path
) -> None:
    path = _config(config_home, 'author = "Ana"\n[keymap]\n"main.goto" = "ctrl+g"\n')
    code, out, _ = run(capsys, "settings")
    assert code == 0
    assert f"file: {path}\n" in out
    assert "author: Ana\n" in out and "keymap: main.goto=ctrl+g\n" in out


# -- the command line ---------------------------------------------------------
def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"dateline {__version__}\n"


@pytest.mark.parametrize(
    ("verb", "options"),
    [
        ("add", ["--title", "--summary", "--actor", "--quote", "--source", "--tag"]),
        ("list", ["--search", "--tag", "--status", "--format", "--db"]),
        ("check", ["--db"]),
        ("restore", ["--db"]),
        ("import", ["FILE", "--format"]),
    ],
)
def test_help_verb_explains_every_option(
    capsys: pytest.CaptureFixture[str], verb: str, options: list[str]
) -> None:
    code, out, _ = run(capsys, "help", verb)
    assert code == 0 and out.startswith(f"usage: dateline {verb}")
    # Below the usage lines, which name the options without words.
    lines = out.split("\n\n", 1)[1].splitlines()
    described = out.split("options:", 1)[0].splitlines()[-2]
    assert described.strip(), "the verb says what it does"
    for option in options:
        row = next(
            i for i, line in enumerate(lines) if line.lstrip().startswith(option)
        )
        words = lines[row].strip()[len(option) :].strip()
        next_line = lines[row + 1] if row + 1 < len(lines) else ""
        assert words or next_line.startswith(" " * 10), f"{option} has no help"


def test_every_option_of_every_verb_has_help() -> None:
    import argparse

    from dateline.tui.cli.command import build_parser

    def bare(parser: argparse.ArgumentParser) -> list[str]:
        missing = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    missing += bare(sub)
            elif not action.help:
                missing.append(f"{parser.prog} {action.dest}")
        return missing

    assert bare(build_parser()) == []


def test_help_for_an_unknown_verb_lists_the_verbs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "help", "lst")
    assert code == 2 and 'No verb called "lst"' in err and "list" in err


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o"), ("zsh", "#compdef dateline"), ("fish", "complete -c")],
)
def test_completion_is_generated_from_the_parser(
    capsys: pytest.CaptureFixture[str], shell: str, marker: str
) -> None:
    code, out, _ = run(capsys, "completion", shell)
    assert code == 0 and marker in out
    # shtab's fish script completes verbs only; bash and zsh options too.
    words = ("ingest", "--allow-duplicates", "--new-actor")
    for word in words if shell != "fish" else words[:1]:
        assert word in out, word


def test_completion_help_says_how_to_install(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "help", "completion")
    assert "completions/dateline" in " ".join(out.split())


def test_db_after_the_verb(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    before = run(capsys, "--db", str(demo_path), "list", "--format", "json")
    after = run(capsys, "list", "--format", "json", "--db", str(demo_path))
    assert after == before and len(json.loads(after[1])) == 8


def test_db_after_the_verb_wins_over_before(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    _, out, _ = run(capsys, "--db", str(other), "list", "--db", str(demo_path))
    assert "Petro" in out


def test_no_verb_into_a_pipe_is_one_line_and_exit_2(demo_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "--db", str(demo_path)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=30,
        env={**os.environ, "XDG_CONFIG_HOME": str(demo_path.parent)},
    )
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "not a terminal" in line and "dateline list" in line


def test_import_from_stdin(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exported = tmp_path / "all.csv"
    run(capsys, "--db", str(demo_path), "export", str(exported))
    fresh = tmp_path / "fresh.json"
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "--db", str(fresh), "import", "-"],
        input=exported.read_text("utf-8"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 8 events")
    with Timeline.open(fresh) as timeline:
        assert len(timeline) == 8


# -- actors ------------------------------------------------------------------
def test_add_names_the_actors_it_created(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, out, err = run(
        capsys,
        "--db",
        str(demo_path),
        "add",
        "--date",
        "2026-01-12",
        "--title",
        "Talks",
        "--actor",
        "Petro",
        "--actor",
        "Claudia Sheinbaum",
    )
    assert code == 0 and out.startswith("ev")
    assert err.splitlines() == ["new actor: Claudia Sheinbaum"]


def test_add_refuses_a_near_miss_of_a_known_actor(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    before = demo_path.read_bytes()
    args = ("--db", str(demo_path), "add", "--date", "2026-01-12", "--title", "T")
    code, _, err = run(capsys, *args, "--actor", "Gustavo Ptro")
    assert code == 2
    assert '"Gustavo Ptro"' in err and '"Gustavo Petro"' in err
    assert "--new-actor" in err
    assert demo_path.read_bytes() == before
    code, _, err = run(capsys, *args, "--actor", "Gustavo Ptro", "--new-actor")
    assert code == 0 and err == "new actor: Gustavo Ptro\n"


def test_a_quote_speaker_is_checked_too(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, _, err = run(
        capsys,
        "--db",
        str(demo_path),
        "add",
        "--date",
        "2026-01-12",
        "--title",
        "T",
        "--quote",
        "Marco Rubbio: words",
    )
    assert code == 2 and '"Marco Rubio"' in err


# -- files -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("article.txt", "Petro met Trump on Friday.\n"),
        ("article.html", "<html><body><p>Petro met Trump.</p></body></html>"),
        ("notes", "Petro met Trump on Friday.\n"),
    ],
)
def test_import_of_an_article_points_to_ingest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str
) -> None:
    article = tmp_path / name
    article.write_text(content, "utf-8")
    db = tmp_path / "t.json"
    code, _, err = run(capsys, "--db", str(db), "import", str(article))
    assert code == 2
    assert f"`dateline ingest {article}`" in err
    assert not db.exists()


def test_an_empty_file_is_set_up_as_a_new_timeline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "new.json"
    db.touch()
    code, _, err = run(
        capsys, "--db", str(db), "add", "--date", "2026-01-09", "--title", "First"
    )
    assert code == 0
    assert (
        err.splitlines()[0] == f"dateline: {db} was empty; set it up as a new timeline."
    )
    bak = backup_path(db)
    assert not bak.exists() or bak.read_bytes(), "no empty backup to restore"
    with Timeline.open(db) as timeline:
        assert [e.title for e in timeline.events()] == ["First"]
    code, _, err = run(capsys, "--db", str(db), "list")
    assert code == 0 and "was empty" not in err


def test_an_empty_file_beside_a_backup_is_still_refused(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    with Timeline.open(demo_path) as timeline:
        timeline.put(timeline.events()[0])  # a snapshot leaves a .bak
    demo_path.write_bytes(b"")  # then something truncated the file
    code, _, err = run(capsys, "--db", str(demo_path), "list")
    assert code == 2 and "is empty" in err and "restore" in err
    assert demo_path.read_bytes() == b""


def test_demo_removes_its_folder_on_exit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tempfile

    from dateline.tui.app import DatelineApp

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen: list[Path] = []

    def run_app(app: DatelineApp) -> None:
        assert app.timeline.path is not None
        seen.append(app.timeline.path)
        assert app.timeline.path.exists()

    monkeypatch.setattr(DatelineApp, "run", run_app)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--demo"]) == 0
    [path] = seen
    assert path.parent.parent == tmp_path
    assert not path.parent.exists()
    assert list(tmp_path.iterdir()) == []
