# Runs in the copied project folder before the command.
set -e
ln -s nowhere.yaml content/minimal/pages/02-gone.yaml
