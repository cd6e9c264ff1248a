"""What reads unit results and writes for people: the report, the batch, Excel, the portfolio, the index."""
