# Runs in the copied project folder before the command.
set -e
truncate -s 200M indicators/data/huge.csv
