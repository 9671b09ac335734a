"""A Ray session that touches nothing but 127.0.0.1: a local head node of our own, or a given cluster.

Ray's defaults reach beyond loopback (a cloud-metadata probe and DNS look-ups at start, usage-stats
reports, listening on every interface). A local head is therefore started as its own process bound to
127.0.0.1, with usage stats off, a bootstrap file that says the provider is local (no metadata probe),
a private temporary folder and a random token; it is stopped by signalling that process alone (never
`ray stop`, which would end every Ray process on the machine).
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from eventwire.errors import UsageError

START_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 45.0
OBJECT_STORE_BYTES = 268_435_456


def require_ray() -> None:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise UsageError(
            "--engine ray needs Ray: install the extra with `pip install 'eventwire[ray]'`"
        ) from None


def _quiet_env() -> dict[str, str]:
    """Settings for the driver and the head alike: no usage reports, nowhere to send them."""
    return {
        "RAY_USAGE_STATS_ENABLED": "0",
        "RAY_USAGE_STATS_REPORT_URL": "http://127.0.0.1:9/",
        "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
        "RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S": "0",
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the Ray head node exited with code {proc.returncode} while starting")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(1.0)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise RuntimeError(f"the Ray head node did not listen on 127.0.0.1:{port} within {timeout:.0f} s")


@contextmanager
def local_head(num_cpus: int) -> Iterator[tuple[str, dict[str, str]]]:
    """Start a Ray head node on 127.0.0.1 for the duration; yields its address and the environment a
    driver needs to join it (set before the driver imports Ray, which reads it on import)."""
    tmp = tempfile.mkdtemp(prefix="rt", dir="/tmp")  # short: Unix socket paths hold at most 107 bytes
    home = Path(tmp) / "home"
    home.mkdir()
    (home / "ray_bootstrap_config.yaml").write_text("provider:\n  type: local\n")
    env = {
        **_quiet_env(),
        "HOME": str(home),
        "RAY_TMPDIR": tmp,
        "RAY_AUTH_MODE": "token",
        "RAY_AUTH_TOKEN": secrets.token_hex(32),
    }
    port = _free_port()
    ray_bin = str(Path(sys.executable).with_name("ray"))
    cmd = [
        ray_bin,
        "start",
        "--head",
        "--block",
        "--node-ip-address=127.0.0.1",
        f"--port={port}",
        f"--num-cpus={num_cpus}",
        f"--object-store-memory={OBJECT_STORE_BYTES}",
        "--disable-usage-stats",
        "--include-dashboard=false",
        f"--temp-dir={tmp}/c",
    ]
    proc = subprocess.Popen(
        cmd,
        env={**os.environ, **env},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, proc, START_TIMEOUT_S)
        yield f"127.0.0.1:{port}", env
    finally:
        _stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop only the head we started, and the processes of its own session."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGTERM)  # whatever of its own session is left


def driver_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a driver process: this one's, with the quiet settings (and `extra`)."""
    return {**os.environ, **_quiet_env(), **(extra or {})}


def init_driver(address: str) -> None:
    """`ray.init` in a driver process started with `driver_env`: join `address`, log only warnings."""
    import ray

    ray.init(
        address=address,
        _node_ip_address="127.0.0.1",
        logging_level=logging.WARNING,
        log_to_driver=False,
    )
