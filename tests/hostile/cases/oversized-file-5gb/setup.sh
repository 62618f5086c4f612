# Runs in the copied project folder before the command.
set -e
truncate -s 5G content/minimal/sections/03-huge.yaml
