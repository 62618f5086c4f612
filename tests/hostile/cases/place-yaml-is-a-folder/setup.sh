# Runs in the copied project folder before the command.
set -e
rm content/minimal/place.yaml
mkdir content/minimal/place.yaml
