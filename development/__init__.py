"""Development tooling: the local run, the embedded database for tests, and the checks of the
Dockerfile, the chart and publiccode.yml. Not part of the application: it is never imported by
it and never copied into the container image."""
