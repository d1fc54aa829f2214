#!/bin/sh
# Declarative configuration: applies a django-setup-configuration YAML file.
#
#   setup_configuration.sh [FILE]
#
# FILE defaults to /config/setup-configuration.yaml, where the chart mounts it. The file
# configures API clients, organisations and mandates, the services this instance calls, the
# notifications configuration, the kanalen at the Notificaties API and the peer catalogues; a
# step runs only when the file enables it (docker/setup_configuration/data.yaml is a complete
# example). Running it again changes nothing unless the file changed. Run it after the
# migrations.
set -eu

file="${1:-/config/setup-configuration.yaml}"
if [ ! -r "$file" ]; then
    echo "setup_configuration.sh: cannot read $file" >&2
    exit 1
fi

exec python /app/src/manage.py setup_configuration --yaml-file "$file"
