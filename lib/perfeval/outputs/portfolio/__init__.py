"""Cross-unit portfolio: tables and charts comparing units that can be compared."""
from .tables import (COST_RATIOS, Portfolio, comparability_notes, cost_ratios, gather, load_portfolio, score_shares,
                     units_table)

__all__ = ["COST_RATIOS", "Portfolio", "comparability_notes", "cost_ratios", "gather", "load_portfolio", "score_shares",
           "units_table"]
