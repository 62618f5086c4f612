# Runs in the copied project folder before the command.
set -e
mkdir -p content/minimal/templates/partials
ln -s /etc/hostname content/minimal/templates/partials/rag_table.mustache
