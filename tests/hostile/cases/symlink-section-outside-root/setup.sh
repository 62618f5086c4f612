# Runs in the copied project folder before the command.
set -e
ln -s /etc/passwd content/minimal/sections/03-passwd.yaml
