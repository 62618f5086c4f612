# Runs in the copied project folder before the command.
set -e
chmod 000 content/minimal/sections/02-mental-health.yaml
