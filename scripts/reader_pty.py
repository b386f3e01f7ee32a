"""Running the reader in a pseudo-terminal of its own, as the timing and
memory scripts (first-frame.py, reader-memory.py) do: a home with no
settings, a 100x30 terminal, colour on."""

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time


def isolated_env(home):
    """The environment with every settings and data folder inside `home`."""
    env = dict(os.environ)
    env.update(
        HOME=home,
        XDG_CONFIG_HOME=os.path.join(home, "config"),
        XDG_STATE_HOME=os.path.join(home, "state"),
        XDG_DATA_HOME=os.path.join(home, "data"),
        XDG_CACHE_HOME=os.path.join(home, "cache"),
        TERM="xterm-256color",
    )
    env.pop("NO_COLOR", None)
    return env


def spawn(argv, env, rows=30, cols=100):
    """Starts `argv` on a new pseudo-terminal of `cols` x `rows`; (pid, fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def wait_for(fd, marker, deadline):
    """Reads what the reader draws until `marker` shows (True) or
    `deadline` (a time.perf_counter() value) passes or the terminal closes."""
    tail = b""
    while time.perf_counter() < deadline:
        if not select.select([fd], [], [], 0.05)[0]:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        # Only the tail can still hold a marker split across reads.
        tail = tail[-len(marker):] + chunk
        if marker in tail:
            return True
    return False


def drain(fd, seconds):
    """Reads (and drops) what the reader draws for `seconds`."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def quit_reader(pid, fd, grace):
    """Presses q and waits up to `grace` seconds for the reader to leave,
    reading what it draws meanwhile; kills it if it does not."""
    os.write(fd, b"q")
    end = time.perf_counter() + grace
    while time.perf_counter() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        drain(fd, 0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
