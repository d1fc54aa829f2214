"""The hostile-input suite's tally (requests sent, time taken, the slowest), shown at the end of
the run. Under pytest-xdist each worker hands its tally to the controller, which adds them up."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class Tally:
    """How many requests the suite sent and how long they took."""

    requests: int = 0
    seconds: float = 0.0
    slowest: tuple[float, str] = (0.0, "")

    def add(self, other: Tally) -> None:
        self.requests += other.requests
        self.seconds += other.seconds
        self.slowest = max(self.slowest, tuple(other.slowest))

    def summary(self) -> str:
        return (
            f"hostile input: {self.requests} requests in {self.seconds:.1f} s, "
            f"the slowest {self.slowest[0]:.2f} s ({self.slowest[1][:100]})"
        )


TALLY = pytest.StashKey[Tally]()


def record(config: pytest.Config, tally: Tally) -> None:
    """Add a module's tally to the run's (its module fixture may be set up more than once)."""
    config.stash.setdefault(TALLY, Tally()).add(tally)


def pytest_sessionfinish(session):
    tally = session.config.stash.get(TALLY, None)
    workeroutput = getattr(session.config, "workeroutput", None)
    if tally is not None and workeroutput is not None:  # a pytest-xdist worker: the controller adds it up
        workeroutput["hostile_tally"] = [tally.requests, tally.seconds, list(tally.slowest)]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    found = getattr(node, "workeroutput", {}).get("hostile_tally")
    if found:
        requests, seconds, slowest = found
        record(node.config, Tally(requests, seconds, (slowest[0], slowest[1])))


def pytest_terminal_summary(terminalreporter, config):
    tally = config.stash.get(TALLY, None)
    if tally is not None:
        terminalreporter.write_line(tally.summary())
