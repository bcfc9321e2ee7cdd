"""Settings in the explorer: the theme is remembered, the keymap rebinds keys
(and help says so), a broken settings file is one message, and the header's
file can be shown with its full path."""

from __future__ import annotations

from pathlib import Path

import pytest
from dateline.store.errors import DateParseError
from dateline.store.timeline import Timeline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.help import HelpScreen
from dateline.tui.settings import load_settings
from dateline.tui.widgets.prompt import PromptBar

from tests.tui.explorer_helpers import SIZE, TODAY, main_screen


def _app(timeline: Timeline, config: Path) -> DatelineApp:
    """The app as ``dateline`` starts it: settings read from ``config``."""
    loaded = load_settings(config)
    return DatelineApp(
        timeline,
        today=TODAY,
        settings=loaded.settings,
        config=config,
        notice=loaded.problem,
    )


def _messages(app: DatelineApp) -> list[str]:
    return [m for _, m, _ in app.messages]


async def test_theme_chosen_in_the_palette_is_in_effect_after_a_restart(
    demo: Timeline, tmp_path: Path
) -> None:
    config = tmp_path / "config" / "dateline" / "config.toml"
    app = _app(demo, config)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        assert not config.exists(), "nothing changed yet: no file"
        # What the palette's "Change theme" does in the end.
        app.theme = "nord"
        await pilot.pause()
    assert 'theme = "nord"' in config.read_text("utf-8")
    again = _app(demo, config)
    async with again.run_test(size=SIZE) as pilot:
        assert again.theme == "nord"


async def test_saving_the_theme_keeps_the_rest_of_a_hand_written_file(
    demo: Timeline, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# mine\nauthor = "Ana"\ntheme = "nord"\n', "utf-8")
    app = _app(demo, config)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await pilot.pause()
    text = config.read_text("utf-8")
    assert text.startswith('# mine\nauthor = "Ana"\n')
    assert load_settings(config).settings.theme == "gruvbox"


async def test_keymap_rebinds_goto_and_help_shows_the_new_key(
    demo: Timeline, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keymap]\n"main.goto" = "ctrl+g"\n', "utf-8")
    app = _app(demo, config)
    async with app.run_test(size=SIZE) as pilot:
        prompt = main_screen(app).query_one(PromptBar)
        await pilot.press("colon")
        assert not prompt.display, "the old key no longer opens go-to"
        await pilot.press("ctrl+g")
        assert prompt.display
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {words: keys for _, keys, words in app.screen.lines}
        assert keys["Go to date"] == "^g"


async def test_broken_settings_start_with_defaults_and_one_message(
    demo: Timeline, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\n[keymap\n"main.goto" = "ctrl+g"\n', "utf-8")
    app = _app(demo, config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        [message] = _messages(app)
        assert str(config) in message and "line 2" in message
        assert "default settings" in message
        # Defaults really apply: colon still goes to a date.
        await pilot.press("colon")
        assert main_screen(app).query_one(PromptBar).display


async def test_unknown_theme_is_named_and_the_default_kept(
    demo: Timeline, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('theme = "solarised-mauve"\n', "utf-8")
    app = _app(demo, config)
    async with app.run_test(size=SIZE):
        assert app.theme == "textual-dark"
        [message] = _messages(app)
        assert '"solarised-mauve"' in message and "nord" in message
    assert config.read_text("utf-8") == 'theme = "solarised-mauve"\n'


async def test_full_path_of_the_file_on_a_key(demo: Timeline, tmp_path: Path) -> None:
    app = DatelineApp(demo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("P")
        assert demo.path is not None
        assert _messages(app) == [str(demo.path.resolve())]


async def test_date_order_reaches_the_explorers_form(
    demo: Timeline, tmp_path: Path
) -> None:
    # "3/4/2026" fits 3 April and 4 March: refused unless the settings say.
    from dateline.tui.screens.event_form import EventFormScreen
    from dateline.tui.widgets.date_field import DateField

    for order, expected in ((None, None), ("DMY", (4, 3)), ("MDY", (3, 4))):
        config = tmp_path / f"{order}.toml"
        config.write_text(f'date_order = "{order}"\n' if order else "", "utf-8")
        app = _app(demo, config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, EventFormScreen)
            field = app.screen.query_one(DateField)
            field.input.value = "3/4/2026"
            if expected is None:
                with pytest.raises(DateParseError, match="3/4/2026"):
                    field.read()
                continue
            when = field.read()
            assert (when.start.month, when.start.day) == expected, order
