# Runs in the copied project folder before the command.
set -e
ln -s /etc content/minimal/templates/assets/etc
