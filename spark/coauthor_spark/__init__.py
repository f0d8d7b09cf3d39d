"""Coauthor's networks on Apache Spark (see spark/SCHEMA.md and README "More than one machine")."""
