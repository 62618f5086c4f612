# Runs in the copied project folder before the command.
set -e
sed -i '3s/,Minimal Borough,/,"=HYPERLINK(""https:\/\/evil.example"")",/' indicators/data/minimal.csv
grep -q HYPERLINK indicators/data/minimal.csv
