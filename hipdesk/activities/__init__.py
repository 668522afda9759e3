"""The runner's own training record, read from watch files (FIT, GPX, TCX).

Plain Python, no Qt. `reader` turns one file into a `Run` (start, sport, distance, duration, descent) or an
`ActivityFileError` that says what is wrong with that file; `record` drops the same run seen in two files
and derives the weekly distances, the longest run and the descent per kilometre. Only those derived
numbers are ever kept: the GPS track is read past (FIT) or summed as it streams by (GPX, TCX), never stored.
"""
