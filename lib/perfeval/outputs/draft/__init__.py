"""A draft params file from a unit's report (read by intake.report), validated and written, with a review page."""
from ...intake.report import Block, Document, Draft, Item, Sentence, draft_report, read_document
from .summary import summary
from .writer import params_text, write_draft

__all__ = ["Block", "Document", "Draft", "Item", "Sentence", "draft_report", "params_text", "read_document",
           "summary", "write_draft"]
