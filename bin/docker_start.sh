#!/bin/sh
# Web server: gunicorn serving the APIs on port 8000, the image's default command.
#
# Every setting has a default here and an entry in docs/configuration.md; the chart sets them
# through settings.*. GUNICORN_CMD_ARGS (gunicorn's own variable) adds any other option.
set -eu

# exec: gunicorn becomes PID 1 and receives Kubernetes' SIGTERM itself, then stops taking new
# connections and lets running requests finish within the graceful timeout.
# --no-control-socket: the control socket would go under $HOME, which does not exist and the
# read-only root filesystem cannot hold. Worker heartbeat files go to /dev/shm, a memory
# filesystem that is writable under a read-only root filesystem too (on a disk-backed
# directory a slow disk can make heartbeats late and workers get killed).
# --max-requests with jitter: workers are replaced one by one after that many requests, so
# slow memory growth is bounded without all workers restarting at once.
exec gunicorn softwarebroker.wsgi:application \
    --bind 0.0.0.0:8000 \
    --workers "${WEB_CONCURRENCY:-2}" \
    --threads "${GUNICORN_THREADS:-2}" \
    --timeout "${GUNICORN_TIMEOUT:-30}" \
    --graceful-timeout "${GUNICORN_GRACEFUL_TIMEOUT:-25}" \
    --keep-alive "${GUNICORN_KEEP_ALIVE:-5}" \
    --max-requests "${GUNICORN_MAX_REQUESTS:-1000}" \
    --max-requests-jitter "${GUNICORN_MAX_REQUESTS_JITTER:-100}" \
    --worker-tmp-dir /dev/shm \
    --access-logfile - \
    --no-control-socket
