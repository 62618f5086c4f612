# Runs in the copied project folder before the command.
set -e
mkfifo content/minimal/sections/03-pipe.yaml
