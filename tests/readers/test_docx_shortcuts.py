"""The speed-ups of extract.readers.docx, each held to the plain code it replaced.

The body of a DOCX is parsed alone instead of opening the whole package with python-docx.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import pytest
from conftest import CORPUS

from extract.settings import DEFAULT_SETTINGS


@pytest.mark.parametrize("path", sorted(CORPUS.glob("office/*.docx")), ids=lambda p: p.stem)
def test_docx_body_parsed_alone_reads_as_the_whole_package_opened_by_python_docx(path):
    import io

    import docx

    from extract.readers.docx import blocks_of, read_docx

    data = path.read_bytes()
    assert read_docx(data, DEFAULT_SETTINGS) == blocks_of(docx.Document(io.BytesIO(data)).element.body)
