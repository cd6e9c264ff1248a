"""The years a unit can be evaluated for: one bound for params files and the command line's --year."""

EARLIEST = 1990  # budget performance evaluation in China began in the 2000s; earlier years are typing mistakes
LATEST = 2100
