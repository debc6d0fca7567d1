"""Typed exceptions: the library raises these, only the CLI turns them into messages.

Every message is written for the person running the batch: it says what is wrong with
the file and, where there is one, what to do about it.
"""


class KehoachError(Exception):
    """Base of every error kehoach raises on purpose."""


class DocumentError(KehoachError):
    """A single input file cannot be read; the batch records it and goes on."""


class EmptyFileError(DocumentError):
    pass


class UnsupportedFormatError(DocumentError):
    pass


class CorruptFileError(DocumentError):
    pass


class EncryptedFileError(DocumentError):
    pass


class LimitExceededError(DocumentError):
    """A file is past a configured limit; the message names the setting to raise."""


class NoTextError(DocumentError):
    pass


class TimeLimitError(LimitExceededError):
    """Reading a document took longer than max_seconds_per_document."""


class MissingToolError(DocumentError):
    """A program needed for this kind of file (LibreOffice, Tesseract) is not installed."""


class SettingsError(KehoachError, ValueError):
    """A setting has a bad value; the message names the setting."""


class RulesError(KehoachError):
    """A rules file is malformed; the message names the file, entry and field."""


class StoreError(KehoachError):
    """The database cannot be opened or written (locked, read-only, corrupt)."""


class ExecutorError(KehoachError):
    """Extraction workers cannot be reached (for example a Dask scheduler that does not answer)."""


class RunInterrupted(KehoachError):
    """An ingest stopped by Ctrl-C (SIGINT); what it had committed stays, `summary` says what that was."""

    def __init__(self, message: str, summary=None):
        super().__init__(message)
        self.summary = summary


class GoldError(KehoachError):
    """Gold annotations are missing or malformed."""


class NothingToScoreError(GoldError):
    """No stored document matches a gold file: the run was valid but scored nothing, which
    must not read as a perfect score (exit status 1, as a failed evaluation)."""

    exit_code = 1
