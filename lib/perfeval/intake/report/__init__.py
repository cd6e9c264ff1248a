"""Reading a unit's own report (txt, docx, pdf) into a draft of its params: the document's structure (sections,
sentences, tables, totals and their parts), its figures and what they are of, and who and when it is about.

Intake: it imports nothing from checks/ or outputs/ (writing the draft, validated, and its review page are
outputs/draft's)."""
from .assemble import draft_report
from .document import Block, Document, Sentence, read_document
from .model import Draft, Item

__all__ = ["Block", "Document", "Draft", "Item", "Sentence", "draft_report", "read_document"]
