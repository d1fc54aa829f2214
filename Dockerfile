# Open Softwarebroker container image.
#
#   web:                 the default command, bin/docker_start.sh (gunicorn on port 8000)
#   worker:              bin/worker_start.sh (the procrastinate task-queue worker)
#   setup-configuration: bin/setup_configuration.sh FILE (declarative configuration)
#
# Build from the repository root: docker build -t open-softwarebroker .
# Lint: python -m development.check_dockerfile Dockerfile

# --- builder: the runtime dependencies in a self-contained virtualenv ---------------------
# Both stages use the same base image, so the virtualenv's interpreter symlinks stay valid
# when it is copied into the final stage.
FROM python:3.12-slim-bookworm AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1

RUN python -m venv /opt/venv

# Only the pinned runtime requirements go in, so source edits do not invalidate this layer.
COPY requirements/base.txt /tmp/requirements.txt
# Wheels only: the runtime dependencies (psycopg-binary included) ship manylinux wheels, so
# the image needs no compiler, and a dependency without a wheel fails here instead of
# silently pulling in a build toolchain. The one exception is named: djangorestframework-camel-case
# (needed by notifications-api-common) is published as a pure-Python source package only.
# pip check catches an inconsistent pin set.
RUN /opt/venv/bin/pip install --no-cache-dir --only-binary=:all: \
        --no-binary=djangorestframework-camel-case -r /tmp/requirements.txt \
    && /opt/venv/bin/pip check

# --- runtime ---------------------------------------------------------------------------------
FROM python:3.12-slim-bookworm AS runtime

LABEL org.opencontainers.image.title="Open Softwarebroker" \
      org.opencontainers.image.description="Software catalogue and order registration for Dutch municipalities (Common Ground)" \
      org.opencontainers.image.licenses="EUPL-1.2" \
      org.opencontainers.image.source="https://github.com/open-softwarebroker/open-softwarebroker"

# A fixed numeric uid/gid: Kubernetes can only verify runAsNonRoot against a numeric USER, and
# volume permissions (fsGroup) stay predictable. No home directory: nothing may write there.
RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin app

# DJANGO_SETTINGS_MODULE is baked in because manage.py defaults to the development settings;
# without it the worker command would start with them. It holds no secret.
# The gunicorn settings (WEB_CONCURRENCY, GUNICORN_*) have their defaults in the start script.
# Bytecode is compiled at build time below; at run time the root filesystem is read-only.
ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONPATH=/app/src \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=softwarebroker.conf.production

WORKDIR /app

COPY --from=builder /opt/venv /opt/venv
# Everything stays owned by root and read-only for the app user: the code cannot be changed
# by the process that runs it.
# The start scripts keep the executable bit they have in git.
COPY LICENSE ./
COPY bin/ bin/
COPY src/ src/

# Static files are collected at build time into /app/static, where whitenoise serves them
# from. Production settings refuse to load without a secret key and a database URL, so this
# step alone gets a throwaway random key and an unreachable URL; neither ends up in the image.
RUN python -m compileall -q src \
    && SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
       DATABASE_URL=postgresql://build@localhost/build \
       python src/manage.py collectstatic --noinput

USER 1000:1000

EXPOSE 8000

# Exec form, and the script execs gunicorn, so gunicorn is PID 1 and gets Kubernetes' SIGTERM
# for a graceful shutdown. The script sets the worker options from environment variables.
CMD ["/app/bin/docker_start.sh"]
