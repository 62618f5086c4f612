# Runs in the copied project folder before the command.
set -e
chmod 000 indicators/data/minimal.csv
