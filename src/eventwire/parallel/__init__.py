"""Runners beyond one process: a local process pool (`pool`) and Ray Data (`ray_engine`).

Both run the same stage functions as the single-process runner: read (`ingest.readers`), code
(`pipeline.Pipeline`, loaded once per worker) and store (`store.duck`, in the main process only).
"""
