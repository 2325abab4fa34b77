"""Start the real Streamlit app and a real Chromium for browser tests and benchmarks.

Used by ``tests/conftest.py`` and by scripts in ``benchmarks/``. Nothing here is mocked:
the app runs as ``streamlit run app.py`` in a subprocess against its own database file.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
START_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningApp:
    url: str
    port: int
    db_path: Path
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def _wait_healthy(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app exited with {process.returncode}:\n{log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"app did not answer within {START_TIMEOUT_S}s:\n{log_path.read_text(errors='replace')}")


def stop_app(app: RunningApp, kill: bool = False) -> None:
    if app.process.poll() is None:
        app.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            app.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            app.process.kill()
            app.process.wait()


def start_app(db_path: Path, env: dict | None = None, port: int | None = None,
              workdir: Path | None = None, script: str = "app.py") -> RunningApp:
    """Start ``streamlit run app.py`` on a free port against ``db_path``; wait until healthy."""
    port = port or free_port()
    workdir = Path(workdir or tempfile.mkdtemp(prefix="geo-app-"))
    log_path = workdir / f"streamlit-{port}.log"
    full_env = {**os.environ, "GEO_DB": str(db_path), "GEO_TILES": "none",
                "GEO_ONLINE_GEOCODER": "", "PYTHONUNBUFFERED": "1", **(env or {})}
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=REPO, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    app = RunningApp(f"http://127.0.0.1:{port}", port, Path(db_path), process, log_path)
    try:
        _wait_healthy(app.url, process, log_path)
    except Exception:
        stop_app(app, kill=True)
        raise
    return app


@contextlib.contextmanager
def run_app(db_path: Path | None = None, env: dict | None = None):
    """Context manager around start_app/stop_app; a temporary database when none is given."""
    tmp = Path(tempfile.mkdtemp(prefix="geo-app-"))
    app = start_app(Path(db_path or tmp / "geo.db"), env=env, workdir=tmp)
    try:
        yield app
    finally:
        stop_app(app)
        shutil.rmtree(tmp, ignore_errors=True)


def launch_chromium(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM}; run `make test` (it installs it) or set CHROMIUM")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def wait_for_app_ready(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit finished its script run (no running indicator, app view present)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const s = document.querySelector('[data-testid="stStatusWidget"]');
            return !s || !/Running|Connecting/i.test(s.innerText || '');
        }""",
        timeout=timeout_ms,
    )
