# Runs in the copied project folder before the command.
set -e
mkdir content/minimal/cycles/2024-09.yaml
