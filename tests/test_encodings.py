"""Bytes are decoded from BOM, declared charset, then a detector."""

import pytest
from conftest import PROSE

from stripper import extract
from stripper.errors import DecodeError

SENTENCE = "Der Bürgermeister sagte, die Straße werde im März für zwölf Tage gesperrt – „endlich“."


def page(head: str, body: str) -> str:
    return (f"<html><head>{head}<title>Titel</title></head><body><article><h1>Titel</h1>"
            f"<p>{body}</p><p>{PROSE[0]}</p></article></body></html>")


def test_windows_1252_with_meta_charset():
    text = "Café prices rose by 5 € – “nobody expected it”, said the owner of the café."
    data = page('<meta charset="windows-1252">', text).encode("cp1252")
    assert text in extract(data).text


def test_utf8_without_declaration():
    data = page("", SENTENCE).encode("utf-8")
    assert SENTENCE in extract(data).text


def test_utf16_with_bom():
    data = page('<meta charset="utf-16">', SENTENCE).encode("utf-16")
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert SENTENCE in extract(data).text


def test_wrong_declared_charset_still_decodes():
    # Declares Latin-1 but is UTF-8: must not turn into mojibake.
    data = page('<meta charset="iso-8859-1">', SENTENCE).encode("utf-8")
    assert SENTENCE in extract(data).text
    # Declares UTF-8 but is windows-1252: decoded by the detector, not with replacement characters.
    text = "Les élèves ont reçu leurs résultats après une année très difficile à l’école."
    data = page('<meta charset="utf-8">', text).encode("cp1252")
    result = extract(data).text
    assert "\ufffd" not in result
    assert "élèves" in result and "reçu" in result


def test_shift_jis_declared_in_meta():
    text = "東京都は来年から新しい交通計画を始めると発表しました。市民の意見も聞くということです。"
    data = page('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
                text).encode("shift_jis")
    assert text in extract(data).text


def test_cjk_utf16_without_bom():
    # No byte-order mark, and no NUL bytes to tell UTF-16 by: the detector's guess is taken.
    text = "这是一个测试文件，内容是中文。我们希望它能被正确地解码。"
    assert extract(text.encode("utf-16-le"), input_type="text").text == text


def test_a_few_binary_bytes_are_no_utf16():
    # Any even run of bytes decodes as UTF-16; twelve bytes of binary data are refused.
    with pytest.raises(DecodeError, match="binary data"):
        extract(b"\x00\x01\xff\xfe garbage")
