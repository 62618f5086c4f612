# Runs in the copied project folder before the command.
set -e
mkdir indicators/data/folder.csv
mkfifo indicators/data/pipe.csv
