"""The one compiled part: extract/readers/_pdfchars.c (see its header and pdffast.py).

Everything else is declared in pyproject.toml. The extension is optional: where no C
compiler or Python headers are found the build goes on without it, and pdffast asks
PDFium through ctypes instead (the same answers, slower).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "extract.readers._pdfchars",
            ["extract/readers/_pdfchars.c"],
            optional=True,
        )
    ]
)
