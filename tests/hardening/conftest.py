from .hostile import TALLY


def pytest_terminal_summary(terminalreporter, config):
    tally = config.stash.get(TALLY, None)
    if tally is not None:
        terminalreporter.write_line(tally.summary())
