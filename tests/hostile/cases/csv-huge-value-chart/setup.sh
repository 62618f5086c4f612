# Runs in the copied project folder before the command.
set -e
sed -i '3s/,31.0,/,1.7e308,/' indicators/data/minimal.csv
