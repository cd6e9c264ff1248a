"""Cross-unit portfolio: tables and charts comparing units that can be compared."""
from .tables import COST_RATIOS, comparability_notes, cost_ratios, load_units, score_shares, units_table

__all__ = ["COST_RATIOS", "comparability_notes", "cost_ratios", "load_units", "score_shares", "units_table"]
