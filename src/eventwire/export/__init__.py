"""Files for other tools: Parquet with nested columns (`nested`), a CAMEO dyadic table (`cameo`) and
event counts per period (`counts`)."""
