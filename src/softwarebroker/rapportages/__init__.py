"""Rapportages: what municipalities learn from the broker's data together (price statistics
from real purchases, suppressed where an organisation could be recognised), their own spending,
and their landscape next to comparable organisations'."""
