"""Mojibake (UTF-8 read as Windows-1252 or Latin-1 upstream) is read again; real text is left alone."""

import pytest

from stripper import Stripper
from stripper.blocks import split_text
from stripper.mojibake import may_hold_mojibake, mend_mojibake, mend_mojibake_lines


def as_windows_1252(text: str) -> str:
    """``text`` as a scraper that read its UTF-8 as Windows-1252 saved it (a browser keeps the
    five bytes Windows-1252 leaves undefined as C1 controls)."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                   for b in text.encode("utf-8"))


@pytest.mark.parametrize("clean", [
    "It’s here — at last, and it’s “worth it”…",
    "A café in São Paulo, 24 °C, © 2026",
    "Ten ✅ tips 👍 for Zürich",
])
def test_text_read_as_windows_1252_is_read_again(clean):
    damaged = as_windows_1252(clean)
    assert damaged != clean and may_hold_mojibake(damaged)
    assert mend_mojibake(damaged) == clean


def test_utf8_read_as_latin1_is_read_again():
    assert mend_mojibake("It’s here".encode().decode("latin-1")) == "It’s here"


def test_mojibake_beside_real_punctuation_in_one_line_is_mended():
    line = "A real dash — then " + as_windows_1252("don’t") + " and a real ’ quote"
    assert mend_mojibake(line) == "A real dash — then don’t and a real ’ quote"


def test_a_c1_control_alone_is_its_windows_1252_character():
    assert mend_mojibake("don\x92t stop\x85") == "don’t stop…"


@pytest.mark.parametrize("text", [
    "château, âge, São Paulo, ÂGE, Ãlvaro, ðe",
    "Plain ASCII text.",
    "Prices in € and ™ marks, “quotes” and — dashes",
])
def test_real_text_is_left_alone(text):
    assert mend_mojibake(text) == text
    assert mend_mojibake_lines([text, text]) == [text, text]


def test_no_break_space_made_a_space_is_mended():
    # A scraper that turns no-break spaces into spaces leaves "Â " where "\xa0" was.
    lines = [as_windows_1252(line).replace("\xc2\xa0", "\xc2 ") for line in
             ["Entry level:\xa0$55,000", "It’s a “starting” salary"]]
    assert lines[0] == "Entry level:Â $55,000"
    assert mend_mojibake_lines(lines) == ["Entry level:\xa0$55,000", "It’s a “starting” salary"]


def test_lines_without_mojibake_come_back_unchanged_and_uncopied():
    lines = ["First line.", "Second — with a dash."]
    assert mend_mojibake_lines(lines) is lines


def test_scraped_text_lines_are_mended_and_cleaned():
    text = as_windows_1252("Café notes\n\nIt’s 18\xa0°C — warm enough.\n\nDon’t wait.")
    title, lines = split_text(text)
    assert title == "Café notes"
    assert lines.texts == ["It’s 18 °C — warm enough.", "Don’t wait."]


def test_html_body_and_title_served_double_encoded_are_mended():
    body = as_windows_1252("<h1>Café guide</h1><p>It’s the city’s word for a short, strong coffee — "
                           "about €0.90 if you drink it standing at the bar.</p>")
    page = f"<html><head><meta charset='utf-8'><title>{as_windows_1252('Café guide')}</title></head>" \
           f"<body><article>{body}</article></body></html>"
    article = Stripper().extract(page)
    assert article.title == "Café guide"
    assert "It’s the city’s word for a short, strong coffee — about €0.90" in article.text


def test_an_author_from_a_double_encoded_byline_is_mended():
    byline = as_windows_1252("By Inês Carvalho")
    page = (f"<html><head><title>Café guide</title></head><body><article><h1>Café guide</h1>"
            f"<p class='byline'>{byline}</p><p>{'A paragraph about coffee and the city. ' * 4}</p>"
            f"</article></body></html>")
    assert Stripper().extract(page).author == "Inês Carvalho"
