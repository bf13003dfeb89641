"""The record: the official series (Home Office arrivals, deaths by counting body, IOM incidents), read and validated once."""
