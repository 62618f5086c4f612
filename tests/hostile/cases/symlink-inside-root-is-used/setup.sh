# Runs in the copied project folder before the command.
set -e
mkdir -p common
mv content/minimal/sections/02-mental-health.yaml common/
ln -s ../../../common/02-mental-health.yaml content/minimal/sections/02-mental-health.yaml
