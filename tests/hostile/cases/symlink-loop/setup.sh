# Runs in the copied project folder before the command.
set -e
ln -s .. content/minimal/templates/assets/loop
