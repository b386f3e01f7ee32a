"""Running the reader in a pseudo-terminal of its own, as the timing and
memory scripts (first-frame.py, reader-memory.py) do: a home with no
settings, a 100x30 terminal, colour on."""

import fcntl
import os
import pty
import struct
import termios


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
