"""The soak's report: Markdown tables of the requests, the memory, the connections and the
checks, and whether the run passed."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .measure import Samples

CLASSES = (
    ("catalogue", "catalogue reads", 70),
    ("order read", "order reads", 20),
    ("order write", "order writes", 10),
)
# Lines of the server logs (structlog JSON, gunicorn's own) that mean something went wrong.
ERROR_LINE = re.compile(r'"level": ?"(error|critical)"|\[(ERROR|CRITICAL)\]|^Traceback', re.IGNORECASE)
WARNING_LINE = re.compile(r'"level": ?"warning"|\[WARNING\]|Warning:', re.IGNORECASE)


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


def _requests(out: Path, duration: int) -> tuple[list[str], int, int]:
    """The table of operations; the number of requests and of errors."""
    with (out / "locust_stats.csv").open() as file:
        rows = [row for row in csv.DictReader(file) if row["Name"] != "Aggregated"]
    rows.sort(key=lambda row: row["Name"])
    total = sum(int(row["Request Count"]) for row in rows) or 1
    errors = sum(int(row["Failure Count"]) for row in rows)
    lines = [
        "| operation | requests | req/s | p50 ms | p99 ms | max ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for prefix, label, target in CLASSES:
        members = [row for row in rows if row["Name"].startswith(f"{prefix}:")]
        count = sum(int(row["Request Count"]) for row in members)
        failures = sum(int(row["Failure Count"]) for row in members)
        lines.append(
            f"| **{label}** (target {target} %) | **{count:,} ({100 * count / total:.1f} %)** | "
            f"**{count / duration:.1f}** | | | | **{failures}** |"
        )
        for row in members:
            count = int(row["Request Count"])
            lines.append(
                f"| {row['Name'].split(':', 1)[1].strip()} | {count:,} | {count / duration:.1f} | "
                f"{_number(row['50%']):.0f} | {_number(row['99%']):.0f} | "
                f"{_number(row['Max Response Time']):.0f} | {row['Failure Count']} |"
            )
    lines.append(f"| **all** | **{total:,}** | **{total / duration:.1f}** | | | | **{errors}** |")
    failures_file = out / "locust_failures.csv"
    if errors and failures_file.exists():
        with failures_file.open() as file:
            for row in list(csv.DictReader(file))[:10]:
                lines.append(f"\nError: {row['Occurrences']} x {row['Name']}: {row['Error'][:300]}")
    return lines, total, errors


def _at(series: list[tuple[float, float]], t: float) -> float | None:
    """The first sample at or after ``t`` seconds."""
    return next((mb for when, mb in series if when >= t), None)


def _memory(samples: Samples, baseline: int, traffic_end: float, tolerance: float) -> tuple[list[str], bool]:
    midway = (baseline + traffic_end) / 2
    lines = [
        f"| process | RSS after {baseline} s, MB | at {midway:.0f} s | at the end | change | peak | "
        f"CPU s in the run | within +{tolerance:.0f} % |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    ok = True
    for name, series in sorted(samples.rss.items(), key=lambda item: (item[0].startswith("load"), item[0])):
        during = [(t, mb) for t, mb in series if t <= traffic_end + 1]
        first = _at(during, baseline)
        cpu = samples.cpu.get(name)
        cpu_text = f"{cpu[1] - cpu[0]:.0f}" if cpu else ""
        if name.startswith("load generator"):
            peak = max(mb for _, mb in series)
            lines.append(f"| {name} | | | | | {peak:.0f} | {cpu_text} | (not judged) |")
            continue
        if first is None or series[0][0] > baseline:
            ok = False
            lines.append(
                f"| {name} | (not running after {baseline} s: replaced?) | | | | | {cpu_text} | **no** |"
            )
            continue
        end = during[-1][1]
        within = end <= first * (1 + tolerance / 100)
        ok &= within
        lines.append(
            f"| {name} | {first:.1f} | {_at(during, midway) or end:.1f} | {end:.1f} | "
            f"{100 * (end - first) / first:+.1f} % | {max(mb for _, mb in during):.1f} | {cpu_text} | "
            f"{_yes(within)} |"
        )
    return lines, ok


def _log_lines(out: Path, pattern: re.Pattern) -> dict[str, int]:
    counts = {}
    for name in ("web.log", "worker.log"):
        path = out / name
        text = path.read_text(errors="replace") if path.exists() else ""
        counts[name] = sum(1 for line in text.splitlines() if pattern.search(line))
    return counts


def render(
    *,
    arguments,
    run,
    plan,
    prepared,
    out,
    samples: Samples,
    traffic_end,
    drained,
    received,
    locust_status,
    stopped,
    checks,
    checks_status,
    bound,
    load,
) -> tuple[str, bool]:
    duration = arguments.duration
    request_lines, total, errors = _requests(out, duration)
    memory_lines, memory_ok = _memory(samples, arguments.baseline, traffic_end, arguments.rss_tolerance)
    connections = [count for _, count in samples.connections]
    backlog = max((count for _, count in samples.queue), default=0)
    log_errors, log_warnings = _log_lines(out, ERROR_LINE), _log_lines(out, WARNING_LINE)
    pause = (
        f"{arguments.wait} s pause between a client's requests"
        if arguments.wait
        else "no pause between requests"
    )
    recycling = f"after {arguments.max_requests} requests" if arguments.max_requests else "off"
    text = [
        f"## Soak {run}",
        "",
        f"{duration} s of traffic from {arguments.clients} clients ({pause}; locust, headless) against "
        f"gunicorn with the production settings: {arguments.workers} workers x {arguments.threads} "
        f"threads, worker recycling {recycling}; task worker with concurrency "
        f"{arguments.worker_concurrency}, delivering to a local Notificaties API stand-in. Database "
        f"`softwarebroker_soak`: {plan['data']} (prepared in {prepared:.0f} s). Load average (1, 5, "
        f"15 min) before: {' '.join(load[0])}; after: {' '.join(load[1])} (2 cores).",
        "",
        *request_lines,
        "",
        *memory_lines,
        "",
    ]
    measures = [
        ("request errors", f"{errors} of {total:,}", "0", errors == 0 and locust_status == 0),
        (
            f"PostgreSQL client connections, max of {len(connections)} samples (every second)",
            str(max(connections, default=0)),
            f"<= {bound} ({arguments.workers} x {arguments.threads} web threads; task worker: pool of 4, "
            f"1 LISTEN, {arguments.worker_concurrency} job thread(s))",
            0 < max(connections, default=0) <= bound,
        ),
        ("notification jobs waiting, max", str(backlog), "", True),
        (
            "every notification delivered after the traffic",
            f"in {drained:.0f} s" if drained is not None else f"not within {arguments.drain_timeout} s",
            f"within {arguments.drain_timeout} s",
            drained is not None,
        ),
        ("notifications received by the stand-in", f"{received:,}", "", True),
        (
            "servers stopped cleanly (exit status)",
            ", ".join(f"{name} {status}" for name, status in stopped.items()),
            "0",
            all(status == 0 for status in stopped.values()),
        ),
        (
            "error lines in the server logs",
            ", ".join(f"{name} {count}" for name, count in log_errors.items()),
            "0",
            not any(log_errors.values()),
        ),
        (
            "warning lines in the server logs (not judged)",
            ", ".join(f"{name} {count}" for name, count in log_warnings.items()),
            "",
            True,
        ),
    ]
    text += ["| measure | value | limit | met |", "| --- | --- | --- | --- |"]
    text += [f"| {name} | {value} | {limit} | {_yes(ok)} |" for name, value, limit, ok in measures]
    text += ["", "| database check | counted | met |", "| --- | --- | --- |"]
    text += [f"| {name} | {detail} | {_yes(ok)} |" for name, detail, ok in checks]
    if not checks:
        text.append("| (the checks did not run: see the output above) | | **no** |")
    ok = (
        memory_ok
        and all(ok for *_, ok in measures)
        and checks_status == 0
        and bool(checks)
        and all(ok for *_, ok in checks)
    )
    text += ["", f"Result: {'passed' if ok else '**failed**'}."]
    return "\n".join(text), ok
