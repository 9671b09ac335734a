"""Benchmarks, run as commands and scripts, never as timed tests: the pipeline's speed (`eventwire bench`,
`speed`), the HTTP API's latency (`api`, run by `benchmarks/serve_api.py`) on stores of made-up events
(`synthetic`), and the processes' memory (`procs`)."""
