"""Documents in: readers for every input kind, cleaning, language, source names."""

from .clean import clean_document, clean_record, display_text, language_error
from .language import detect_language
from .model import Document, DocumentError
from .prepare import prepare_documents
from .readers import read_documents
from .source import source_name

__all__ = [
    "Document", "DocumentError", "clean_document", "clean_record", "detect_language", "display_text",
    "language_error", "prepare_documents", "read_documents", "source_name",
]
