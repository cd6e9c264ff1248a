"""Reading a unit's own report (txt, docx, pdf) into a draft params file, with a review page to confirm it."""
from .assemble import draft_report
from .document import Block, Document, Sentence, read_document
from .model import Draft, Item
from .summary import summary
from .writer import params_text, write_draft

__all__ = ["Block", "Document", "Draft", "Item", "Sentence", "draft_report", "params_text", "read_document",
           "summary", "write_draft"]
