# Runs in the copied project folder before the command.
set -e
mkdir -p shared
mv content/minimal/sections/02-mental-health.yaml shared/
ln -s ../../../shared/02-mental-health.yaml content/minimal/sections/02-mental-health.yaml
