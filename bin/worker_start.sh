#!/bin/sh
# Task-queue worker: sends notifications and runs the periodic jobs (procrastinate).
#
# It takes jobs with SELECT ... FOR UPDATE SKIP LOCKED, so several worker pods can run side by
# side. exec: the worker is PID 1 and receives SIGTERM itself; it then finishes the jobs it
# is running before it stops.
set -eu

exec python /app/src/manage.py procrastinate worker "$@"
