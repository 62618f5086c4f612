# Runs in the copied project folder before the command.
set -e
ln -s /etc/passwd indicators/data/passwd.csv
