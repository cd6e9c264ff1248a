"""Reading a unit's own report (txt, docx, pdf) towards a draft params file."""
from .document import Block, Document, Sentence, read_document

__all__ = ["Block", "Document", "Sentence", "read_document"]
